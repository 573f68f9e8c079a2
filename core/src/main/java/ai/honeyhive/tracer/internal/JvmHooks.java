package ai.honeyhive.tracer.internal;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * What a tracer registers with the JVM: a shutdown hook that closes it at exit, and, when asked, its OpenTelemetry as
 * {@code GlobalOpenTelemetry}. Registration failures are logged, never thrown.
 */
public final class JvmHooks {

    private static final Logger logger = Logger.getLogger(JvmHooks.class.getName());

    private final @Nullable Thread shutdownHook;

    private JvmHooks(@Nullable Thread shutdownHook) {
        this.shutdownHook = shutdownHook;
    }

    /** No hook: the container or the application closes the tracer. */
    public static JvmHooks none() {
        return new JvmHooks(null);
    }

    /** A shutdown hook that runs {@code close} at JVM exit, unless removed first. */
    public static JvmHooks closingAtExit(Runnable close) {
        Thread hook = new Thread(close, "honeyhive-tracer-shutdown");
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return new JvmHooks(hook);
        } catch (IllegalStateException | SecurityException e) {
            // The JVM is already shutting down, or a security manager forbids hooks: the tracer is closed by hand.
            return none();
        }
    }

    /**
     * Makes the OpenTelemetry the global one, so that libraries that use {@code GlobalOpenTelemetry} report to
     * HoneyHive; logs instead of failing when another one was set first.
     *
     * @param setting the setting that asked for it, named in the warning
     */
    public static void registerGlobal(OpenTelemetry openTelemetry, String setting) {
        try {
            GlobalOpenTelemetry.set(openTelemetry);
        } catch (IllegalStateException e) {
            logger.log(
                    Level.WARNING,
                    "GlobalOpenTelemetry was already set; this HoneyHive tracer is not the global one (" + setting
                            + ")");
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
