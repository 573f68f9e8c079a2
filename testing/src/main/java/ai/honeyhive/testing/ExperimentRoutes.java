package ai.honeyhive.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The recording server's experiment routes, answered as HoneyHive's API answers them: runs are kept as they are
 * created and completed, hosted datasets as a test registers them, and a run's result is aggregated from the spans
 * the server received (the root {@code chain} span of each datapoint's session, its {@code honeyhive_metrics.*}).
 */
final class ExperimentRoutes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, ObjectNode> runs = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> datasets = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> datapoints = new ConcurrentHashMap<>();

    void hostDataset(String id, String name, List<Map<String, ?>> points) {
        ObjectNode dataset = JSON.createObjectNode().put("id", id).put("name", name);
        ArrayNode ids = dataset.putArray("datapoints");
        for (Map<String, ?> point : points) {
            ObjectNode datapoint = JSON.valueToTree(point);
            String pointId = datapoint.path("id").asText(UUID.randomUUID().toString());
            datapoint.put("id", pointId);
            if (!datapoint.has("history")) {
                datapoint.putArray("history");
            }
            if (!datapoint.has("metadata")) {
                datapoint.putObject("metadata");
            }
            datapoints.put(pointId, datapoint);
            ids.add(pointId);
        }
        datasets.put(id, dataset);
    }

    /** Forgets the runs; the hosted datasets stay, as a test's set-up registers them. */
    void forgetRuns() {
        runs.clear();
    }

    /** The run as created and then updated, or null if none has that id. */
    JsonNode run(String id) {
        return runs.get(id);
    }

    Response answer(RecordedRequest request, Supplier<List<RecordedSpan>> spans) {
        String[] segments = request.path().split("/");
        return switch (request.route()) {
            case RUN_CREATE -> create(request);
            case RUN_UPDATE -> update(segments[3], request);
            case RUN_RESULT ->
                result(segments[3], request.queryParameter("aggregate_function").orElse("average"), spans);
            case RUN_COMPARE -> compare(segments[3], segments[5], spans);
            case DATASETS -> dataset(request.queryParameter("dataset_id").orElse(""));
            case DATAPOINT -> datapoint(segments[3]);
            default -> Response.status(404);
        };
    }

    private Response create(RecordedRequest request) {
        JsonNode body = request.json();
        if (!body.isObject()) {
            return Response.json(400, "{\"error\":\"a run object is required\"}");
        }
        ObjectNode run = ((ObjectNode) body).deepCopy();
        String id = run.path("run_id").asText(UUID.randomUUID().toString());
        run.put("run_id", id);
        runs.put(id, run);
        ObjectNode answer = JSON.createObjectNode().put("run_id", id);
        answer.set("evaluation", run);
        return Response.json(200, answer.toString());
    }

    private Response update(String id, RecordedRequest request) {
        ObjectNode run = runs.get(id);
        if (run == null) {
            return Response.json(404, "{\"error\":\"no run " + id + "\"}");
        }
        request.json().properties().forEach(field -> run.set(field.getKey(), field.getValue()));
        ObjectNode answer = JSON.createObjectNode();
        answer.set("evaluation", run);
        return Response.json(200, answer.toString());
    }

    private Response result(String id, String function, Supplier<List<RecordedSpan>> spans) {
        ObjectNode run = runs.get(id);
        if (run == null) {
            return Response.json(404, "{\"error\":\"no run " + id + "\"}");
        }
        return Response.json(200, summary(id, run, function, spans.get()).toString());
    }

    private ObjectNode summary(String id, ObjectNode run, String function, List<RecordedSpan> spans) {
        List<String> passed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        // metric -> event name and, per datapoint, its value
        Map<String, String> eventNames = new TreeMap<>();
        Map<String, Map<String, Object>> values = new TreeMap<>();
        for (RecordedSpan span : spans) {
            if (!span.isRoot() || !id.equals(span.stringAttribute("honeyhive_metadata.run_id"))) {
                continue;
            }
            String datapoint = String.valueOf(span.stringAttribute("honeyhive_metadata.datapoint_id"));
            ("STATUS_CODE_ERROR".equals(span.statusCode()) ? failed : passed).add(datapoint);
            span.attributes().forEach((key, value) -> {
                if (key.startsWith("honeyhive_metrics.") && (value instanceof Number || value instanceof Boolean)) {
                    String metric = key.substring("honeyhive_metrics.".length());
                    eventNames.put(metric, span.name());
                    values.computeIfAbsent(metric, missing -> new LinkedHashMap<>())
                            .put(datapoint, value);
                }
            });
        }
        ObjectNode result = JSON.createObjectNode()
                .put("run_id", id)
                .put("status", run.path("status").asText("pending"))
                .put("success", failed.isEmpty());
        result.set("passed", JSON.valueToTree(passed));
        result.set("failed", JSON.valueToTree(failed));
        ArrayNode details = result.putObject("metrics")
                .put("aggregation_function", function)
                .putArray("details");
        values.forEach((metric, byDatapoint) -> {
            List<Double> numbers =
                    byDatapoint.values().stream().map(ExperimentRoutes::number).toList();
            ObjectNode detail = details.addObject()
                    .put("metric_name", metric)
                    .put(
                            "metric_type",
                            byDatapoint.values().iterator().next() instanceof Boolean ? "boolean" : "numeric")
                    .put("event_name", eventNames.get(metric))
                    .put("event_type", "chain")
                    .put("aggregate", aggregate(function, numbers));
            detail.set("values", JSON.valueToTree(new ArrayList<>(byDatapoint.values())));
            ObjectNode points = detail.putObject("datapoints");
            ArrayNode metricPassed = points.putArray("passed");
            ArrayNode metricFailed = points.putArray("failed");
            byDatapoint.forEach(
                    (datapoint, value) -> (Boolean.FALSE.equals(value) ? metricFailed : metricPassed).add(datapoint));
        });
        return result;
    }

    private Response compare(String newId, String oldId, Supplier<List<RecordedSpan>> spans) {
        ObjectNode newRun = runs.get(newId);
        ObjectNode oldRun = runs.get(oldId);
        if (newRun == null || oldRun == null) {
            return Response.json(404, "{\"error\":\"no run " + (newRun == null ? newId : oldId) + "\"}");
        }
        List<RecordedSpan> all = spans.get();
        JsonNode newer = summary(newId, newRun, "average", all).path("metrics").path("details");
        JsonNode older = summary(oldId, oldRun, "average", all).path("metrics").path("details");
        Map<String, JsonNode> oldByName = new TreeMap<>();
        older.forEach(detail -> oldByName.put(detail.path("metric_name").asText(), detail));
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode metrics = answer.putArray("metrics");
        for (JsonNode detail : newer) {
            JsonNode old = oldByName.get(detail.path("metric_name").asText());
            if (old == null) {
                continue;
            }
            metrics.addObject()
                    .put("metric_name", detail.path("metric_name").asText())
                    .put("event_name", detail.path("event_name").asText())
                    .put("old_aggregate", old.path("aggregate").asDouble())
                    .put("new_aggregate", detail.path("aggregate").asDouble());
        }
        List<String> common = new ArrayList<>();
        newRun.path("datapoint_ids").forEach(point -> {
            for (JsonNode other : oldRun.path("datapoint_ids")) {
                if (other.asText().equals(point.asText())) {
                    common.add(point.asText());
                }
            }
        });
        answer.set("common_datapoints", JSON.valueToTree(common));
        return Response.json(200, answer.toString());
    }

    private Response dataset(String id) {
        ObjectNode dataset = datasets.get(id);
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode found = answer.putArray("datasets");
        if (dataset != null) {
            found.add(dataset);
        }
        return Response.json(200, answer.toString());
    }

    private Response datapoint(String id) {
        ObjectNode datapoint = datapoints.get(id);
        if (datapoint == null) {
            return Response.json(404, "{\"error\":\"no datapoint " + id + "\"}");
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.putArray("datapoint").add(datapoint);
        return Response.json(200, answer.toString());
    }

    private static double number(Object value) {
        return value instanceof Boolean bool ? (bool ? 1 : 0) : ((Number) value).doubleValue();
    }

    /** HoneyHive's aggregate functions over a metric's values. */
    static double aggregate(String function, List<Double> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return switch (function) {
            case "sum" -> sum;
            case "min" -> sorted.get(0);
            case "max" -> sorted.get(sorted.size() - 1);
            case "count" -> values.size();
            case "median" ->
                sorted.size() % 2 == 1
                        ? sorted.get(sorted.size() / 2)
                        : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
            default -> sum / values.size();
        };
    }
}
