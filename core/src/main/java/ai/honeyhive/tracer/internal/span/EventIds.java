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
    // Setting and assigning are rare (once per event at most): one lock keeps an id handed out from being replaced.
    private static final Object LOCK = new Object();

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
        synchronized (LOCK) {
            span.setAttribute(HoneyHiveAttributes.EVENT_ID, eventId.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * The span's event id: the one set, else, while the span records, a new one set now. Null for an ended span
     * without one, and for a span the OpenTelemetry SDK did not make, whose attributes cannot be read back (an id
     * made for it could not be told from one set before).
     */
    public static @Nullable String assign(Span span) {
        if (!(span instanceof ReadableSpan readable)) {
            return null;
        }
        synchronized (LOCK) {
            String present = readable.getAttribute(HoneyHiveAttributes.EVENT_ID);
            if (present != null || !span.isRecording()) {
                return present;
            }
            String id = SessionIds.newId();
            span.setAttribute(HoneyHiveAttributes.EVENT_ID, id);
            return id;
        }
    }
}
