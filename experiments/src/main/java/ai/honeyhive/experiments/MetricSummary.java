package ai.honeyhive.experiments;

import java.util.List;

/**
 * One metric summed up over a run.
 *
 * @param metricName the metric ({@code exact_match})
 * @param eventName the event it was recorded on: the function's chain span
 * @param aggregate the aggregate, by the run's aggregate function
 * @param values each datapoint's value
 * @param passed the datapoints that passed it (for a boolean metric, those where it is true)
 * @param failed the datapoints that failed it
 */
public record MetricSummary(
        String metricName,
        String eventName,
        double aggregate,
        List<Object> values,
        List<String> passed,
        List<String> failed) {}
