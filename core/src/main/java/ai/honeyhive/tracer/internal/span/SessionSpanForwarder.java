package ai.honeyhive.tracer.internal.span;

import ai.honeyhive.tracer.internal.session.HoneyHiveBaggage;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;

/**
 * Lives in another OpenTelemetry SDK of the application and hands the spans that SDK makes inside a HoneyHive
 * session to a tracer's delivery: stamped at start like the tracer's own spans, delivered at end. It owns neither
 * the stamping nor the delivery, so shutting the other SDK down leaves the tracer running.
 */
public final class SessionSpanForwarder implements SpanProcessor {

    private final HoneyHiveSpanProcessor stamping;
    private final SpanProcessor delivery;
    private final boolean includeSpansOutsideSessions;

    public SessionSpanForwarder(
            HoneyHiveSpanProcessor stamping, SpanProcessor delivery, boolean includeSpansOutsideSessions) {
        this.stamping = stamping;
        this.delivery = delivery;
        this.includeSpansOutsideSessions = includeSpansOutsideSessions;
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        if (includeSpansOutsideSessions
                || (HoneyHiveBaggage.isSessionOwned(parentContext)
                        && Baggage.fromContext(parentContext).getEntryValue(HoneyHiveBaggage.SESSION_ID) != null)) {
            stamping.onStart(parentContext, span);
        }
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        // Stamped at start means it belongs to a session.
        if (span.getAttribute(HoneyHiveAttributes.SESSION_ID) != null) {
            delivery.onEnd(span);
        }
    }

    @Override
    public boolean isEndRequired() {
        return true;
    }

    @Override
    public CompletableResultCode forceFlush() {
        return delivery.forceFlush();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public String toString() {
        return "SessionSpanForwarder{includeSpansOutsideSessions=" + includeSpansOutsideSessions + "}";
    }
}
