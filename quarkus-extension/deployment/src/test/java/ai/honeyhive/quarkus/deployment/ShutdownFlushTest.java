package ai.honeyhive.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.cdi.Traced;
import ai.honeyhive.testing.RecordedSpan;
import ai.honeyhive.testing.ReservedRecordingServer;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Spans made just before the application stops reach HoneyHive: with an hour-long batch delay nothing is exported
 * while it runs, so what arrives was flushed when the application shut down.
 */
class ShutdownFlushTest {

    // Started and checked by JUnit's copy of this class, outside the application, which stops in between.
    static final ReservedRecordingServer honeyhive = new ReservedRecordingServer("shutdown");

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Farewell.class))
            .overrideConfigKey("honeyhive.api-key", "hh-test-key")
            .overrideConfigKey("honeyhive.server-url", honeyhive.url())
            .overrideConfigKey("honeyhive.start-session", "false")
            .overrideConfigKey("honeyhive.batch.schedule-delay", "1h")
            .setBeforeAllCustomizer(honeyhive::server)
            .setAfterUndeployListener(() -> {
                RecordedSpan span =
                        honeyhive.awaitSpan(candidate -> candidate.name().equals("Farewell.wave"));
                assertThat(span.stringAttribute("honeyhive_inputs.name")).isEqualTo("ada");
            });

    @Inject
    Farewell farewell;

    @Test
    void aSpanEndedJustBeforeShutdownIsStillBuffered() {
        farewell.wave("ada");
    }

    @ApplicationScoped
    public static class Farewell {
        @Traced
        public String wave(String name) {
            return "bye " + name;
        }
    }
}
