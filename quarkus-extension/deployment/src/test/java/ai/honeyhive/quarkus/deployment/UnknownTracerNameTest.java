package ai.honeyhive.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.cdi.HoneyHive;
import ai.honeyhive.cdi.Traced;
import ai.honeyhive.tracer.HoneyHiveTracer;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A tracer name the code uses that no honeyhive.tracers.<name>.* key configures fails the start, naming where it is used
 * (the configured names are runtime configuration, known only when the application starts).
 */
class UnknownTracerNameTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(UsesUnknownNames.class))
            .overrideConfigKey("honeyhive.tracers.billing.project", "billing")
            .assertException(failure -> assertThat(TracedOnPrivateMethodTest.rootMessages(failure))
                    .contains("No HoneyHive tracer named 'biling' is configured")
                    .contains("@Traced on " + UsesUnknownNames.class.getName() + ".charge()")
                    .contains("No HoneyHive tracer named 'audit' is configured")
                    .contains("honeyhive.tracers.audit.project")
                    .contains("[billing]"));

    @Test
    void theStartFails() {
        // assertException checks the failure; reaching here without one fails the test.
    }

    @ApplicationScoped
    public static class UsesUnknownNames {
        @Inject
        @HoneyHive("audit")
        HoneyHiveTracer audit;

        @Traced(tracer = "biling")
        public void charge() {}
    }
}
