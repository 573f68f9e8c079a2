package ai.honeyhive.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark the targets need, in one go (about 7 minutes on 2 cores), and writes the targets table:
 * each figure a ratio of two variants of the same run, with whether its bound is met. The table goes to the console
 * and to {@code benchmarks/target/targets.md}, from where it is copied into {@code benchmarks/README.md}.
 */
public final class TargetsReport {

    private static final TimeValue SHORT = TimeValue.seconds(1);
    // What the Quarkus benchmark's rows start with (BenchmarkMain).
    private static final String QUARKUS_ROW = "| `@Traced` vs `@WithSpan`";
    private static final TimeValue FAULT_TIME = TimeValue.seconds(2);

    private final Map<String, Double> scores = new TreeMap<>();
    private final List<String> rows = new ArrayList<>();

    private final boolean smoke;

    private TargetsReport(boolean smoke) {
        this.smoke = smoke;
    }

    /**
     * Arguments: the Quarkus benchmark's {@code quarkus-run.jar} (optional: without it the Quarkus row is left out)
     * and where to write the table ({@code benchmarks/target/targets.md}).
     */
    public static void main(String[] args) throws RunnerException, IOException, InterruptedException {
        long started = System.nanoTime();
        // -Dtargets.smoke=true: one short iteration each, to check the report itself; its figures mean nothing.
        boolean smoke = Boolean.getBoolean("targets.smoke");
        Path quarkusBenchmark = args.length > 0 ? Path.of(args[0]) : null;
        Path out = args.length > 1 ? Path.of(args[1]) : Path.of("benchmarks", "target", "targets.md");
        TargetsReport report = new TargetsReport(smoke);
        for (int threads : new int[] {1, 4}) {
            report.run("t" + threads, options(TracedCallBenchmark.class, threads));
            // Jersey's request path is long: it takes longer than a traced call to be compiled.
            report.run(
                    "t" + threads,
                    options(JaxrsFilterBenchmark.class, threads)
                            .warmupIterations(3)
                            .warmupTime(FAULT_TIME));
            report.run("t" + threads, options(PropagationBenchmark.class, threads));
        }
        report.run(
                "t1",
                options(BackendFaultBenchmark.class, 1)
                        .warmupIterations(1)
                        .warmupTime(FAULT_TIME)
                        .measurementIterations(3)
                        .measurementTime(FAULT_TIME));
        List<String> quarkusRows = quarkusBenchmark == null ? List.of() : runQuarkus(quarkusBenchmark, smoke);
        String table = report.table(quarkusRows);
        System.out.println(table);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, table);
        System.out.printf(Locale.ROOT, "Written to %s after %.1f min%n", out, (System.nanoTime() - started) / 60e9);
    }

    /**
     * Runs the Quarkus application that measures {@code @Traced} against {@code @WithSpan} in its own JVM (JMH runs
     * inside it, since the beans it measures live there), and returns the rows it prints.
     */
    private static List<String> runQuarkus(Path quarkusRunJar, boolean smoke) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process quarkus = new ProcessBuilder(java, "-Dtargets.smoke=" + smoke, "-jar", quarkusRunJar.toString())
                .redirectErrorStream(true)
                .start();
        List<String> rows = new ArrayList<>();
        try (BufferedReader output =
                new BufferedReader(new InputStreamReader(quarkus.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                System.out.println(line);
                if (line.startsWith(QUARKUS_ROW)) {
                    rows.add(line);
                }
            }
        }
        if (quarkus.waitFor() != 0 || rows.isEmpty()) {
            throw new IllegalStateException("the Quarkus benchmark " + quarkusRunJar + " failed (exit "
                    + quarkus.exitValue() + ", " + rows.size() + " rows)");
        }
        return rows;
    }

    private static ChainedOptionsBuilder options(Class<?> benchmark, int threads) {
        return new OptionsBuilder()
                .include(benchmark.getName() + "\\.")
                .threads(threads)
                .forks(1)
                .warmupIterations(2)
                .warmupTime(SHORT)
                .measurementIterations(4)
                .measurementTime(SHORT)
                .addProfiler("gc");
    }

    private void run(String label, ChainedOptionsBuilder options) throws RunnerException {
        if (smoke) {
            TimeValue moment = TimeValue.milliseconds(300);
            options.warmupIterations(1)
                    .warmupTime(moment)
                    .measurementIterations(1)
                    .measurementTime(moment);
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            String shortName = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            String param = parameter(result);
            String key = label + ":" + shortName + (param == null ? "" : "[" + param + "]") + ":"
                    + result.getParams().getMode().shortLabel();
            Result<?> primary = result.getPrimaryResult();
            scores.put(key, primary.getScore());
            if (primary.getStatistics().getN() > 0
                    && result.getParams().getMode().shortLabel().equals("sample")) {
                scores.put(key + ":p50", primary.getStatistics().getPercentile(50));
                scores.put(key + ":p99.9", primary.getStatistics().getPercentile(99.9));
            }
            Result<?> allocation = result.getSecondaryResults().get("·gc.alloc.rate.norm");
            if (allocation == null) {
                allocation = result.getSecondaryResults().get("gc.alloc.rate.norm");
            }
            if (allocation != null) {
                scores.put(key + ":bytes", allocation.getScore());
            }
        }
    }

    /** The value of the benchmark's one parameter, if it has one. */
    private static @Nullable String parameter(RunResult result) {
        Collection<String> keys = result.getParams().getParamsKeys();
        return keys.isEmpty()
                ? null
                : result.getParams().getParam(keys.iterator().next());
    }

    private double score(String key) {
        Double value = scores.get(key);
        if (value == null) {
            throw new IllegalStateException("no result for " + key + " among " + scores.keySet());
        }
        return value;
    }

    private String table(List<String> quarkusRows) {
        String traced = "t1:TracedCallBenchmark.";
        double raw = score(traced + "otelRaw:avgt");
        double nocapture = score(traced + "tracedNoCapture:avgt");
        double passThrough = score(traced + "passThroughInterceptor:avgt");
        double rawBytes = score(traced + "otelRaw:avgt:bytes");
        double nocaptureBytes = score(traced + "tracedNoCapture:avgt:bytes");
        double passThroughBytes = score(traced + "passThroughInterceptor:avgt:bytes");
        double coreApi = score(traced + "coreApi:avgt");
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
                "%.0f / %.0f B = %.2f× (+%.0f B); without Weld's (%.0f B): %.2f× (+%.0f B)",
                nocaptureBytes,
                rawBytes,
                nocaptureBytes / rawBytes,
                nocaptureBytes - rawBytes,
                passThroughBytes,
                (nocaptureBytes - passThroughBytes) / rawBytes,
                nocaptureBytes - passThroughBytes - rawBytes);
        double capture = score(traced + "tracedCapture:avgt");
        double sameAttrs = score(traced + "otelRawSameAttrs:avgt");
        double captureBytes = score(traced + "tracedCapture:avgt:bytes");
        double sameAttrsBytes = score(traced + "otelRawSameAttrs:avgt:bytes");
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
        double disabled = score(traced + "tracedDisabled:avgt");
        double plain = score(traced + "plainCall:avgt");
        double bean = score(traced + "beanCall:avgt");
        double disabledBytes = score(traced + "tracedDisabled:avgt:bytes");
        double plainBytes = score(traced + "plainCall:avgt:bytes");
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
        double enrich = score(traced + "enrich:avgt");
        double tenSet = score(traced + "tenSetAttribute:avgt");
        row(
                "`enrich` vs ten `setAttribute`",
                "≤ 1.2×",
                enrich / tenSet <= 1.2,
                "%.0f / %.0f ns = %.2f× (bytes %.0f / %.0f)",
                enrich,
                tenSet,
                enrich / tenSet,
                score(traced + "enrich:avgt:bytes"),
                score(traced + "tenSetAttribute:avgt:bytes"));
        String traced4 = "t4:TracedCallBenchmark.";
        double scalingTraced = nocapture / score(traced4 + "tracedNoCapture:avgt") * 4;
        double scalingRaw = raw / score(traced4 + "otelRaw:avgt") * 4;
        row(
                "4-thread/1-thread throughput of `traced-nocapture` vs that of `otel-raw`",
                "≥ 0.9×",
                scalingTraced / scalingRaw >= 0.9,
                "%.2f / %.2f = %.2f× (2 cores: neither can scale past 2×)",
                scalingTraced,
                scalingRaw,
                scalingTraced / scalingRaw);
        for (String destination : List.of("TEST_MODE", "LOOPBACK")) {
            for (String threads : List.of("t1", "t4")) {
                String ours = threads + ":JaxrsFilterBenchmark.honeyhiveFilter[" + destination + "]:sample";
                String plainSpan = threads + ":JaxrsFilterBenchmark.plainOtelFilter[" + destination + "]:sample";
                double mean = score(ours) / score(plainSpan);
                double p999 = score(ours + ":p99.9") / score(plainSpan + ":p99.9");
                row(
                        "JAX-RS filter vs plain OpenTelemetry server span, " + destination + ", " + threads.substring(1)
                                + " thread" + (threads.equals("t1") ? "" : "s"),
                        "≤ 1.2× mean and p99.9",
                        mean <= 1.2 && p999 <= 1.2,
                        "mean %.1f / %.1f µs = %.2f×; p99.9 %.0f / %.0f µs = %.2f×; bytes %.0f / %.0f",
                        score(ours),
                        score(plainSpan),
                        mean,
                        score(ours + ":p99.9"),
                        score(plainSpan + ":p99.9"),
                        p999,
                        score(ours + ":bytes"),
                        score(plainSpan + ":bytes"));
            }
        }
        String propagation = "t1:PropagationBenchmark.";
        row(
                "W3C extract of inbound headers vs OpenTelemetry's propagators",
                "(no bound)",
                true,
                "%.0f / %.0f ns = %.2f× (bytes %.0f / %.0f)",
                score(propagation + "honeyhiveExtract:avgt"),
                score(propagation + "otelExtract:avgt"),
                score(propagation + "honeyhiveExtract:avgt") / score(propagation + "otelExtract:avgt"),
                score(propagation + "honeyhiveExtract:avgt:bytes"),
                score(propagation + "otelExtract:avgt:bytes"));
        for (String benchmark : List.of("tracedCall", "tracedRequest")) {
            String base = "t1:BackendFaultBenchmark." + benchmark;
            double upP50 = score(base + "[UP]:sample:p50");
            double upP999 = score(base + "[UP]:sample:p99.9");
            for (LoopbackHoneyHive.Fault fault : LoopbackHoneyHive.Fault.values()) {
                if (fault == LoopbackHoneyHive.Fault.UP) {
                    continue;
                }
                double p50 = score(base + "[" + fault + "]:sample:p50");
                double p999 = score(base + "[" + fault + "]:sample:p99.9");
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
        quarkusRows.forEach(row -> out.append(row).append('\n'));
        return out.toString();
    }

    private void row(String target, String bound, boolean met, String format, Object... values) {
        rows.add("| " + target + " | " + bound + " | " + String.format(Locale.ROOT, format, values) + " | "
                + (met ? "yes" : "**no**") + " |");
    }
}
