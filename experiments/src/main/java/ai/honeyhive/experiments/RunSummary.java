package ai.honeyhive.experiments;

import java.util.List;
import java.util.Optional;

/**
 * A run summed up: by HoneyHive ({@code GET /v1/runs/<id>/result}), or in process when nothing is sent, with the same
 * aggregate functions.
 *
 * @param status the run's status ({@code completed})
 * @param success whether no datapoint failed
 * @param passed the datapoints that passed
 * @param failed the datapoints that failed
 * @param aggregateFunction the function the aggregates were made with
 * @param metrics each metric's aggregate
 * @param fromHoneyHive whether HoneyHive made this summary (false: computed in process)
 */
public record RunSummary(
        String status,
        boolean success,
        List<String> passed,
        List<String> failed,
        AggregateFunction aggregateFunction,
        List<MetricSummary> metrics,
        boolean fromHoneyHive) {

    /** The metric with this name, if the run has it. */
    public Optional<MetricSummary> metric(String name) {
        return metrics.stream()
                .filter(metric -> metric.metricName().equals(name))
                .findFirst();
    }
}
