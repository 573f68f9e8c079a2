package ai.honeyhive.tracer.internal.session;

import ai.honeyhive.tracer.SessionCallStatistics;
import ai.honeyhive.tracer.internal.EventFields;
import ai.honeyhive.tracer.internal.export.LocalSink;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The session calls of one tracer, sent where the tracer records them: to HoneyHive (in the background, through the
 * {@link SessionClient}) and to the local sink. In test mode without a local sink they go nowhere, and no body is
 * built.
 */
public final class SessionCalls {

    private final @Nullable SessionClient client;
    private final @Nullable LocalSink localSink;
    private final SessionBodies bodies;

    /**
     * @param client the client to HoneyHive, or null in test mode
     * @param localSink the local sink, or null when there is none
     */
    public SessionCalls(@Nullable SessionClient client, @Nullable LocalSink localSink, SessionBodies bodies) {
        this.client = client;
        this.localSink = localSink;
        this.bodies = bodies;
    }

    /** Whether session starts and updates go anywhere: HoneyHive, or the local sink's file. */
    private boolean recordsSessions() {
        return client != null || localSink != null;
    }

    /**
     * Starts a session in the background.
     *
     * @param source the session's source, or null for the tracer's
     * @param callerWaits whether the caller waits for it: then it goes ahead of the calls waiting in the background
     * @return completes when the start call has ended, delivered or not; at once when nothing records sessions
     */
    public CompletableFuture<Void> start(
            String sessionId, String name, @Nullable String source, EventFields fields, boolean callerWaits) {
        if (!recordsSessions()) {
            return CompletableFuture.completedFuture(null);
        }
        ObjectNode session = bodies.sessionStart(sessionId, name, source, fields);
        if (localSink != null) {
            localSink.record("session_start", session);
        }
        return client == null
                ? CompletableFuture.completedFuture(null)
                : client.startSession(sessionId, session, callerWaits);
    }

    /**
     * Sends {@code PUT /events} for an event or a session, after that session's start; nothing when there is
     * nothing to add.
     *
     * @param error an error to record, or null
     * @param duration the event's or session's duration, or null to leave it
     */
    public void update(String eventId, EventFields fields, @Nullable String error, @Nullable Duration duration) {
        if (!recordsSessions() || (fields.isEmpty() && error == null && duration == null)) {
            return;
        }
        ObjectNode update = bodies.eventUpdate(eventId, fields, error, duration);
        if (update.size() <= 1) {
            // Only the event id (every value was null): there is nothing to add.
            return;
        }
        if (localSink != null) {
            localSink.record("event_update", update);
        }
        if (client != null) {
            client.updateEvent(eventId, update);
        }
    }

    /** What became of the calls to HoneyHive so far; all zero when there is no client. */
    public SessionCallStatistics statistics() {
        if (client == null) {
            return SessionCallStatistics.NONE;
        }
        return client.statistics();
    }

    /** Waits up to the timeout until every call queued so far has ended; true if they all did. */
    public boolean awaitIdle(Duration timeout) {
        return client == null || client.awaitIdle(timeout);
    }

    /** Waits up to the timeout for queued calls, then stops; true if they all ended. */
    public boolean close(Duration timeout) {
        return client == null || client.close(timeout);
    }
}
