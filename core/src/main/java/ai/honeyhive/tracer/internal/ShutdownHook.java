package ai.honeyhive.tracer.internal;

import org.jspecify.annotations.Nullable;

/** The shutdown hook that closes a tracer at JVM exit, unless the tracer was closed before. Never throws. */
public final class ShutdownHook {

    private final @Nullable Thread shutdownHook;

    private ShutdownHook(@Nullable Thread shutdownHook) {
        this.shutdownHook = shutdownHook;
    }

    /** No hook: the container or the application closes the tracer. */
    public static ShutdownHook none() {
        return new ShutdownHook(null);
    }

    /** A shutdown hook that runs {@code close} at JVM exit, unless removed first. */
    public static ShutdownHook closingAtExit(Runnable close) {
        Thread hook = new Thread(close, "honeyhive-tracer-shutdown");
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return new ShutdownHook(hook);
        } catch (IllegalStateException | SecurityException e) {
            // The JVM is already shutting down, or a security manager forbids hooks: the tracer is closed by hand.
            return none();
        }
    }

    /** Removes the shutdown hook, unless this is the hook running now. */
    public void remove() {
        if (shutdownHook == null || Thread.currentThread() == shutdownHook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | SecurityException e) {
            // The JVM is already shutting down: the hook runs, and finds the tracer closed.
        }
    }
}
