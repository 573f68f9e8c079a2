package ai.honeyhive.benchmarks.quarkus;

import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Locale;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Starts Quarkus and runs one method of {@link QuarkusTracedBenchmark} in this JVM, then prints its score as
 * {@value #RESULT} lines for the targets report (which starts this application once per method and thread count, so
 * that each method is compiled on its own, as in a JMH fork). JMH cannot fork here: a forked JVM would not run the
 * Quarkus application whose beans are measured.
 *
 * <p>Arguments: the method ({@code beanCall}, {@code traced} or {@code withSpan}) and the number of threads.
 */
@QuarkusMain
public class BenchmarkMain implements QuarkusApplication {

    /** What a result line starts with; then the method, the threads, nanoseconds and bytes per call. */
    public static final String RESULT = "QUARKUS-RESULT";

    @Override
    public int run(String... args) throws RunnerException {
        String method = args.length > 0 ? args[0] : "traced";
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        // -Dtargets.smoke=true: one short iteration, to check the report itself; its figures mean nothing.
        boolean smoke = Boolean.getBoolean("targets.smoke");
        TimeValue time = smoke ? TimeValue.milliseconds(300) : TimeValue.seconds(1);
        RunResult result = new Runner(new OptionsBuilder()
                        .include(QuarkusTracedBenchmark.class.getName() + "\\." + method + "$")
                        .forks(0)
                        .threads(threads)
                        .warmupIterations(smoke ? 1 : 3)
                        .warmupTime(time)
                        .measurementIterations(smoke ? 1 : 3)
                        .measurementTime(time)
                        .addProfiler("gc")
                        .build())
                .runSingle();
        Result<?> bytes = result.getSecondaryResults().get("gc.alloc.rate.norm");
        System.out.printf(
                Locale.ROOT,
                "%s %s %d %.3f %.3f%n",
                RESULT,
                method,
                threads,
                result.getPrimaryResult().getScore(),
                bytes == null ? Double.NaN : bytes.getScore());
        return 0;
    }
}
