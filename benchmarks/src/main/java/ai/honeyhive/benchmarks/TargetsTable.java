package ai.honeyhive.benchmarks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The targets of issue 9 (and the gen_ai bridge's of issue 17, the production load's of issue 18), each a ratio of two
 * variants measured in the same run, with whether its bound is met.
 *
 * <p>A compared pair is measured in several rounds, its two sides next to each other in each (A B, then B A, ...), so
 * that a busy machine slows both sides of a round alike. A row shows every round's ratio, the figures of its median
 * round, and is met only when every round meets its bound.
 */
final class TargetsTable {

    private static final String TRACED = "t1:TracedCallBenchmark.";

    private final Scores shared;
    private final List<Scores> rounds;
    private final List<String> rows = new ArrayList<>();

    /**
     * @param shared the figures measured once
     * @param rounds the figures of each round (each falls back to {@code shared})
     */
    TargetsTable(Scores shared, List<Scores> rounds) {
        this.shared = shared;
        this.rounds = rounds;
    }

    /** What one round of a row measured: whether it meets the bound, its headline, the figure it is ranked by. */
    private record Measured(boolean met, String headline, double rank, String detail) {}

    /** The table, in Markdown, headed by when and where it was measured. */
    String markdown() {
        roundsRow("`traced-nocapture` time vs `otel-raw`", "≤ 1.25×", TargetsTable::nocaptureTime);
        roundsRow(
                "extra allocation of `traced-nocapture` vs `otel-raw`",
                "≤ 1.2×, ≤ 1 KB per call",
                TargetsTable::nocaptureBytes);
        roundsRow(
                "`traced-capture` vs `otel-raw-same-attrs`, time and bytes",
                "≤ 1.5×",
                TargetsTable::captureVsSameAttrs);
        roundsRow("`traced-disabled` minus `plain-call`", "≤ 50 ns, 0 B", TargetsTable::disabledVsPlain);
        roundsRow("`enrich` vs ten `setAttribute`", "≤ 1.2×", TargetsTable::enrichVsSetAttribute);
        roundsRow(
                "4-thread/1-thread throughput of `traced-nocapture` vs that of `otel-raw`",
                "≥ 0.9×",
                TargetsTable::scaling);
        for (String[] jaxrs : new String[][] {{"TEST_MODE", "t1"}, {"TEST_MODE", "t4"}, {"LOOPBACK", "t1"}}) {
            roundsRow(
                    "JAX-RS filter vs plain OpenTelemetry server span, " + jaxrs[0] + ", " + threadCount(jaxrs[1]),
                    "≤ 1.2× mean and p99.9",
                    scores -> jaxrs(scores, jaxrs[0], jaxrs[1]));
        }
        roundsRow(
                "W3C extract of inbound headers vs OpenTelemetry's propagators",
                "(no bound)",
                TargetsTable::propagation);
        for (String benchmark : List.of("tracedCall", "tracedRequest")) {
            for (LoopbackHoneyHive.Fault fault : LoopbackHoneyHive.Fault.values()) {
                if (fault != LoopbackHoneyHive.Fault.UP) {
                    roundsRow(
                            "`" + benchmark + "` latency, HoneyHive " + fault + " vs UP",
                            "≤ 1.1× p50, ≤ 1.2× p99.9",
                            scores -> backendFault(scores, benchmark, fault));
                }
            }
        }
        for (String threads : List.of("t1", "t4")) {
            roundsRow(
                    "`@Traced` vs `@WithSpan` on Quarkus, " + threadCount(threads),
                    "≤ 1.1×",
                    scores -> quarkus(scores, threads));
        }
        roundsRow(
                "instrumented `openai-java` call (20-message history), HoneyHive's bridge vs the same instrumentation on"
                        + " a plain SDK",
                "≤ 1.10×, ≤ 20 µs (median)",
                TargetsTable::genAiBridge);
        productionLoadRows();
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "Run %s, JDK %s (%s), %d CPUs, %s %s; %d round(s) of each compared pair%n%n",
                LocalDate.now(),
                System.getProperty("java.version"),
                System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"),
                System.getProperty("os.arch"),
                rounds.size()));
        out.append("| target | bound | measured | met |\n|---|---|---|---|\n");
        rows.forEach(row -> out.append(row).append('\n'));
        return out.toString();
    }

    private static Measured nocaptureTime(Scores scores) {
        double raw = scores.get(TRACED + "otelRaw:avgt");
        double nocapture = scores.get(TRACED + "tracedNoCapture:avgt");
        double passThrough = scores.get(TRACED + "passThroughInterceptor:avgt");
        double coreApi = scores.get(TRACED + "coreApi:avgt");
        double ratio = nocapture / raw;
        return measured(
                ratio <= 1.25,
                ratio,
                "%.0f / %.0f ns = %.2f×; without Weld's own interception (%.0f ns, `pass-through-interceptor`):"
                        + " %.2f×; the same span through the core API, no container (`core-api`): %.0f ns = %.2f×",
                nocapture,
                raw,
                ratio,
                passThrough,
                (nocapture - passThrough) / raw,
                coreApi,
                coreApi / raw);
    }

    private static Measured nocaptureBytes(Scores scores) {
        double raw = scores.get(TRACED + "otelRaw:avgt:bytes");
        double nocapture = scores.get(TRACED + "tracedNoCapture:avgt:bytes");
        double passThrough = scores.get(TRACED + "passThroughInterceptor:avgt:bytes");
        double ratio = nocapture / raw;
        return measured(
                ratio <= 1.2 && nocapture - raw <= 1024,
                ratio,
                "%.0f / %.0f B = %.2f× (%+.0f B); without Weld's (%.0f B): %.2f× (%+.0f B)",
                nocapture,
                raw,
                ratio,
                nocapture - raw,
                passThrough,
                (nocapture - passThrough) / raw,
                nocapture - passThrough - raw);
    }

    private static Measured captureVsSameAttrs(Scores scores) {
        double passThrough = scores.get(TRACED + "passThroughInterceptor:avgt");
        double passThroughBytes = scores.get(TRACED + "passThroughInterceptor:avgt:bytes");
        double capture = scores.get(TRACED + "tracedCapture:avgt");
        double sameAttrs = scores.get(TRACED + "otelRawSameAttrs:avgt");
        double captureBytes = scores.get(TRACED + "tracedCapture:avgt:bytes");
        double sameAttrsBytes = scores.get(TRACED + "otelRawSameAttrs:avgt:bytes");
        double ratio = capture / sameAttrs;
        return measured(
                ratio <= 1.5 && captureBytes / sameAttrsBytes <= 1.5,
                ratio,
                "time %.0f / %.0f ns = %.2f× (without Weld's: %.2f×); bytes %.0f / %.0f = %.2f× (without Weld's:"
                        + " %.2f×)",
                capture,
                sameAttrs,
                ratio,
                (capture - passThrough) / sameAttrs,
                captureBytes,
                sameAttrsBytes,
                captureBytes / sameAttrsBytes,
                (captureBytes - passThroughBytes) / sameAttrsBytes);
    }

    private static Measured disabledVsPlain(Scores scores) {
        double disabled = scores.get(TRACED + "tracedDisabled:avgt");
        double plain = scores.get(TRACED + "plainCall:avgt");
        double extraBytes =
                scores.get(TRACED + "tracedDisabled:avgt:bytes") - scores.get(TRACED + "plainCall:avgt:bytes");
        return new Measured(
                disabled - plain <= 50 && extraBytes < 1,
                String.format(Locale.ROOT, "%+.1f ns", disabled - plain),
                disabled - plain,
                String.format(
                        Locale.ROOT,
                        "%.1f − %.1f ns = %+.1f ns, %+.0f B (the same method without `@Traced` on the same bean: %.1f"
                                + " ns)",
                        disabled,
                        plain,
                        disabled - plain,
                        extraBytes,
                        scores.get(TRACED + "beanCall:avgt")));
    }

    private static Measured enrichVsSetAttribute(Scores scores) {
        double enrich = scores.get(TRACED + "enrich:avgt");
        double tenSet = scores.get(TRACED + "tenSetAttribute:avgt");
        double ratio = enrich / tenSet;
        return measured(
                ratio <= 1.2,
                ratio,
                "%.0f / %.0f ns = %.2f× (bytes %.0f / %.0f)",
                enrich,
                tenSet,
                ratio,
                scores.get(TRACED + "enrich:avgt:bytes"),
                scores.get(TRACED + "tenSetAttribute:avgt:bytes"));
    }

    private static Measured scaling(Scores scores) {
        String traced4 = "t4:TracedCallBenchmark.";
        double scalingTraced =
                scores.get(TRACED + "tracedNoCapture:avgt") / scores.get(traced4 + "tracedNoCapture:avgt") * 4;
        double scalingRaw = scores.get(TRACED + "otelRaw:avgt") / scores.get(traced4 + "otelRaw:avgt") * 4;
        double ratio = scalingTraced / scalingRaw;
        return measured(
                ratio >= 0.9,
                ratio,
                "%.2f / %.2f = %.2f× (2 cores: neither can scale past 2×)",
                scalingTraced,
                scalingRaw,
                ratio);
    }

    private static Measured jaxrs(Scores scores, String destination, String threads) {
        String ours = threads + ":JaxrsFilterBenchmark.honeyhiveFilter[" + destination + "]:sample";
        String plainSpan = threads + ":JaxrsFilterBenchmark.plainOtelFilter[" + destination + "]:sample";
        double mean = scores.get(ours) / scores.get(plainSpan);
        double p999 = scores.get(ours + ":p99.9") / scores.get(plainSpan + ":p99.9");
        return new Measured(
                mean <= 1.2 && p999 <= 1.2,
                String.format(Locale.ROOT, "%.2f× / %.2f×", mean, p999),
                mean,
                String.format(
                        Locale.ROOT,
                        "mean %.1f / %.1f µs = %.2f×; p99.9 %.0f / %.0f µs = %.2f×; bytes %.0f / %.0f",
                        scores.get(ours),
                        scores.get(plainSpan),
                        mean,
                        scores.get(ours + ":p99.9"),
                        scores.get(plainSpan + ":p99.9"),
                        p999,
                        scores.get(ours + ":bytes"),
                        scores.get(plainSpan + ":bytes")));
    }

    private static Measured propagation(Scores scores) {
        String propagation = "t1:PropagationBenchmark.";
        double ours = scores.get(propagation + "honeyhiveExtract:avgt");
        double otel = scores.get(propagation + "otelExtract:avgt");
        return measured(
                true,
                ours / otel,
                "%.0f / %.0f ns = %.2f× (bytes %.0f / %.0f)",
                ours,
                otel,
                ours / otel,
                scores.get(propagation + "honeyhiveExtract:avgt:bytes"),
                scores.get(propagation + "otelExtract:avgt:bytes"));
    }

    private static Measured backendFault(Scores scores, String benchmark, LoopbackHoneyHive.Fault fault) {
        String base = "t1:BackendFaultBenchmark." + benchmark;
        double upP50 = scores.get(base + "[UP]:sample:p50");
        double upP999 = scores.get(base + "[UP]:sample:p99.9");
        double p50 = scores.get(base + "[" + fault + "]:sample:p50");
        double p999 = scores.get(base + "[" + fault + "]:sample:p99.9");
        return new Measured(
                p50 / upP50 <= 1.1 && p999 / upP999 <= 1.2,
                String.format(Locale.ROOT, "%.2f× / %.2f×", p50 / upP50, p999 / upP999),
                p50 / upP50,
                String.format(
                        Locale.ROOT,
                        "p50 %.0f / %.0f ns = %.2f×; p99.9 %.1f / %.1f µs = %.2f×",
                        p50,
                        upP50,
                        p50 / upP50,
                        p999 / 1000,
                        upP999 / 1000,
                        p999 / upP999));
    }

    private static Measured quarkus(Scores scores, String threads) {
        String quarkus = threads + ":QuarkusTracedBenchmark.";
        double tracedBean = scores.get(quarkus + "traced:avgt");
        double withSpan = scores.get(quarkus + "withSpan:avgt");
        double ratio = tracedBean / withSpan;
        return measured(
                ratio <= 1.1,
                ratio,
                "%.0f / %.0f ns = %.2f× (bytes %.0f / %.0f; the bean called untraced: %.0f ns)",
                tracedBean,
                withSpan,
                ratio,
                scores.get(quarkus + "traced:avgt:bytes"),
                scores.get(quarkus + "withSpan:avgt:bytes"),
                scores.get(quarkus + "beanCall:avgt"));
    }

    private static Measured genAiBridge(Scores scores) {
        String bridge = "t1:GenAiBridgeBenchmark.chatCall[HONEYHIVE]:sample";
        String plainSdk = "t1:GenAiBridgeBenchmark.chatCall[PLAIN_SDK]:sample";
        double bridgeMedian = scores.get(bridge + ":p50");
        double plainSdkMedian = scores.get(plainSdk + ":p50");
        double ratio = bridgeMedian / plainSdkMedian;
        return measured(
                ratio <= 1.10 && bridgeMedian - plainSdkMedian <= 20,
                ratio,
                "median %.0f / %.0f µs = %.2f× (%+.1f µs); mean %.0f / %.0f µs = %.2f× (%+.1f µs); bytes %.0f / %.0f"
                        + " (%+.0f B)",
                bridgeMedian,
                plainSdkMedian,
                ratio,
                bridgeMedian - plainSdkMedian,
                scores.get(bridge),
                scores.get(plainSdk),
                scores.get(bridge) / scores.get(plainSdk),
                scores.get(bridge) - scores.get(plainSdk),
                scores.get(bridge + ":bytes"),
                scores.get(plainSdk + ":bytes"),
                scores.get(bridge + ":bytes") - scores.get(plainSdk + ":bytes"));
    }

    /** The production-load soaks ({@link ProductionLoadSoak}), each run once, and their ratio against the baseline. */
    private void productionLoadRows() {
        for (SoakRun run : SoakRun.STEADY_RUNS) {
            SoakFigures figures = new SoakFigures(shared, run.key());
            String target = String.format(
                    Locale.ROOT,
                    "per-request sessions at %,d requests/s for %d s (start, update and %d spans each), stand-in"
                            + " answering in %d ms",
                    run.rate(),
                    run.seconds(),
                    LoadRequest.SPANS,
                    run.delayMillis());
            if (run.rate() <= SoakRun.SUSTAINED_RATE) {
                double latencyWithoutDelay =
                        new SoakFigures(shared, run.withoutDelay().key()).get("latencyP50Us");
                double latency = figures.get("latencyP50Us") / latencyWithoutDelay;
                boolean met =
                        figures.nothingLost() && figures.reachedRate(run.rate()) && figures.plateau() && latency <= 1.5;
                onceRow(
                        target,
                        "0 spans and 0 session calls dropped or failed, heap plateau (≤ "
                                + SoakFigures.PLATEAU_TOLERANCE_MIB
                                + " MiB), p50 latency ≤ 1.5× the 0 ms run's",
                        met,
                        figures.describe() + String.format(Locale.ROOT, "; p50 %.2f× the 0 ms run's", latency));
            } else {
                boolean met =
                        figures.accounted() && figures.get("heapPeakAboveBaselineMiB") <= SoakRun.MEMORY_BOUND_MIB;
                onceRow(
                        target,
                        "every span and session call accounted for, heap ≤ " + SoakRun.MEMORY_BOUND_MIB
                                + " MiB above the baseline",
                        met,
                        figures.describe());
            }
        }
        for (SoakRun run : SoakRun.BURST_RUNS) {
            SoakFigures figures = new SoakFigures(shared, run.key());
            onceRow(
                    String.format(
                            Locale.ROOT,
                            "a burst of %,d spans from 4 threads, stand-in answering in %d ms",
                            ProductionLoadSoak.BURST_SPANS,
                            run.delayMillis()),
                    "0 dropped",
                    figures.get("droppedSpans") == 0
                            && figures.get("failedSpans") == 0
                            && figures.get("burstDelivered") == ProductionLoadSoak.BURST_SPANS,
                    String.format(
                            Locale.ROOT,
                            "ended in %.0f ms, all delivered after %.0f ms; delivered %,.0f, dropped %,.0f, failed %,.0f",
                            figures.get("burstEndedMs"),
                            figures.get("burstDeliveredMs"),
                            figures.get("burstDelivered"),
                            figures.get("droppedSpans"),
                            figures.get("failedSpans")));
        }
        SoakRun ours = SoakRun.RATIO_HONEYHIVE;
        roundsRow(
                String.format(
                        Locale.ROOT,
                        "spans delivered a second, HoneyHive vs the SDK's default `BatchSpanProcessor` + OTLP exporter,"
                                + " %,d requests/s (%,d spans/s) for %d s, stand-in answering in %d ms",
                        ours.rate(),
                        ours.rate() * LoadRequest.SPANS,
                        ours.seconds(),
                        ours.delayMillis()),
                "(no bound)",
                scores -> {
                    SoakFigures honeyhive = new SoakFigures(scores, ours.key());
                    SoakFigures plain = new SoakFigures(scores, SoakRun.RATIO_PLAIN_SDK.key());
                    double ratio = honeyhive.get("spansDeliveredPerSecond") / plain.get("spansDeliveredPerSecond");
                    return measured(
                            true,
                            ratio,
                            "%,.0f / %,.0f spans/s = %.2f×; dropped %,.0f / %,.0f; request p50 %.1f / %.1f µs",
                            honeyhive.get("spansDeliveredPerSecond"),
                            plain.get("spansDeliveredPerSecond"),
                            ratio,
                            honeyhive.get("droppedSpans"),
                            plain.get("droppedSpans"),
                            honeyhive.get("latencyP50Us"),
                            plain.get("latencyP50Us"));
                });
    }

    private static Measured measured(boolean met, double ratio, String format, Object... values) {
        return new Measured(
                met, String.format(Locale.ROOT, "%.2f×", ratio), ratio, String.format(Locale.ROOT, format, values));
    }

    /** A row measured in every round: each round's headline, the median round's figures, met if every round is. */
    private void roundsRow(String target, String bound, Function<Scores, Measured> measure) {
        List<Measured> each = rounds.stream().map(measure).toList();
        Measured median = each.stream()
                .sorted(Comparator.comparingDouble(Measured::rank))
                .toList()
                .get(each.size() / 2);
        String figures = each.size() == 1
                ? median.detail()
                : "rounds " + each.stream().map(Measured::headline).collect(Collectors.joining(", "))
                        + "; median round: " + median.detail();
        onceRow(target, bound, each.stream().allMatch(Measured::met), figures);
    }

    private void onceRow(String target, String bound, boolean met, String figures) {
        rows.add("| " + target + " | " + bound + " | " + figures + " | " + (met ? "yes" : "**no**") + " |");
    }

    private static String threadCount(String label) {
        return label.equals("t1") ? "1 thread" : label.substring(1) + " threads";
    }
}
