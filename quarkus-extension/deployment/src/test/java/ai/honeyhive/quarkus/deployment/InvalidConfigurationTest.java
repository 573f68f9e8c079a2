package ai.honeyhive.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.QuarkusUnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An invalid value fails the start with a message that names the key and the fix. */
class InvalidConfigurationTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("honeyhive.test-mode", "true")
            .overrideConfigKey("honeyhive.session-timeout", "5 parsecs")
            .assertException(failure -> assertThat(TracedOnPrivateMethodTest.rootMessages(failure))
                    .contains("honeyhive.session-timeout")
                    .contains("5 parsecs")
                    .contains("PT5S"));

    @Test
    void theStartFails() {
        // assertException checks the failure; reaching here without one fails the test.
    }
}
