package ai.honeyhive.tracer;

import ai.honeyhive.tracer.internal.span.OwnedScope;
import io.opentelemetry.context.Scope;

/**
 * A session made current by {@link HoneyHiveTracer#withSession}: until it is closed, every span started in this
 * context belongs to it, on this thread and on any thread the context is handed to. Close it on the thread that
 * opened it, with try-with-resources.
 */
public final class SessionScope implements AutoCloseable {

    private final String sessionId;
    private final OwnedScope scope;

    SessionScope(String sessionId, Scope scope) {
        this.sessionId = sessionId;
        this.scope = new OwnedScope(scope, "A SessionScope");
    }

    /** The session's id, a lowercase UUID. */
    public String sessionId() {
        return sessionId;
    }

    /** Restores the context that was current before the session. Idempotent; never throws. */
    @Override
    public void close() {
        scope.close();
    }

    @Override
    public String toString() {
        return "SessionScope{" + sessionId + "}";
    }
}
