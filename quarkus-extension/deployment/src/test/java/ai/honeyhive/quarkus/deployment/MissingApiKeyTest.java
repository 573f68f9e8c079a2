package ai.honeyhive.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.QuarkusUnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With test mode turned off and no key, the start fails naming the key (and the secret is not invented). */
class MissingApiKeyTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("honeyhive.test-mode", "false")
            .assertException(failure ->
                    assertThat(TracedOnPrivateMethodTest.rootMessages(failure)).contains("honeyhive.api-key"));

    @Test
    void theStartFails() {
        // assertException checks the failure; reaching here without one fails the test.
    }
}
