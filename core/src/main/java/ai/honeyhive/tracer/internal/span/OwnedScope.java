package ai.honeyhive.tracer.internal.span;

import ai.honeyhive.tracer.internal.ThrottledLogger;
import io.opentelemetry.context.Scope;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A context scope that is closed once, and only on the thread that opened it: closing it on another thread would
 * restore the wrong context there, so that is logged (throttled) and skipped. Never throws.
 */
public final class OwnedScope {

    private static final Logger logger = Logger.getLogger(OwnedScope.class.getName());
    private static final ThrottledLogger foreignThreadClose = new ThrottledLogger(logger);

    private final Scope scope;
    private final String what;
    private final Thread owner = Thread.currentThread();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param scope the scope to close
     * @param what what the user holds, for the log message, such as {@code "A SessionScope"}
     */
    public OwnedScope(Scope scope, String what) {
        this.scope = scope;
        this.what = what;
    }

    /** Closes the scope the first time it is called on the owning thread; returns whether this was the first call. */
    public boolean close() {
        if (scope == Scope.noop()) {
            // Nothing was made current (a no-op span, a failed call): any thread may close it.
            return closed.compareAndSet(false, true);
        }
        if (owner != Thread.currentThread()) {
            // Left open, so that the owner thread can still close it and restore its own context.
            if (!closed.get()) {
                foreignThreadClose.log(
                        Level.WARNING,
                        what + " was closed on a thread other than the one that"
                                + " opened it; close it where it was opened (try-with-resources)");
            }
            return false;
        }
        if (!closed.compareAndSet(false, true)) {
            return false;
        }
        scope.close();
        return true;
    }
}
