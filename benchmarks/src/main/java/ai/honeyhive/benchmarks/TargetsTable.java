package ai.honeyhive.benchmarks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The targets of issue 9 (and the gen_ai bridge's of issue 17), each a ratio of two variants of one report run, with
 * whether its bound is met.
 */
final class TargetsTable {

    private final Scores scores;
    private final List<String> rows = new ArrayList<>();

    TargetsTable(Scores scores) {
        this.scores = scores;
    }

    /** The table, in Markdown, headed by when and where it was measured. */
    String markdown() {
        String traced = "t1:TracedCallBenchmark.";
        double raw = scores.get(traced + "otelRaw:avgt");
        double nocapture = scores.get(traced + "tracedNoCapture:avgt");
        double passThrough = scores.get(traced + "passThroughInterceptor:avgt");
        double rawBytes = scores.get(traced + "otelRaw:avgt:bytes");
        double nocaptureBytes = scores.get(traced + "tracedNoCapture:avgt:bytes");
        double passThroughBytes = scores.get(traced + "passThroughInterceptor:avgt:bytes");
        double coreApi = scores.get(traced + "coreApi:avgt");
        row(
                "`traced-nocapture` time vs `otel-raw`",
                "≤ 1.25×",
                nocapture / raw <= 1.25,
                "%.0f / %.0f ns = %.2f×; without Weld's own interception (%.0f ns, `pass-through-interceptor`):"
                        + " %.2f×; the same span through the core API, no container (`core-api`): %.0f ns = %.2f×",
                nocapture,
                raw,
                nocapture / raw,
                passThrough,
                (nocapture - passThrough) / raw,
                coreApi,
                coreApi / raw);
        row(
                "extra allocation of `traced-nocapture` vs `otel-raw`",
                "≤ 1.2×, ≤ 1 KB per call",
                nocaptureBytes / rawBytes <= 1.2 && nocaptureBytes - rawBytes <= 1024,
                "%.0f / %.0f B = %.2f× (%+.0f B); without Weld's (%.0f B): %.2f× (%+.0f B)",
                nocaptureBytes,
                rawBytes,
                nocaptureBytes / rawBytes,
                nocaptureBytes - rawBytes,
                passThroughBytes,
                (nocaptureBytes - passThroughBytes) / rawBytes,
                nocaptureBytes - passThroughBytes - rawBytes);
        double capture = scores.get(traced + "tracedCapture:avgt");
        double sameAttrs = scores.get(traced + "otelRawSameAttrs:avgt");
        double captureBytes = scores.get(traced + "tracedCapture:avgt:bytes");
        double sameAttrsBytes = scores.get(traced + "otelRawSameAttrs:avgt:bytes");
        row(
                "`traced-capture` vs `otel-raw-same-attrs`, time and bytes",
                "≤ 1.5×",
                capture / sameAttrs <= 1.5 && captureBytes / sameAttrsBytes <= 1.5,
                "time %.0f / %.0f ns = %.2f× (without Weld's: %.2f×); bytes %.0f / %.0f = %.2f× (without Weld's:"
                        + " %.2f×)",
                capture,
                sameAttrs,
                capture / sameAttrs,
                (capture - passThrough) / sameAttrs,
                captureBytes,
                sameAttrsBytes,
                captureBytes / sameAttrsBytes,
                (captureBytes - passThroughBytes) / sameAttrsBytes);
        double disabled = scores.get(traced + "tracedDisabled:avgt");
        double plain = scores.get(traced + "plainCall:avgt");
        double bean = scores.get(traced + "beanCall:avgt");
        double disabledBytes = scores.get(traced + "tracedDisabled:avgt:bytes");
        double plainBytes = scores.get(traced + "plainCall:avgt:bytes");
        row(
                "`traced-disabled` minus `plain-call`",
                "≤ 50 ns, 0 B",
                disabled - plain <= 50 && disabledBytes - plainBytes < 1,
                "%.1f − %.1f ns = %+.1f ns, %+.0f B (the same method without `@Traced` on the same bean: %.1f ns)",
                disabled,
                plain,
                disabled - plain,
                disabledBytes - plainBytes,
                bean);
        double enrich = scores.get(traced + "enrich:avgt");
        double tenSet = scores.get(traced + "tenSetAttribute:avgt");
        row(
                "`enrich` vs ten `setAttribute`",
                "≤ 1.2×",
                enrich / tenSet <= 1.2,
                "%.0f / %.0f ns = %.2f× (bytes %.0f / %.0f)",
                enrich,
                tenSet,
                enrich / tenSet,
                scores.get(traced + "enrich:avgt:bytes"),
                scores.get(traced + "tenSetAttribute:avgt:bytes"));
        String traced4 = "t4:TracedCallBenchmark.";
        double scalingTraced = nocapture / scores.get(traced4 + "tracedNoCapture:avgt") * 4;
        double scalingRaw = raw / scores.get(traced4 + "otelRaw:avgt") * 4;
        row(
                "4-thread/1-thread throughput of `traced-nocapture` vs that of `otel-raw`",
                "≥ 0.9×",
                scalingTraced / scalingRaw >= 0.9,
                "%.2f / %.2f = %.2f× (2 cores: neither can scale past 2×)",
                scalingTraced,
                scalingRaw,
                scalingTraced / scalingRaw);
        jaxrsRow("TEST_MODE", "t1");
        jaxrsRow("TEST_MODE", "t4");
        jaxrsRow("LOOPBACK", "t1");
        String propagation = "t1:PropagationBenchmark.";
        row(
                "W3C extract of inbound headers vs OpenTelemetry's propagators",
                "(no bound)",
                true,
                "%.0f / %.0f ns = %.2f× (bytes %.0f / %.0f)",
                scores.get(propagation + "honeyhiveExtract:avgt"),
                scores.get(propagation + "otelExtract:avgt"),
                scores.get(propagation + "honeyhiveExtract:avgt") / scores.get(propagation + "otelExtract:avgt"),
                scores.get(propagation + "honeyhiveExtract:avgt:bytes"),
                scores.get(propagation + "otelExtract:avgt:bytes"));
        for (String benchmark : List.of("tracedCall", "tracedRequest")) {
            String base = "t1:BackendFaultBenchmark." + benchmark;
            double upP50 = scores.get(base + "[UP]:sample:p50");
            double upP999 = scores.get(base + "[UP]:sample:p99.9");
            for (LoopbackHoneyHive.Fault fault : LoopbackHoneyHive.Fault.values()) {
                if (fault == LoopbackHoneyHive.Fault.UP) {
                    continue;
                }
                double p50 = scores.get(base + "[" + fault + "]:sample:p50");
                double p999 = scores.get(base + "[" + fault + "]:sample:p99.9");
                row(
                        "`" + benchmark + "` latency, HoneyHive " + fault + " vs UP",
                        "≤ 1.1× p50, ≤ 1.2× p99.9",
                        p50 / upP50 <= 1.1 && p999 / upP999 <= 1.2,
                        "p50 %.0f / %.0f ns = %.2f×; p99.9 %.1f / %.1f µs = %.2f×",
                        p50,
                        upP50,
                        p50 / upP50,
                        p999 / 1000,
                        upP999 / 1000,
                        p999 / upP999);
            }
        }
        for (String threads : List.of("t1", "t4")) {
            String quarkus = threads + ":QuarkusTracedBenchmark.";
            double tracedBean = scores.get(quarkus + "traced:avgt");
            double withSpan = scores.get(quarkus + "withSpan:avgt");
            row(
                    "`@Traced` vs `@WithSpan` on Quarkus, " + threadCount(threads),
                    "≤ 1.1×",
                    tracedBean / withSpan <= 1.1,
                    "%.0f / %.0f ns = %.2f× (bytes %.0f / %.0f; the bean called untraced: %.0f ns)",
                    tracedBean,
                    withSpan,
                    tracedBean / withSpan,
                    scores.get(quarkus + "traced:avgt:bytes"),
                    scores.get(quarkus + "withSpan:avgt:bytes"),
                    scores.get(quarkus + "beanCall:avgt"));
        }
        String bridge = "t1:GenAiBridgeBenchmark.chatCall[HONEYHIVE]:sample";
        String plainSdk = "t1:GenAiBridgeBenchmark.chatCall[PLAIN_SDK]:sample";
        double bridgeMedian = scores.get(bridge + ":p50");
        double plainSdkMedian = scores.get(plainSdk + ":p50");
        row(
                "instrumented `openai-java` call (20-message history), HoneyHive's bridge vs the same instrumentation on"
                        + " a plain SDK",
                "≤ 1.10×, ≤ 20 µs (median)",
                bridgeMedian / plainSdkMedian <= 1.10 && bridgeMedian - plainSdkMedian <= 20,
                "median %.0f / %.0f µs = %.2f× (%+.1f µs); mean %.0f / %.0f µs = %.2f× (%+.1f µs); bytes %.0f / %.0f"
                        + " (%+.0f B)",
                bridgeMedian,
                plainSdkMedian,
                bridgeMedian / plainSdkMedian,
                bridgeMedian - plainSdkMedian,
                scores.get(bridge),
                scores.get(plainSdk),
                scores.get(bridge) / scores.get(plainSdk),
                scores.get(bridge) - scores.get(plainSdk),
                scores.get(bridge + ":bytes"),
                scores.get(plainSdk + ":bytes"),
                scores.get(bridge + ":bytes") - scores.get(plainSdk + ":bytes"));
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "Run %s, JDK %s (%s), %d CPUs, %s %s%n%n",
                LocalDate.now(),
                System.getProperty("java.version"),
                System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"),
                System.getProperty("os.arch")));
        out.append("| target | bound | measured | met |\n|---|---|---|---|\n");
        rows.forEach(row -> out.append(row).append('\n'));
        return out.toString();
    }

    private void jaxrsRow(String destination, String threads) {
        String ours = threads + ":JaxrsFilterBenchmark.honeyhiveFilter[" + destination + "]:sample";
        String plainSpan = threads + ":JaxrsFilterBenchmark.plainOtelFilter[" + destination + "]:sample";
        double mean = scores.get(ours) / scores.get(plainSpan);
        double p999 = scores.get(ours + ":p99.9") / scores.get(plainSpan + ":p99.9");
        row(
                "JAX-RS filter vs plain OpenTelemetry server span, " + destination + ", " + threadCount(threads),
                "≤ 1.2× mean and p99.9",
                mean <= 1.2 && p999 <= 1.2,
                "mean %.1f / %.1f µs = %.2f×; p99.9 %.0f / %.0f µs = %.2f×; bytes %.0f / %.0f",
                scores.get(ours),
                scores.get(plainSpan),
                mean,
                scores.get(ours + ":p99.9"),
                scores.get(plainSpan + ":p99.9"),
                p999,
                scores.get(ours + ":bytes"),
                scores.get(plainSpan + ":bytes"));
    }

    private static String threadCount(String label) {
        return label.equals("t1") ? "1 thread" : label.substring(1) + " threads";
    }

    private void row(String target, String bound, boolean met, String format, Object... values) {
        rows.add("| " + target + " | " + bound + " | " + String.format(Locale.ROOT, format, values) + " | "
                + (met ? "yes" : "**no**") + " |");
    }
}
