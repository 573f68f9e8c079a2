package ai.honeyhive.tracer.internal.session;

import ai.honeyhive.tracer.TracerConfig;
import ai.honeyhive.tracer.internal.EventFields;
import ai.honeyhive.tracer.internal.SafeJson;
import ai.honeyhive.tracer.internal.span.AttributeFlattener;
import ai.honeyhive.tracer.internal.span.FlattenLimits;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The JSON bodies of a tracer's session calls, as the wire contract gives them: the {@code session} object of
 * {@code POST /session/start} and the body of {@code PUT /events}, each with only the fields that have a value, and
 * each field within the span limits ({@link BoundedBodies}).
 */
public final class SessionBodies {

    private final @Nullable String project;
    private final String source;
    private final int maxValueLength;
    private final BoundedBodies values;
    private final Map<String, String> evaluationIds;

    /** The bodies of a tracer with this configuration: its project, source, span limits and evaluation ids. */
    public SessionBodies(TracerConfig config) {
        this.project = config.project();
        this.source = config.source();
        this.maxValueLength = config.maxAttributeValueLength();
        this.values = new BoundedBodies(new FlattenLimits(
                config.maxAttributeDepth(), config.maxSpanAttributes(), config.maxAttributeValueLength()));
        this.evaluationIds = config.isEvaluation() ? evaluationIds(config) : Map.of();
    }

    /**
     * The {@code session} object of a session start.
     *
     * @param source the session's source, or null for the tracer's
     * @param fields the session's inputs, metadata and user properties (other namespaces are not sent at start)
     */
    public ObjectNode sessionStart(String sessionId, String sessionName, @Nullable String source, EventFields fields) {
        ObjectNode session = SafeJson.mapper().createObjectNode();
        if (project != null) {
            session.put("project", project);
        }
        session.put("session_name", sessionName);
        session.put("source", source != null ? source : this.source);
        session.put("session_id", sessionId);
        putIfNotEmpty(session, "inputs", values.objectOf("inputs", fields.inputs()));
        ObjectNode metadata = values.objectOf("metadata", fields.metadata());
        evaluationIds.forEach(metadata::put);
        putIfNotEmpty(session, "metadata", metadata);
        putIfNotEmpty(session, "user_properties", values.objectOf("user_properties", fields.userProperties()));
        return session;
    }

    /**
     * The body of {@code PUT /events} for an event or a session. There is no inputs field: inputs go to
     * {@code metadata.inputs}, and so does the error.
     *
     * @param error an error to record, or null
     * @param duration the duration to set, sent in milliseconds, or null
     */
    public ObjectNode eventUpdate(
            String eventId, EventFields fields, @Nullable String error, @Nullable Duration duration) {
        ObjectNode update = SafeJson.mapper().createObjectNode();
        update.put("event_id", eventId);
        ObjectNode metadata = values.objectOf("metadata", fields.metadata());
        if (!fields.inputs().isEmpty()) {
            metadata.set("inputs", values.objectOf("inputs", fields.inputs()));
        }
        if (error != null) {
            metadata.put("error", AttributeFlattener.truncate(error, maxValueLength));
        }
        putIfNotEmpty(update, "metadata", metadata);
        putIfNotEmpty(update, "feedback", values.objectOf("feedback", fields.feedback()));
        putIfNotEmpty(update, "metrics", values.objectOf("metrics", fields.metrics()));
        putIfNotEmpty(update, "outputs", values.objectOf("outputs", fields.outputs()));
        putIfNotEmpty(update, "config", values.objectOf("config", fields.config()));
        putIfNotEmpty(update, "user_properties", values.objectOf("user_properties", fields.userProperties()));
        if (duration != null) {
            update.put("duration", duration.toNanos() / 1_000_000.0);
        }
        return update;
    }

    /** The run, dataset and datapoint ids that are set, in that order, by their baggage keys. */
    private static Map<String, String> evaluationIds(TracerConfig config) {
        Map<String, String> ids = new LinkedHashMap<>();
        putIfSet(ids, HoneyHiveBaggage.RUN_ID, config.runId());
        putIfSet(ids, HoneyHiveBaggage.DATASET_ID, config.datasetId());
        putIfSet(ids, HoneyHiveBaggage.DATAPOINT_ID, config.datapointId());
        return Collections.unmodifiableMap(ids);
    }

    private static void putIfSet(Map<String, String> ids, String key, @Nullable String value) {
        if (value != null) {
            ids.put(key, value);
        }
    }

    private static void putIfNotEmpty(ObjectNode object, String field, ObjectNode value) {
        if (!value.isEmpty()) {
            object.set(field, value);
        }
    }
}
