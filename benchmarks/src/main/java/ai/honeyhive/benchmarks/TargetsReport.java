package ai.honeyhive.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every benchmark the targets need, in one go (about 8 minutes on 2 cores), and writes the targets table
 * ({@link TargetsTable}): to the console and to a file, from where it is copied into {@code benchmarks/README.md}.
 *
 * <p>The comparisons the bounds are about run in two forks each, so that one JIT compilation does not decide a
 * ratio; the figures that only explain them (the container's share, the untraced call) in one. The Quarkus figures
 * come from the {@code benchmarks-quarkus} application, started once per method and thread count.
 */
public final class TargetsReport {

    private static final TimeValue SECOND = TimeValue.seconds(1);
    private static final TimeValue TWO_SECONDS = TimeValue.seconds(2);
    private static final String[] COMPARED = {
        "otelRaw", "tracedNoCapture", "otelRawSameAttrs", "tracedCapture", "enrich", "tenSetAttribute"
    };
    private static final String[] EXPLAINING = {
        "plainCall", "beanCall", "tracedDisabled", "passThroughInterceptor", "coreApi"
    };
    private static final List<String> QUARKUS_METHODS = List.of("beanCall", "traced", "withSpan");
    // What the Quarkus application's result lines start with (BenchmarkMain.RESULT there).
    private static final String QUARKUS_RESULT = "QUARKUS-RESULT ";

    private final Scores scores = new Scores();
    private final boolean smoke;

    private TargetsReport(boolean smoke) {
        this.smoke = smoke;
    }

    /**
     * Arguments: the Quarkus benchmark's {@code quarkus-run.jar}, where to write the table
     * ({@code benchmarks/target/targets.md}) and the gen_ai benchmark's jar ({@code benchmarks-genai.jar}).
     */
    public static void main(String[] args) throws RunnerException, IOException, InterruptedException {
        long started = System.nanoTime();
        // -Dtargets.smoke=true: one short iteration each, to check the report itself; its figures mean nothing.
        TargetsReport report = new TargetsReport(Boolean.getBoolean("targets.smoke"));
        Path quarkusRunJar =
                Path.of(args.length > 0 ? args[0] : "benchmarks-quarkus/target/quarkus-app/quarkus-run.jar");
        Path out = Path.of(args.length > 1 ? args[1] : "benchmarks/target/targets.md");
        Path genAiJar = Path.of(args.length > 2 ? args[2] : "benchmarks-genai/target/benchmarks-genai.jar");
        report.runAll(quarkusRunJar);
        report.runGenAi(genAiJar);
        String table = new TargetsTable(report.scores).markdown();
        System.out.println(table);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, table);
        System.out.printf(Locale.ROOT, "Written to %s after %.1f min%n", out, (System.nanoTime() - started) / 60e9);
    }

    private void runAll(Path quarkusRunJar) throws RunnerException, IOException, InterruptedException {
        run("t1", options(TracedCallBenchmark.class, 1, COMPARED).forks(2));
        run("t1", options(TracedCallBenchmark.class, 1, EXPLAINING));
        run("t4", options(TracedCallBenchmark.class, 4, COMPARED));
        // Jersey's request path is long: on two cores it takes some 10 s of requests to be compiled, so the JAX-RS runs
        // warm up longer, in one fork each.
        for (int threads : new int[] {1, 4}) {
            run("t" + threads, jaxrs(threads, "TEST_MODE"));
        }
        run("t1", jaxrs(1, "LOOPBACK"));
        run("t1", options(PropagationBenchmark.class, 1));
        run(
                "t1",
                options(BackendFaultBenchmark.class, 1)
                        .warmupIterations(2)
                        .measurementIterations(2)
                        .measurementTime(TWO_SECONDS));
        for (int threads : new int[] {1, 4}) {
            for (String method : QUARKUS_METHODS) {
                runQuarkus(quarkusRunJar, method, threads);
            }
        }
    }

    /**
     * Runs the gen_ai bridge benchmark from its own jar (it needs OpenTelemetry 1.65, this one is on the project's), in
     * two forks, and keeps its figures from JMH's JSON result.
     */
    private void runGenAi(Path jar) throws IOException, InterruptedException {
        Path result = Files.createTempFile("genai-benchmark", ".json");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString(), "GenAiBridgeBenchmark"));
        command.addAll(
                smoke
                        ? List.of("-f", "1", "-wi", "1", "-w", "300ms", "-i", "1", "-r", "300ms")
                        : List.of("-f", "2", "-wi", "10", "-w", "1s", "-i", "5", "-r", "2s"));
        command.addAll(List.of("-prof", "gc", "-rf", "json", "-rff", result.toString()));
        Process benchmark = new ProcessBuilder(command).inheritIO().start();
        if (benchmark.waitFor() != 0) {
            throw new IllegalStateException(
                    "the gen_ai benchmark " + jar + " failed (exit " + benchmark.exitValue() + ")");
        }
        for (JsonNode run : new ObjectMapper().readTree(result.toFile())) {
            String key = Scores.key(
                    "t1",
                    run.path("benchmark").asText(),
                    run.path("params").path("setUp").asText(),
                    run.path("mode").asText());
            JsonNode primary = run.path("primaryMetric");
            scores.put(key, primary.path("score").asDouble());
            if (primary.path("scorePercentiles").has("50.0")) {
                scores.put(
                        key + ":p50",
                        primary.path("scorePercentiles").path("50.0").asDouble());
            }
            scores.put(
                    key + ":bytes",
                    run.path("secondaryMetrics")
                            .path("gc.alloc.rate.norm")
                            .path("score")
                            .asDouble());
        }
        Files.delete(result);
    }

    private static ChainedOptionsBuilder jaxrs(int threads, String destination) {
        return options(JaxrsFilterBenchmark.class, threads)
                .param("destination", destination)
                .warmupIterations(6)
                .warmupTime(TWO_SECONDS)
                .measurementIterations(4);
    }

    /** The benchmark's methods named (all of them if none is), with the settings every run shares. */
    private static ChainedOptionsBuilder options(Class<?> benchmark, int threads, String... methods) {
        String which = methods.length == 0 ? "" : "(" + String.join("|", methods) + ")$";
        return new OptionsBuilder()
                .include(benchmark.getName() + "\\." + which)
                .threads(threads)
                .forks(1)
                .warmupIterations(3)
                .warmupTime(SECOND)
                .measurementIterations(3)
                .measurementTime(SECOND)
                .addProfiler("gc");
    }

    private void run(String label, ChainedOptionsBuilder options) throws RunnerException {
        if (smoke) {
            TimeValue moment = TimeValue.milliseconds(300);
            options.forks(1)
                    .warmupIterations(1)
                    .warmupTime(moment)
                    .measurementIterations(1)
                    .measurementTime(moment)
                    .verbosity(VerboseMode.SILENT);
        }
        scores.add(label, new Runner(options.build()).run());
    }

    /**
     * Runs one method of the Quarkus benchmark in a Quarkus application of its own (JMH runs inside it, since the
     * beans it measures live there) and keeps what it prints.
     */
    private void runQuarkus(Path quarkusRunJar, String method, int threads) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process quarkus = new ProcessBuilder(
                        java,
                        "-Dtargets.smoke=" + smoke,
                        "-jar",
                        quarkusRunJar.toString(),
                        method,
                        Integer.toString(threads))
                .redirectErrorStream(true)
                .start();
        boolean found = false;
        try (BufferedReader output =
                new BufferedReader(new InputStreamReader(quarkus.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                System.out.println(line);
                if (line.startsWith(QUARKUS_RESULT)) {
                    // QUARKUS-RESULT <method> <threads> <ns per call> <bytes per call>
                    String[] fields = line.split(" ");
                    String key = "t" + threads + ":QuarkusTracedBenchmark." + method + ":avgt";
                    scores.put(key, Double.parseDouble(fields[3]));
                    scores.put(key + ":bytes", Double.parseDouble(fields[4]));
                    found = true;
                }
            }
        }
        if (quarkus.waitFor() != 0 || !found) {
            throw new IllegalStateException("the Quarkus benchmark " + quarkusRunJar + " " + method + " " + threads
                    + " failed (exit " + quarkus.exitValue() + ")");
        }
    }
}
