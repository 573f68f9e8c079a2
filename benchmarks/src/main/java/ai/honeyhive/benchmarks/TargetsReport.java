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
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every benchmark the targets need, in one go (about 45 minutes on 2 cores), and writes the targets table
 * ({@link TargetsTable}): to the console and to a file, from where it is copied into {@code benchmarks/README.md}.
 *
 * <p>Each compared pair runs in {@value #ROUNDS} rounds, its two sides one after the other in each round (A B, then
 * B A, then A B), every side in a JMH fork of its own: a busy machine then slows both sides of a round alike, and the
 * table shows the spread over the rounds. The figures that only explain a ratio (the container's share, the untraced
 * call) and the production-load soaks run once. The Quarkus figures come from the {@code benchmarks-quarkus}
 * application, started once per method and thread count; the gen_ai figures from {@code benchmarks-genai}'s jar; the
 * soaks from {@link ProductionLoadSoak} in a JVM of its own.
 */
public final class TargetsReport {

    private static final int ROUNDS = 3;
    private static final TimeValue SECOND = TimeValue.seconds(1);
    private static final TimeValue TWO_SECONDS = TimeValue.seconds(2);
    // The two sides of each single-thread ratio of TracedCallBenchmark, baseline first.
    private static final String[][] TRACED_PAIRS = {
        {"otelRaw", "tracedNoCapture"},
        {"otelRawSameAttrs", "tracedCapture"},
        {"tenSetAttribute", "enrich"},
        {"plainCall", "tracedDisabled"}
    };
    private static final String[] EXPLAINING = {"beanCall", "passThroughInterceptor", "coreApi"};
    // What the Quarkus application's result lines start with (BenchmarkMain.RESULT there).
    private static final String QUARKUS_RESULT = "QUARKUS-RESULT ";
    private static final int SMOKE_SOAK_SECONDS = 10;

    private final Scores shared = new Scores();
    private final List<Scores> rounds = new ArrayList<>();
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
        // -Dtargets.smoke=true: one round, one short iteration each, to check the report itself; its figures mean
        // nothing.
        TargetsReport report = new TargetsReport(Boolean.getBoolean("targets.smoke"));
        Path quarkusRunJar =
                Path.of(args.length > 0 ? args[0] : "benchmarks-quarkus/target/quarkus-app/quarkus-run.jar");
        Path out = Path.of(args.length > 1 ? args[1] : "benchmarks/target/targets.md");
        Path genAiJar = Path.of(args.length > 2 ? args[2] : "benchmarks-genai/target/benchmarks-genai.jar");
        report.runOnce(quarkusRunJar);
        for (int round = 0; round < (report.smoke ? 1 : ROUNDS); round++) {
            report.runRound(round, quarkusRunJar, genAiJar);
        }
        report.runSoaks();
        String table = new TargetsTable(report.shared, report.rounds).markdown();
        System.out.println(table);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, table);
        System.out.printf(Locale.ROOT, "Written to %s after %.1f min%n", out, (System.nanoTime() - started) / 60e9);
    }

    /** The figures that only explain the ratios. */
    private void runOnce(Path quarkusRunJar) throws RunnerException, IOException, InterruptedException {
        run(shared, "t1", options(TracedCallBenchmark.class, 1, EXPLAINING));
        for (int threads : new int[] {1, 4}) {
            runQuarkus(shared, quarkusRunJar, "beanCall", threads);
        }
    }

    /** One round of every compared pair, the sides in the order of the round (reversed every other round). */
    private void runRound(int round, Path quarkusRunJar, Path genAiJar)
            throws RunnerException, IOException, InterruptedException {
        System.out.printf(Locale.ROOT, "%n=== Round %d of the compared pairs ===%n%n", round + 1);
        Scores scores = new Scores(shared);
        rounds.add(scores);
        boolean reversed = round % 2 == 1;
        for (String[] pair : TRACED_PAIRS) {
            for (String side : inOrder(reversed, pair)) {
                run(scores, "t1", options(TracedCallBenchmark.class, 1, side));
            }
        }
        for (String side : inOrder(reversed, TRACED_PAIRS[0])) {
            run(scores, "t4", options(TracedCallBenchmark.class, 4, side));
        }
        // Jersey's request path is long: on two cores it takes some 10 s of requests to be compiled, so the JAX-RS runs
        // warm up longer.
        for (String[] jaxrs : new String[][] {{"TEST_MODE", "1"}, {"TEST_MODE", "4"}, {"LOOPBACK", "1"}}) {
            int threads = Integer.parseInt(jaxrs[1]);
            for (String side : inOrder(reversed, "plainOtelFilter", "honeyhiveFilter")) {
                run(scores, "t" + threads, jaxrs(threads, jaxrs[0], side));
            }
        }
        for (String side : inOrder(reversed, "otelExtract", "honeyhiveExtract")) {
            run(scores, "t1", options(PropagationBenchmark.class, 1, side));
        }
        // Every fault is compared with UP, which JMH runs first, then the faults one after the other.
        run(
                scores,
                "t1",
                options(BackendFaultBenchmark.class, 1)
                        .warmupIterations(2)
                        .measurementIterations(2)
                        .measurementTime(TWO_SECONDS));
        for (int threads : new int[] {1, 4}) {
            for (String method : inOrder(reversed, "withSpan", "traced")) {
                runQuarkus(scores, quarkusRunJar, method, threads);
            }
        }
        for (String setUp : inOrder(reversed, "PLAIN_SDK", "HONEYHIVE")) {
            runGenAi(scores, genAiJar, setUp);
        }
        for (SoakRun run : inOrder(reversed, SoakRun.RATIO_PLAIN_SDK, SoakRun.RATIO_HONEYHIVE)) {
            runSoak(scores, run);
        }
    }

    /** The production-load soaks, each once: minutes each at a fixed rate, so not repeated. */
    private void runSoaks() throws IOException, InterruptedException {
        for (SoakRun run : SoakRun.STEADY_RUNS) {
            runSoak(shared, run);
        }
        for (SoakRun run : SoakRun.BURST_RUNS) {
            runSoak(shared, run);
        }
    }

    @SafeVarargs
    private static <T> List<T> inOrder(boolean reversed, T... sides) {
        List<T> order = new ArrayList<>(List.of(sides));
        if (reversed) {
            Collections.reverse(order);
        }
        return order;
    }

    /**
     * Runs one set-up of the gen_ai bridge benchmark from its own jar (it needs OpenTelemetry 1.65, this one is on the
     * project's), in one fork, and keeps its figures from JMH's JSON result.
     */
    private void runGenAi(Scores scores, Path jar, String setUp) throws IOException, InterruptedException {
        Path result = Files.createTempFile("genai-benchmark", ".json");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(
                List.of(java, "-jar", jar.toString(), "GenAiBridgeBenchmark", "-p", "setUp=" + setUp, "-f", "1"));
        command.addAll(
                smoke
                        ? List.of("-wi", "1", "-w", "300ms", "-i", "1", "-r", "300ms")
                        : List.of("-wi", "10", "-w", "1s", "-i", "5", "-r", "2s"));
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

    private static ChainedOptionsBuilder jaxrs(int threads, String destination, String method) {
        return options(JaxrsFilterBenchmark.class, threads, method)
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

    private void run(Scores scores, String label, ChainedOptionsBuilder options) throws RunnerException {
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
    private void runQuarkus(Scores scores, Path quarkusRunJar, String method, int threads)
            throws IOException, InterruptedException {
        String key = "t" + threads + ":QuarkusTracedBenchmark." + method + ":avgt";
        runChild(
                List.of(
                        "-Dtargets.smoke=" + smoke,
                        "-jar",
                        quarkusRunJar.toString(),
                        method,
                        Integer.toString(threads)),
                QUARKUS_RESULT,
                result -> {
                    // <method> <threads> <ns per call> <bytes per call>
                    String[] fields = result.split(" ");
                    scores.put(key, Double.parseDouble(fields[2]));
                    scores.put(key + ":bytes", Double.parseDouble(fields[3]));
                },
                "the Quarkus benchmark " + quarkusRunJar + " " + method + " " + threads);
    }

    /** Runs one soak in a JVM of its own and keeps the figures of its result line under the run's key. */
    private void runSoak(Scores scores, SoakRun run) throws IOException, InterruptedException {
        SoakRun sized = smoke ? run.lasting(SMOKE_SOAK_SECONDS) : run;
        List<String> arguments = new ArrayList<>(
                List.of("-cp", System.getProperty("java.class.path"), ProductionLoadSoak.class.getName()));
        arguments.addAll(sized.arguments());
        System.out.println("Production-load soak " + String.join(" ", sized.arguments()));
        runChild(
                arguments,
                ProductionLoadSoak.RESULT + " ",
                result -> keepSoakFigures(scores, run.key(), result),
                "the soak " + sized.arguments());
    }

    /**
     * Runs a JVM with these arguments, echoing what it prints, and hands each line that starts with
     * {@code resultPrefix} (without it) to {@code result}; fails unless it exits 0 having printed one.
     */
    private static void runChild(List<String> arguments, String resultPrefix, Consumer<String> result, String what)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(arguments);
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean found = false;
        try (BufferedReader output =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                System.out.println(line);
                if (line.startsWith(resultPrefix)) {
                    result.accept(line.substring(resultPrefix.length()));
                    found = true;
                }
            }
        }
        if (child.waitFor() != 0 || !found) {
            throw new IllegalStateException(what + " failed (exit " + child.exitValue() + ")");
        }
    }

    /** Keeps each {@code name=value} of a soak's result line that is a number (a boolean as 1 or 0). */
    private static void keepSoakFigures(Scores scores, String key, String figures) {
        for (String figure : figures.split(" ")) {
            String name = figure.substring(0, figure.indexOf('='));
            String value = figure.substring(figure.indexOf('=') + 1);
            if (value.equals("true") || value.equals("false")) {
                scores.put(key + name, value.equals("true") ? 1 : 0);
            } else if (value.matches("-?[0-9.]+(E-?[0-9]+)?")) {
                scores.put(key + name, Double.parseDouble(value));
            }
        }
    }
}
