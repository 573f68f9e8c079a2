package ai.honeyhive.tracer.internal;

import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * {@code verbose=true}: every {@code ai.honeyhive} logger at FINE, and, where the JDK's own logging is in charge (whose
 * console handler shows INFO and above only), a console handler of the tracer's own for the records below INFO, so
 * that they are really printed. Where a server or Quarkus runs its own log manager, its configuration decides.
 */
public final class VerboseLogging {

    // Held strongly: java.util.logging forgets the level of a logger nobody references.
    private static final Logger ROOT = Logger.getLogger("ai.honeyhive");
    private static volatile boolean handlerAdded;

    private VerboseLogging() {}

    /** Makes the tracer's FINE diagnostics loggable, and shown where the JDK's logging would hide them. */
    public static synchronized void enable() {
        ROOT.setLevel(Level.FINE);
        if (!handlerAdded && LogManager.getLogManager().getClass() == LogManager.class) {
            ROOT.addHandler(belowInfo());
            handlerAdded = true;
        }
    }

    /** A console handler for FINE to CONFIG records: INFO and above already reach the root logger's handler. */
    private static Handler belowInfo() {
        ConsoleHandler handler = new ConsoleHandler();
        handler.setLevel(Level.FINE);
        handler.setFormatter(new SimpleFormatter());
        handler.setFilter(record -> record.getLevel().intValue() < Level.INFO.intValue());
        return handler;
    }
}
