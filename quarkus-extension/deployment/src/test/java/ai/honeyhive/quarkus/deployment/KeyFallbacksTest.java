package ai.honeyhive.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.cdi.HoneyHive;
import ai.honeyhive.tracer.HoneyHiveTracer;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A tracer's keys fall back as on the other runtimes: a named tracer's unset key to the default tracer's, an unset key
 * to its {@code HH_*} or {@code OTEL_BSP_*} variable (as a config source sees it), a set key winning over both.
 */
class KeyFallbacksTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(UsesBilling.class))
            .overrideConfigKey("honeyhive.test-mode", "true")
            .overrideConfigKey("honeyhive.start-session", "false")
            .overrideConfigKey("honeyhive.project", "explicit-project")
            .overrideConfigKey("HH_PROJECT", "env-project")
            .overrideConfigKey("HH_SOURCE", "env-source")
            .overrideConfigKey("HH_SERVER_URL", "https://server-url.example.com")
            .overrideConfigKey("HH_API_URL", "https://api-url.example.com")
            .overrideConfigKey("OTEL_BSP_SCHEDULE_DELAY", "250")
            .overrideConfigKey("honeyhive.tracers.billing.source", "billing-source");

    @Inject
    HoneyHiveTracer tracer;

    @Inject
    UsesBilling billing;

    @Test
    void aSetKeyWinsOverItsVariable() {
        assertThat(tracer.project()).isEqualTo("explicit-project");
    }

    @Test
    void anUnsetKeyIsReadFromItsVariableTheFirstOneSetWinning() {
        assertThat(tracer.source()).isEqualTo("env-source");
        assertThat(tracer.config().serverUrl()).isEqualTo("https://api-url.example.com");
        assertThat(tracer.config().batchScheduleDelay())
                .as("OTEL_BSP_* durations are milliseconds")
                .isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void aNamedTracerFallsBackToTheDefaultTracersKeysThenToTheVariables() {
        HoneyHiveTracer named = billing.tracer();
        assertThat(named.source()).as("its own key").isEqualTo("billing-source");
        assertThat(named.project()).as("the default tracer's key").isEqualTo("explicit-project");
        assertThat(named.isTestMode()).as("the default tracer's key").isTrue();
        assertThat(named.config().serverUrl()).as("the variable").isEqualTo("https://api-url.example.com");
    }

    @ApplicationScoped
    public static class UsesBilling {
        @Inject
        @HoneyHive("billing")
        HoneyHiveTracer tracer;

        HoneyHiveTracer tracer() {
            return tracer;
        }
    }
}
