package ai.honeyhive.tracer;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import org.jspecify.annotations.Nullable;

/**
 * An OpenTelemetry {@link Span} that is current from the moment {@link HoneyHiveTracer#trace} opens it until it is
 * closed, for use in try-with-resources:
 *
 * <pre>{@code
 * try (HoneyHiveSpan span = tracer.trace("retrieve", EventType.TOOL)) {
 *     span.setAttribute("documents", 3);
 * } // ended here, and the previous context is current again
 * }</pre>
 *
 * <p>Close it on the thread that opened it. {@link #recordException(Throwable, Attributes)} also sets status ERROR
 * and {@code honeyhive_error}, so an exception caught in the block shows as the event's error in HoneyHive.
 */
public interface HoneyHiveSpan extends Span, AutoCloseable {

    /**
     * Sets the id the span's event will have in HoneyHive ({@code honeyhive_event_id}), instead of one the backend
     * assigns, so that the application can refer to the event later: to add feedback with
     * {@code tracer.enrichSpan(Enrichment.builder().eventId(id)...)}, for one. A UUID; an invalid one is logged once
     * and ignored.
     */
    HoneyHiveSpan setEventId(String eventId);

    /**
     * The id the span's event will have in HoneyHive: the one set with {@link #setEventId}, else, while the span is
     * open, a new UUID set now. Null for a span that records nothing (a closed tracer's), and for an ended span that
     * had none.
     */
    @Nullable
    String eventId();

    /** Ends the span and restores the context that was current before it was opened. Idempotent; never throws. */
    @Override
    void close();
}
