package ai.honeyhive.benchmarks;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * The figures of one round of a report run (or those measured once, which every round shares), by key: {@code t1:TracedCallBenchmark.otelRaw:avgt} for the score (in the
 * benchmark's unit), then {@code :bytes} (allocated per call), {@code :p50} and {@code :p99.9} (sample time only);
 * a parameter goes in brackets after the method, {@code JaxrsFilterBenchmark.honeyhiveFilter[TEST_MODE]}.
 */
final class Scores {

    private final Map<String, Double> values = new TreeMap<>();
    private final @Nullable Scores shared;

    /** The figures measured once in a run. */
    Scores() {
        this(null);
    }

    /** The figures of one round, which falls back to those measured once ({@code shared}) for the keys it lacks. */
    Scores(@Nullable Scores shared) {
        this.shared = shared;
    }

    /** Keeps what JMH measured, under {@code label} (the thread count, {@code t1} or {@code t4}). */
    void add(String label, Collection<RunResult> results) {
        for (RunResult result : results) {
            Collection<String> parameters = result.getParams().getParamsKeys();
            String mode = result.getParams().getMode().shortLabel();
            String key = key(
                    label,
                    result.getParams().getBenchmark(),
                    parameters.isEmpty()
                            ? null
                            : result.getParams().getParam(parameters.iterator().next()),
                    mode);
            Result<?> primary = result.getPrimaryResult();
            values.put(key, primary.getScore());
            if (mode.equals("sample") && primary.getStatistics().getN() > 0) {
                values.put(key + ":p50", primary.getStatistics().getPercentile(50));
                values.put(key + ":p99.9", primary.getStatistics().getPercentile(99.9));
            }
            Result<?> allocation = result.getSecondaryResults().get("gc.alloc.rate.norm");
            if (allocation != null) {
                values.put(key + ":bytes", allocation.getScore());
            }
        }
    }

    /**
     * The key of a benchmark's figure: {@code t1:TracedCallBenchmark.otelRaw:avgt}, a parameter in brackets after the
     * method.
     *
     * @param benchmark JMH's full name of the benchmark method, package included
     */
    static String key(String label, String benchmark, @Nullable String parameter, String mode) {
        String shortName = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
        return label + ":" + shortName + (parameter == null ? "" : "[" + parameter + "]") + ":" + mode;
    }

    /** Keeps one figure measured elsewhere (the Quarkus application's, the gen_ai benchmark's). */
    void put(String key, double value) {
        values.put(key, value);
    }

    /** The figure under this key; fails naming the keys there are, so that a renamed benchmark is found at once. */
    double get(String key) {
        Double value = values.get(key);
        if (value == null && shared != null && shared.values.containsKey(key)) {
            return shared.get(key);
        }
        if (value == null) {
            throw new IllegalStateException("no result for " + key + " among " + values.keySet());
        }
        return value;
    }
}
