package ai.honeyhive.tracer.internal;

import ai.honeyhive.tracer.TracerConfig;
import ai.honeyhive.tracer.internal.session.OwnSession;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What an operator sees when a tracer starts: one INFO line (project, source, where it sends, its session; never the
 * key), and a WARNING when test mode is on for a source that is not a development or test one, where it would mean
 * that nothing reaches HoneyHive from production.
 */
public final class StartupLog {

    private static final Logger logger = Logger.getLogger("ai.honeyhive.tracer");
    private static final Set<String> DEVELOPMENT_SOURCES =
            Set.of("dev", "development", "local", "test", "testing", "ci", "demo", "integration-test");

    private StartupLog() {}

    /** Logs the start of a tracer with this configuration and own session. */
    public static void started(TracerConfig config, String sessionId, OwnSession.Start ownSession) {
        if (!logger.isLoggable(Level.INFO)) {
            return;
        }
        String project = config.project() == null ? "no project" : "project " + config.project();
        String destination = config.testMode() ? "test mode: nothing is sent" : "sending to " + config.serverUrl();
        String session =
                switch (ownSession) {
                    case NEVER -> "";
                    case AT_BUILD -> ", own session " + sessionId;
                    case ON_FIRST_USE -> ", own session " + sessionId + " (started when first used)";
                };
        logger.info(
                "HoneyHive tracer started: " + project + ", source " + config.source() + ", " + destination + session);
        if (config.testMode() && !DEVELOPMENT_SOURCES.contains(config.source().toLowerCase(Locale.ROOT))) {
            logger.warning("HoneyHive test mode is on for source '" + config.source()
                    + "': nothing is sent to HoneyHive. Set honeyhive.test-mode=false (HH_TEST_MODE) and an API key to"
                    + " send");
        }
    }
}
