package ai.honeyhive.tracer.internal.span;

import ai.honeyhive.tracer.internal.ThrottledLogger;
import ai.honeyhive.tracer.internal.session.HoneyHiveBaggage;
import ai.honeyhive.tracer.internal.session.TracerIdentity;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Copies the session and evaluation context onto every span when it starts: from the baggage of the span's parent
 * context, else from the tracer's own identity. This is what ties spans of concurrent requests to their own
 * sessions: each request's session lives in its own context's baggage, never in shared state.
 */
public final class HoneyHiveSpanProcessor implements SpanProcessor {

    private static final Logger logger = Logger.getLogger(HoneyHiveSpanProcessor.class.getName());
    private static final ThrottledLogger failures = new ThrottledLogger(logger);

    private final TracerIdentity identity;

    public HoneyHiveSpanProcessor(TracerIdentity identity) {
        this.identity = identity;
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        try {
            stamp(Baggage.fromContext(parentContext), span);
        } catch (RuntimeException e) {
            failures.log(Level.WARNING, "Could not stamp the HoneyHive session on span " + span.getName(), e);
        }
    }

    private void stamp(Baggage baggage, ReadWriteSpan span) {
        String fromBaggage = baggage.getEntryValue(HoneyHiveBaggage.SESSION_ID);
        String sessionId =
                hasValue(fromBaggage) ? fromBaggage : identity.ownSession().use();
        setTwins(span, HoneyHiveAttributes.SESSION_ID, HoneyHiveAttributes.TRACELOOP_SESSION_ID, sessionId);
        setTwins(
                span,
                HoneyHiveAttributes.PROJECT,
                HoneyHiveAttributes.TRACELOOP_PROJECT,
                orElse(baggage.getEntryValue(HoneyHiveBaggage.PROJECT), identity.project()));
        setTwins(
                span,
                HoneyHiveAttributes.SOURCE,
                HoneyHiveAttributes.TRACELOOP_SOURCE,
                orElse(baggage.getEntryValue(HoneyHiveBaggage.SOURCE), identity.source()));
        setTwins(
                span,
                HoneyHiveAttributes.PARENT_ID,
                HoneyHiveAttributes.TRACELOOP_PARENT_ID,
                baggage.getEntryValue(HoneyHiveBaggage.PARENT_ID));
        setIfPresent(
                span,
                HoneyHiveAttributes.RUN_ID,
                orElse(baggage.getEntryValue(HoneyHiveBaggage.RUN_ID), identity.runId()));
        setIfPresent(
                span,
                HoneyHiveAttributes.DATASET_ID,
                orElse(baggage.getEntryValue(HoneyHiveBaggage.DATASET_ID), identity.datasetId()));
        setIfPresent(
                span,
                HoneyHiveAttributes.DATAPOINT_ID,
                orElse(baggage.getEntryValue(HoneyHiveBaggage.DATAPOINT_ID), identity.datapointId()));
    }

    private static void setTwins(
            ReadWriteSpan span, AttributeKey<String> key, AttributeKey<String> twin, @Nullable String value) {
        if (value != null) {
            span.setAttribute(key, value);
            span.setAttribute(twin, value);
        }
    }

    private static void setIfPresent(ReadWriteSpan span, AttributeKey<String> key, @Nullable String value) {
        if (value != null) {
            span.setAttribute(key, value);
        }
    }

    private static @Nullable String orElse(@Nullable String fromBaggage, @Nullable String fallback) {
        return hasValue(fromBaggage) ? fromBaggage : fallback;
    }

    private static boolean hasValue(@Nullable String fromBaggage) {
        return fromBaggage != null && !fromBaggage.isEmpty();
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {}

    @Override
    public boolean isEndRequired() {
        return false;
    }
}
