package ai.honeyhive.benchmarks.quarkus;

import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Starts Quarkus, runs {@link QuarkusTracedBenchmark} in this JVM at 1 and 4 threads, and prints the
 * {@code @Traced}-against-{@code @WithSpan} row of the targets table. JMH cannot fork here: a forked JVM would not run
 * the Quarkus application whose beans are measured.
 */
@QuarkusMain
public class BenchmarkMain implements QuarkusApplication {

    @Override
    public int run(String... args) throws RunnerException {
        boolean smoke = Boolean.getBoolean("targets.smoke");
        TimeValue time = smoke ? TimeValue.milliseconds(300) : TimeValue.seconds(1);
        Map<String, Double> scores = new TreeMap<>();
        for (int threads : new int[] {1, 4}) {
            Collection<RunResult> results = new Runner(new OptionsBuilder()
                            .include(QuarkusTracedBenchmark.class.getName() + "\\.")
                            .forks(0)
                            .threads(threads)
                            .warmupIterations(smoke ? 1 : 3)
                            .warmupTime(time)
                            .measurementIterations(smoke ? 1 : 5)
                            .measurementTime(time)
                            .addProfiler("gc")
                            .build())
                    .run();
            for (RunResult result : results) {
                String name = result.getParams().getBenchmark();
                String method = name.substring(name.lastIndexOf('.') + 1);
                scores.put(threads + ":" + method, result.getPrimaryResult().getScore());
                var bytes = result.getSecondaryResults().get("gc.alloc.rate.norm");
                if (bytes != null) {
                    scores.put(threads + ":" + method + ":bytes", bytes.getScore());
                }
            }
        }
        System.out.println("| target | bound | measured | met |");
        for (int threads : new int[] {1, 4}) {
            double traced = scores.get(threads + ":traced");
            double withSpan = scores.get(threads + ":withSpan");
            System.out.printf(
                    Locale.ROOT,
                    "| `@Traced` vs `@WithSpan` on Quarkus, %d thread%s | ≤ 1.1× | %.0f / %.0f ns = %.2f× (bytes %.0f"
                            + " / %.0f; the bean called untraced: %.0f ns) | %s |%n",
                    threads,
                    threads == 1 ? "" : "s",
                    traced,
                    withSpan,
                    traced / withSpan,
                    scores.getOrDefault(threads + ":traced:bytes", Double.NaN),
                    scores.getOrDefault(threads + ":withSpan:bytes", Double.NaN),
                    scores.get(threads + ":beanCall"),
                    traced / withSpan <= 1.1 ? "yes" : "**no**");
        }
        return 0;
    }
}
