package ai.honeyhive.testing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One span decoded from an OTLP request.
 *
 * <p>Attribute values are Java values: {@code String}, {@code Boolean}, {@code Long}, {@code Double}, {@code List}
 * for arrays and {@code Map} for key-value lists.
 *
 * @param name the span name
 * @param traceId the trace id in lowercase hex
 * @param spanId the span id in lowercase hex
 * @param parentSpanId the parent's span id in lowercase hex, empty for a root span
 * @param kind the span kind, as the OTLP enum names it ({@code SPAN_KIND_INTERNAL}, ...)
 * @param statusCode {@code STATUS_CODE_UNSET}, {@code STATUS_CODE_OK} or {@code STATUS_CODE_ERROR}
 * @param statusMessage the status description
 * @param startEpochNanos start time
 * @param endEpochNanos end time
 * @param attributes the span's attributes by key
 * @param events the span's events
 * @param resourceAttributes the attributes of the resource the span was sent with
 * @param scopeName the instrumentation scope name
 * @param request the request that carried the span
 */
public record RecordedSpan(
        String name,
        String traceId,
        String spanId,
        String parentSpanId,
        String kind,
        String statusCode,
        String statusMessage,
        long startEpochNanos,
        long endEpochNanos,
        Map<String, Object> attributes,
        List<Event> events,
        Map<String, Object> resourceAttributes,
        String scopeName,
        RecordedRequest request) {

    /**
     * A span event.
     *
     * @param name the event name, {@code exception} for recorded exceptions
     * @param attributes the event's attributes
     */
    public record Event(String name, Map<String, Object> attributes) {}

    /** The value of one attribute. */
    public Optional<Object> attribute(String key) {
        return Optional.ofNullable(attributes.get(key));
    }

    /** The value of one attribute as a string, or null when absent. */
    public @Nullable String stringAttribute(String key) {
        Object value = attributes.get(key);
        return value == null ? null : value.toString();
    }

    /** Whether this span has no parent. */
    public boolean isRoot() {
        return parentSpanId.isEmpty();
    }

    /** The HoneyHive session this span belongs to ({@code honeyhive.session_id}), or null. */
    public @Nullable String sessionId() {
        return stringAttribute("honeyhive.session_id");
    }

    /** The HoneyHive event type ({@code honeyhive_event_type}), or null. */
    public @Nullable String eventType() {
        return stringAttribute("honeyhive_event_type");
    }

    @Override
    public String toString() {
        return "RecordedSpan[" + name + " " + spanId + " parent=" + parentSpanId + " " + attributes + "]";
    }
}
