package ai.honeyhive.tracer.internal.export;

import ai.honeyhive.tracer.internal.span.EventTypeDetector;
import ai.honeyhive.tracer.internal.span.HoneyHiveAttributes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Turns a finished span into the event HoneyHive makes of it: ids, type, name, times, and the
 * {@code honeyhive_<namespace>.<path>} attributes folded back into nested {@code inputs}, {@code outputs},
 * {@code metadata}, ... objects. Other attributes go to {@code metadata}, as HoneyHive files them.
 */
public final class HoneyHiveEvents {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Map<String, String> NAMESPACES = Map.of(
            HoneyHiveAttributes.INPUTS, "inputs",
            HoneyHiveAttributes.OUTPUTS, "outputs",
            HoneyHiveAttributes.METADATA, "metadata",
            HoneyHiveAttributes.METRICS, "metrics",
            HoneyHiveAttributes.FEEDBACK, "feedback",
            HoneyHiveAttributes.CONFIG, "config",
            HoneyHiveAttributes.USER_PROPERTIES, "user_properties");
    // Stamped by the tracer and carried as top-level fields of the event instead.
    private static final List<String> CONTEXT_PREFIXES = List.of("honeyhive.", "traceloop.association.properties.");

    private HoneyHiveEvents() {}

    /** The event of one ended span. */
    public static ObjectNode fromSpan(SpanData span) {
        ObjectNode event = JSON.objectNode();
        event.put("type", "event");
        String eventId = span.getAttributes().get(HoneyHiveAttributes.EVENT_ID);
        event.put("event_id", eventId != null ? eventId : span.getSpanId());
        putIfPresent(event, "session_id", span.getAttributes().get(HoneyHiveAttributes.SESSION_ID));
        event.put("trace_id", span.getTraceId());
        if (span.getParentSpanContext().isValid()) {
            event.put("parent_id", span.getParentSpanId());
        }
        putIfPresent(event, "project", span.getAttributes().get(HoneyHiveAttributes.PROJECT));
        putIfPresent(event, "source", span.getAttributes().get(HoneyHiveAttributes.SOURCE));
        event.put("event_type", EventTypeDetector.eventType(span.getAttributes()));
        String name = span.getAttributes().get(HoneyHiveAttributes.EVENT_NAME);
        event.put("event_name", name != null ? name : span.getName());
        event.put("start_time", TimeUnit.NANOSECONDS.toMillis(span.getStartEpochNanos()));
        event.put("end_time", TimeUnit.NANOSECONDS.toMillis(span.getEndEpochNanos()));
        event.put("duration", (span.getEndEpochNanos() - span.getStartEpochNanos()) / 1_000_000.0);
        NAMESPACES.values().forEach(field -> event.putObject(field));
        span.getAttributes().forEach((key, value) -> file(event, key, value));
        NAMESPACES.values().forEach(field -> event.set(field, arraysFromIndexes(event.get(field))));
        String error = span.getAttributes().get(HoneyHiveAttributes.ERROR);
        if (error != null) {
            event.put("error", error);
        } else if (span.getStatus().getStatusCode() == StatusCode.ERROR) {
            event.put("error", span.getStatus().getDescription());
        }
        return event;
    }

    private static void file(ObjectNode event, AttributeKey<?> key, Object value) {
        String name = key.getKey();
        int dot = name.indexOf('.');
        String namespace = dot < 0 ? null : NAMESPACES.get(name.substring(0, dot));
        if (namespace != null) {
            put((ObjectNode) event.get(namespace), name.substring(dot + 1).split("\\.", -1), value);
            return;
        }
        if (name.startsWith("honeyhive_") || CONTEXT_PREFIXES.stream().anyMatch(name::startsWith)) {
            return;
        }
        ((ObjectNode) event.get("metadata")).set(name, toJson(value));
    }

    private static void put(ObjectNode object, String[] path, Object value) {
        ObjectNode current = object;
        for (int i = 0; i < path.length - 1; i++) {
            JsonNode next = current.get(path[i]);
            if (!(next instanceof ObjectNode)) {
                next = current.putObject(path[i]);
            }
            current = (ObjectNode) next;
        }
        current.set(path[path.length - 1], toJson(value));
    }

    private static JsonNode toJson(Object value) {
        if (value instanceof String text) {
            return JSON.textNode(text);
        }
        if (value instanceof Boolean bool) {
            return JSON.booleanNode(bool);
        }
        if (value instanceof Long number) {
            return JSON.numberNode(number);
        }
        if (value instanceof Double number) {
            return JSON.numberNode(number);
        }
        if (value instanceof List<?> list) {
            ArrayNode array = JSON.arrayNode();
            list.forEach(item -> array.add(toJson(item)));
            return array;
        }
        return JSON.textNode(String.valueOf(value));
    }

    /** Objects whose keys are exactly 0..n-1 were lists before they were flattened. */
    private static JsonNode arraysFromIndexes(JsonNode node) {
        if (!(node instanceof ObjectNode object)) {
            return node;
        }
        object.properties().forEach(entry -> entry.setValue(arraysFromIndexes(entry.getValue())));
        if (object.isEmpty()) {
            return object;
        }
        for (int i = 0; i < object.size(); i++) {
            if (!object.has(Integer.toString(i))) {
                return object;
            }
        }
        ArrayNode array = JSON.arrayNode();
        for (int i = 0; i < object.size(); i++) {
            array.add(object.get(Integer.toString(i)));
        }
        return array;
    }

    private static void putIfPresent(ObjectNode event, String field, @Nullable String value) {
        if (value != null) {
            event.put(field, value);
        }
    }
}
