package ai.honeyhive.experiments.internal;

import ai.honeyhive.experiments.AggregateFunction;
import ai.honeyhive.experiments.DatapointResult;
import ai.honeyhive.experiments.MetricComparison;
import ai.honeyhive.experiments.MetricSummary;
import ai.honeyhive.experiments.RunComparison;
import ai.honeyhive.experiments.RunSummary;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Run summaries: read from HoneyHive's answers, or computed in process with the same aggregate functions. */
public final class Summaries {

    private Summaries() {}

    /**
     * The summary of these results, as HoneyHive makes it: numbers and booleans aggregated per metric, a datapoint
     * failed when its function did.
     */
    public static RunSummary local(List<DatapointResult> results, String eventName, AggregateFunction function) {
        List<String> passed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        Map<String, Map<String, Object>> values = new TreeMap<>();
        for (DatapointResult result : results) {
            (result.error() == null ? passed : failed).add(result.datapointId());
            result.metrics().forEach((metric, value) -> {
                if (value instanceof Number || value instanceof Boolean) {
                    values.computeIfAbsent(metric, missing -> new LinkedHashMap<>())
                            .put(result.datapointId(), value);
                }
            });
        }
        List<MetricSummary> metrics = new ArrayList<>();
        values.forEach((metric, byDatapoint) -> {
            List<String> metricPassed = new ArrayList<>();
            List<String> metricFailed = new ArrayList<>();
            byDatapoint.forEach(
                    (datapoint, value) -> (Boolean.FALSE.equals(value) ? metricFailed : metricPassed).add(datapoint));
            metrics.add(new MetricSummary(
                    metric,
                    eventName,
                    function.apply(
                            byDatapoint.values().stream().map(Summaries::number).toList()),
                    List.copyOf(byDatapoint.values()),
                    metricPassed,
                    metricFailed));
        });
        return new RunSummary("completed", failed.isEmpty(), passed, failed, function, metrics, false);
    }

    /** HoneyHive's answer to {@code GET /v1/runs/<id>/result}. */
    public static RunSummary fromHoneyHive(JsonNode answer, AggregateFunction function) {
        List<MetricSummary> metrics = new ArrayList<>();
        for (JsonNode detail : answer.path("metrics").path("details")) {
            List<Object> values = new ArrayList<>();
            detail.path("values").forEach(value -> values.add(scalar(value)));
            metrics.add(new MetricSummary(
                    detail.path("metric_name").asText(),
                    detail.path("event_name").asText(),
                    detail.path("aggregate").asDouble(),
                    values,
                    texts(detail.path("datapoints").path("passed")),
                    texts(detail.path("datapoints").path("failed"))));
        }
        List<String> failed = texts(answer.path("failed"));
        return new RunSummary(
                answer.path("status").asText("completed"),
                answer.path("success").asBoolean(failed.isEmpty()),
                texts(answer.path("passed")),
                failed,
                function,
                metrics,
                true);
    }

    /** HoneyHive's answer to {@code GET /v1/runs/<new>/compare-with/<old>}. */
    public static RunComparison comparisonFromHoneyHive(String newRunId, String oldRunId, JsonNode answer) {
        List<MetricComparison> metrics = new ArrayList<>();
        for (JsonNode metric : answer.path("metrics")) {
            metrics.add(new MetricComparison(
                    metric.path("metric_name").asText(),
                    metric.path("event_name").asText(),
                    metric.path("old_aggregate").asDouble(),
                    metric.path("new_aggregate").asDouble()));
        }
        return new RunComparison(newRunId, oldRunId, metrics, texts(answer.path("common_datapoints")), true);
    }

    /** Two summaries compared in process: the metrics both have, and the datapoints both ran. */
    public static RunComparison compare(
            String newRunId,
            RunSummary newer,
            List<String> newDatapoints,
            String oldRunId,
            RunSummary older,
            List<String> oldDatapoints) {
        List<MetricComparison> metrics = new ArrayList<>();
        for (MetricSummary metric : newer.metrics()) {
            Optional<MetricSummary> old = older.metric(metric.metricName());
            old.ifPresent(previous -> metrics.add(new MetricComparison(
                    metric.metricName(), metric.eventName(), previous.aggregate(), metric.aggregate())));
        }
        List<String> common =
                newDatapoints.stream().filter(oldDatapoints::contains).toList();
        return new RunComparison(newRunId, oldRunId, metrics, common, false);
    }

    private static double number(Object value) {
        return value instanceof Boolean bool ? (bool ? 1 : 0) : ((Number) value).doubleValue();
    }

    private static Object scalar(JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        return value.isNumber() ? value.numberValue() : value.asText();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }
}
