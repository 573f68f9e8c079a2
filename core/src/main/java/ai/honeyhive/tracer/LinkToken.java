package ai.honeyhive.tracer;

import ai.honeyhive.tracer.internal.ThrottledLogger;
import io.opentelemetry.context.Scope;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The context a carrier was linked to by {@link HoneyHiveTracer#link}, current until this token is passed to
 * {@link HoneyHiveTracer#unlink} or closed. Close it on the thread that linked it.
 */
public final class LinkToken implements AutoCloseable {

    private static final Logger logger = Logger.getLogger(LinkToken.class.getName());
    private static final ThrottledLogger foreignThreadClose = new ThrottledLogger(logger);

    private final Scope scope;
    private final Thread owner = Thread.currentThread();
    private final AtomicBoolean closed = new AtomicBoolean();

    LinkToken(Scope scope) {
        this.scope = scope;
    }

    /** Restores the context that was current before the link. Idempotent; never throws. */
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
                    "A LinkToken was unlinked on a thread other than the one that"
                            + " linked it; unlink it where it was linked");
        }
    }
}
