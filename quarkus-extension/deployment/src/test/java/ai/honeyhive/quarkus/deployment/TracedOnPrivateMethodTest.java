package ai.honeyhive.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.cdi.Traced;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.enterprise.context.ApplicationScoped;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** @Traced on a private method, which no interceptor reaches, fails the build naming the class and method. */
class TracedOnPrivateMethodTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Misused.class))
            .assertException(failure -> assertThat(rootMessages(failure))
                    .contains("@Traced will have no effect on method " + Misused.class.getName() + ".hidden()")
                    .contains("because the method is private"));

    @Test
    void theBuildFails() {
        // assertException checks the failure; reaching here without one fails the test.
    }

    static String rootMessages(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
            for (Throwable suppressed : cause.getSuppressed()) {
                messages.append(suppressed.getMessage()).append('\n');
            }
        }
        return messages.toString();
    }

    @ApplicationScoped
    public static class Misused {
        public String call() {
            return hidden();
        }

        @Traced
        private String hidden() {
            return "hidden";
        }
    }
}
