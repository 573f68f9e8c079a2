package ai.honeyhive.tracer.internal.span;

import ai.honeyhive.tracer.internal.ThrottledLogger;
import ai.honeyhive.tracer.internal.session.SessionIds;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.trace.ReadableSpan;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * The id a span's event has in HoneyHive when the application, not the backend, chooses it
 * ({@code honeyhive_event_id}): so that it can refer to the event later, to add feedback for one.
 */
public final class EventIds {

    private static final Logger logger = Logger.getLogger(EventIds.class.getName());
    private static final ThrottledLogger invalid = new ThrottledLogger(logger);

    private EventIds() {}

    /** Sets the span's event id, a UUID written in lowercase; an invalid one is logged (throttled) and ignored. */
    public static void set(Span span, @Nullable String eventId) {
        if (!SessionIds.isUuid(eventId)) {
            invalid.log(
                    Level.WARNING,
                    "Ignored an event id that is not a UUID such as 550e8400-e29b-41d4-a716-446655440000: '" + eventId
                            + "'");
            return;
        }
        span.setAttribute(HoneyHiveAttributes.EVENT_ID, eventId.toLowerCase(Locale.ROOT));
    }

    /**
     * The span's event id: the one set, else a new one, set now. Null for a span that records nothing.
     *
     * <p>Only the OpenTelemetry SDK's spans can be read; another span gets a new id each time.
     */
    public static @Nullable String assign(Span span) {
        if (!span.isRecording()) {
            return null;
        }
        if (!(span instanceof ReadableSpan readable)) {
            String id = SessionIds.newId();
            span.setAttribute(HoneyHiveAttributes.EVENT_ID, id);
            return id;
        }
        // Two threads asking at once must get the same id.
        synchronized (readable) {
            String present = readable.getAttribute(HoneyHiveAttributes.EVENT_ID);
            if (present != null) {
                return present;
            }
            String id = SessionIds.newId();
            span.setAttribute(HoneyHiveAttributes.EVENT_ID, id);
            return id;
        }
    }
}
