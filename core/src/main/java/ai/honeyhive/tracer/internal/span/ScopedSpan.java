package ai.honeyhive.tracer.internal.span;

import ai.honeyhive.tracer.HoneyHiveSpan;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * A span that is current until it is closed: {@link #close()} ends it and restores the context that was current
 * before it started. {@link #recordException(Throwable, Attributes)} also marks the span as failed, the way
 * HoneyHive shows errors.
 */
public final class ScopedSpan implements HoneyHiveSpan {

    private static final Span INVALID = Span.getInvalid();

    private final Span delegate;
    private final OwnedScope scope;
    private final AtomicBoolean ended = new AtomicBoolean();

    public ScopedSpan(Span delegate, Scope scope) {
        this.delegate = delegate;
        this.scope = new OwnedScope(scope, "A HoneyHiveSpan");
    }

    /** A span that records nothing, for a closed or failed tracer. */
    public static ScopedSpan noop() {
        return new ScopedSpan(INVALID, Scope.noop());
    }

    /** The OpenTelemetry span this one wraps. */
    public Span delegate() {
        return delegate;
    }

    @Override
    public void close() {
        end();
    }

    @Override
    public HoneyHiveSpan setEventId(String eventId) {
        EventIds.set(delegate, eventId);
        return this;
    }

    @Override
    public @Nullable String eventId() {
        return EventIds.assign(delegate);
    }

    @Override
    public <T> Span setAttribute(AttributeKey<T> key, T value) {
        delegate.setAttribute(key, value);
        return this;
    }

    @Override
    public Span addEvent(String name, Attributes attributes) {
        delegate.addEvent(name, attributes);
        return this;
    }

    @Override
    public Span addEvent(String name, Attributes attributes, long timestamp, TimeUnit unit) {
        delegate.addEvent(name, attributes, timestamp, unit);
        return this;
    }

    @Override
    public Span setStatus(StatusCode statusCode, String description) {
        delegate.setStatus(statusCode, description);
        return this;
    }

    /** Records the exception as one {@code exception} event, sets status ERROR and {@code honeyhive_error}. */
    @Override
    public Span recordException(Throwable exception, Attributes additionalAttributes) {
        SpanErrors.record(delegate, exception, additionalAttributes);
        return this;
    }

    @Override
    public Span updateName(String name) {
        delegate.updateName(name);
        return this;
    }

    @Override
    public void end() {
        if (ended.compareAndSet(false, true)) {
            delegate.end();
        }
        scope.close();
    }

    @Override
    public Span addLink(SpanContext spanContext, Attributes attributes) {
        delegate.addLink(spanContext, attributes);
        return this;
    }

    @Override
    public void end(long timestamp, TimeUnit unit) {
        delegate.end(timestamp, unit);
    }

    @Override
    public SpanContext getSpanContext() {
        return delegate.getSpanContext();
    }

    @Override
    public boolean isRecording() {
        return delegate.isRecording();
    }

    @Override
    public Context storeInContext(Context context) {
        return context.with(delegate);
    }

    @Override
    public String toString() {
        return "HoneyHiveSpan{" + delegate + "}";
    }
}
