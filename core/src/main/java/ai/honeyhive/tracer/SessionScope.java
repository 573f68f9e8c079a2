package ai.honeyhive.tracer;

import ai.honeyhive.tracer.internal.ThrottledLogger;
import io.opentelemetry.context.Scope;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A session made current by {@link HoneyHiveTracer#withSession}: until it is closed, every span started in this
 * context belongs to it, on this thread and on any thread the context is handed to. Close it on the thread that
 * opened it, with try-with-resources.
 */
public final class SessionScope implements AutoCloseable {

    private static final Logger logger = Logger.getLogger(SessionScope.class.getName());
    private static final ThrottledLogger foreignThreadClose = new ThrottledLogger(logger);

    private final String sessionId;
    private final Scope scope;
    private final Thread owner = Thread.currentThread();
    private final AtomicBoolean closed = new AtomicBoolean();

    SessionScope(String sessionId, Scope scope) {
        this.sessionId = sessionId;
        this.scope = scope;
    }

    /** The session's id, a lowercase UUID. */
    public String sessionId() {
        return sessionId;
    }

    /** Restores the context that was current before the session. Idempotent; never throws. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (owner == Thread.currentThread()) {
            scope.close();
        } else {
            foreignThreadClose.log(
                    Level.WARNING,
                    "A SessionScope was closed on a thread other than the one that"
                            + " opened it; close it where it was opened (try-with-resources)");
        }
    }

    @Override
    public String toString() {
        return "SessionScope{" + sessionId + "}";
    }
}
