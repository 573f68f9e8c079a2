package ai.honeyhive.experiments;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Thresholds a run must meet, as a CI gate: each a line such as {@code exact_match >= 0.8} (the metric's aggregate by
 * the run's aggregate function), {@code latency_ms.max < 2000} (by another function: {@code average}, {@code min},
 * {@code max}, {@code median}, {@code sum}, {@code count}), {@code no datapoint failed} (no function threw) or
 * {@code no evaluator failed}. A missed threshold is an {@link AssertionError} whose message is a report: each missed
 * threshold with the value it had, then the worst datapoints with their inputs, outputs and scores.
 */
public final class ExperimentThresholds {

    private static final Pattern COMPARISON = Pattern.compile(
            "\\s*([\\w.-]+?)(?:\\.(average|min|max|median|sum|count))?\\s*(>=|<=|==|>|<)\\s*(-?[\\d.]+(?:e-?\\d+)?)\\s*");
    private static final int WORST_SHOWN = 5;

    private ExperimentThresholds() {}

    /**
     * @throws AssertionError with the report, if the run misses any threshold
     * @throws IllegalArgumentException naming a threshold that cannot be read
     */
    public static void assertMet(ExperimentRun run, String... thresholds) {
        List<String> missed = new ArrayList<>();
        String worstBy = null;
        for (String threshold : thresholds) {
            String miss = check(run, threshold);
            if (miss != null) {
                missed.add(miss);
                if (worstBy == null) {
                    worstBy = metricOf(threshold);
                }
            }
        }
        if (!missed.isEmpty()) {
            throw new AssertionError(report(run, thresholds.length, missed, worstBy));
        }
    }

    /** What the threshold missed by, or null when the run meets it. */
    private static @Nullable String check(ExperimentRun run, String threshold) {
        String normalized = threshold.strip().toLowerCase(Locale.ROOT);
        if (normalized.equals("no datapoint failed")) {
            long failed = run.results().stream()
                    .filter(result -> result.error() != null)
                    .count();
            return failed == 0 ? null : threshold.strip() + ": " + failed + " datapoints failed";
        }
        if (normalized.equals("no evaluator failed")) {
            long failed = run.results().stream()
                    .filter(result -> !result.evaluatorErrors().isEmpty())
                    .count();
            return failed == 0 ? null : threshold.strip() + ": evaluators failed on " + failed + " datapoints";
        }
        Matcher comparison = COMPARISON.matcher(threshold);
        if (!comparison.matches()) {
            throw new IllegalArgumentException("Cannot read the threshold '" + threshold + "': write <metric> <op>"
                    + " <number> (op one of >=, >, <=, <, ==; the metric optionally .average, .min, .max, .median,"
                    + " .sum or .count), 'no datapoint failed' or 'no evaluator failed'");
        }
        String metric = comparison.group(1);
        MetricSummary summary = run.summary().metric(metric).orElse(null);
        if (summary == null) {
            return threshold.strip() + ": the run has no metric " + metric + " (it has "
                    + run.summary().metrics().stream()
                            .map(MetricSummary::metricName)
                            .toList() + ")";
        }
        String function = comparison.group(2);
        double value = function == null
                ? summary.aggregate()
                : AggregateFunction.valueOf(function.toUpperCase(Locale.ROOT))
                        .apply(summary.values().stream()
                                .map(ExperimentThresholds::number)
                                .toList());
        double bound = Double.parseDouble(comparison.group(4));
        boolean met =
                switch (comparison.group(3)) {
                    case ">=" -> value >= bound;
                    case ">" -> value > bound;
                    case "<=" -> value <= bound;
                    case "<" -> value < bound;
                    default -> value == bound;
                };
        return met
                ? null
                : String.format(
                        Locale.ROOT,
                        "%s: was %.4f (%s of %d datapoints)",
                        threshold.strip(),
                        value,
                        function != null
                                ? function
                                : run.summary().aggregateFunction().wireName(),
                        summary.values().size());
    }

    private static @Nullable String metricOf(String threshold) {
        Matcher comparison = COMPARISON.matcher(threshold);
        return comparison.matches() ? comparison.group(1) : null;
    }

    private static String report(ExperimentRun run, int thresholds, List<String> missed, @Nullable String worstBy) {
        StringBuilder report = new StringBuilder();
        report.append("Experiment \"")
                .append(run.name())
                .append("\" (run ")
                .append(run.runId())
                .append(") missed ")
                .append(missed.size())
                .append(" of ")
                .append(thresholds)
                .append(" thresholds:\n");
        missed.forEach(miss -> report.append("  ").append(miss).append('\n'));
        List<DatapointResult> worst = new ArrayList<>(run.results());
        Comparator<DatapointResult> byFailure = Comparator.comparing(result -> result.error() == null);
        Comparator<DatapointResult> byScore = Comparator.comparingDouble(result -> score(result.metrics(), worstBy));
        worst.sort(byFailure.thenComparing(byScore));
        report.append("Worst datapoints")
                .append(worstBy != null ? " by " + worstBy : "")
                .append(":\n");
        for (DatapointResult result : worst.subList(0, Math.min(WORST_SHOWN, worst.size()))) {
            report.append("  ")
                    .append(result.datapointId())
                    .append(" inputs ")
                    .append(result.inputs())
                    .append(" outputs ")
                    .append(result.outputs())
                    .append(" scores ")
                    .append(result.metrics());
            if (result.error() != null) {
                report.append(" error ").append(result.error());
            }
            if (!result.evaluatorErrors().isEmpty()) {
                report.append(" evaluator errors ").append(result.evaluatorErrors());
            }
            report.append('\n');
        }
        return report.toString();
    }

    /** A datapoint's value of the metric for sorting, lowest first; one without it sorts last. */
    private static double score(Map<String, Object> metrics, @Nullable String metric) {
        Object value = metric == null ? null : metrics.get(metric);
        return value instanceof Number || value instanceof Boolean ? number(value) : Double.MAX_VALUE;
    }

    private static double number(Object value) {
        return value instanceof Boolean bool ? (bool ? 1 : 0) : ((Number) value).doubleValue();
    }
}
