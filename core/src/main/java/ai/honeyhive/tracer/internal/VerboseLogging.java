package ai.honeyhive.tracer.internal;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Lowers the level of every {@code ai.honeyhive} logger to FINE, for {@code verbose=true}. */
public final class VerboseLogging {

    // Held strongly: java.util.logging forgets the level of a logger nobody references.
    private static final Logger ROOT = Logger.getLogger("ai.honeyhive");

    private VerboseLogging() {}

    /** Makes the tracer's FINE diagnostics loggable; handlers still decide what is shown. */
    public static void enable() {
        ROOT.setLevel(Level.FINE);
    }
}
