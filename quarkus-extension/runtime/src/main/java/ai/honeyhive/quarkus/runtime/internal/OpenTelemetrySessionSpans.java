package ai.honeyhive.quarkus.runtime.internal;

import ai.honeyhive.cdi.internal.TracerRegistry;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;

/**
 * A bean added to Quarkus's OpenTelemetry SDK (which takes every {@link SpanProcessor} bean) when
 * {@code quarkus-opentelemetry} is present: spans other extensions make inside a HoneyHive session, such as
 * quarkus-langchain4j's chat and tool spans, go to HoneyHive through the default tracer, stamped with the session.
 * HoneyHive's own spans come from its own SDK, so nothing reaches HoneyHive twice.
 */
public final class OpenTelemetrySessionSpans implements SpanProcessor {

    private final SpanProcessor forwarder;

    OpenTelemetrySessionSpans(TracerRegistry registry, boolean includeSpansOutsideSessions) {
        TracerRegistry.TracerEntry tracer = registry.entry("");
        // Disabled at runtime: the application's own spans are left untouched.
        this.forwarder = tracer.enabled()
                ? tracer.tracer().sessionSpanProcessor(includeSpansOutsideSessions)
                : SpanProcessor.composite();
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        forwarder.onStart(parentContext, span);
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        forwarder.onEnd(span);
    }

    @Override
    public boolean isEndRequired() {
        return true;
    }

    @Override
    public CompletableResultCode forceFlush() {
        return forwarder.forceFlush();
    }

    @Override
    public CompletableResultCode shutdown() {
        return forwarder.shutdown();
    }
}
