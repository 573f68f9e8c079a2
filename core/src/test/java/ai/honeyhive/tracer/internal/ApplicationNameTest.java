package ai.honeyhive.tracer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class ApplicationNameTest {

    @ParameterizedTest
    @CsvSource({
        "com.acme.support.SupportBotMain --port 8080, SupportBotMain",
        "Main, Main",
        "/opt/apps/support-bot-1.2.jar --verbose, support-bot-1.2",
        "target\\quarkus-app\\quarkus-run.jar, quarkus-run",
    })
    void nameIsTheMainClassOrTheJar(String command, String expected) {
        assertThat(ApplicationName.fromCommand(command)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void unknownCommandFallsBackToAFixedName(String command) {
        assertThat(ApplicationName.fromCommand(command)).isEqualTo(ApplicationName.FALLBACK);
    }
}
