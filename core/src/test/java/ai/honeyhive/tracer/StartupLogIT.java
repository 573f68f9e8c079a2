package ai.honeyhive.tracer;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.testing.RecordingHoneyHiveServer;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What an operator sees: the start line, the test-mode warning, and verbose diagnostics really printed. */
class StartupLogIT {

    private final RecordingHoneyHiveServer server = RecordingHoneyHiveServer.start();
    private final LogCapture logs = LogCapture.start();

    @AfterEach
    void stop() {
        logs.close();
        server.close();
    }

    private List<String> messages(Level level) {
        return logs.from("ai.honeyhive.tracer").stream()
                .filter(record -> record.getLevel().equals(level))
                .map(LogRecord::getMessage)
                .toList();
    }

    @Test
    void aTracerSaysAtInfoWhatItSendsWhereAndNeverItsKey() {
        try (HoneyHiveTracer tracer =
                TestTracers.against(server).source("production").build()) {
            assertThat(messages(Level.INFO))
                    .contains("HoneyHive tracer started: project support-bot, source production, sending to "
                            + server.baseUrl() + ", own session " + tracer.sessionId());
        }
        assertThat(messages(Level.WARNING)).isEmpty();
        assertThat(logs.formatted()).noneMatch(line -> line.contains(TestTracers.API_KEY));
    }

    @Test
    void testModeForAProductionSourceIsAWarningAndForADevelopmentOneIsNot() {
        try (HoneyHiveTracer development = TestTracers.inTestMode().build()) {
            assertThat(messages(Level.INFO)).singleElement().satisfies(line -> assertThat(line)
                    .contains("source dev, test mode: nothing is sent"));
            assertThat(messages(Level.WARNING)).isEmpty();
        }
        try (HoneyHiveTracer production =
                TestTracers.inTestMode().source("production").build()) {
            assertThat(messages(Level.WARNING)).singleElement().satisfies(line -> assertThat(line)
                    .contains("test mode is on for source 'production'")
                    .contains("honeyhive.test-mode=false"));
        }
    }

    @Test
    void verboseAddsAHandlerThatPrintsTheFineRecordsTheJdksConsoleHandlerHides() {
        try (HoneyHiveTracer verbose = TestTracers.inTestMode().verbose(true).build()) {
            Logger root = Logger.getLogger("ai.honeyhive");
            assertThat(root.getLevel()).isEqualTo(Level.FINE);
            assertThat(root.getHandlers()).anySatisfy(handler -> {
                assertThat(handler.isLoggable(new LogRecord(Level.FINE, "diagnostic")))
                        .isTrue();
                // INFO and above reach the root logger's own console handler: not printed twice.
                assertThat(handler.isLoggable(new LogRecord(Level.INFO, "start")))
                        .isFalse();
            });
        }
    }
}
