package ai.honeyhive.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.QuarkusUnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A boolean the tracer does not accept on the other runtimes ({@code y}, which Quarkus's own converter would take as
 * true) fails the start here too, naming the key and what would be accepted.
 */
class InvalidBooleanTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("honeyhive.test-mode", "true")
            .overrideConfigKey("honeyhive.verbose", "y")
            .assertException(failure -> assertThat(TracedOnPrivateMethodTest.rootMessages(failure))
                    .contains("honeyhive.verbose")
                    .contains("true, false, 1, 0, yes, no, on, off")
                    .contains("'y'"));

    @Test
    void theStartFails() {
        // assertException checks the failure; reaching here without one fails the test.
    }
}
