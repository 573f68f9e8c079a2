package ai.honeyhive.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.tracer.HoneyHiveTracer;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The build-time keys' former names ({@code honeyhive.opentelemetry-spans}, {@code honeyhive.enabled}) still work:
 * read at build time for the new keys, and no unknown key for the runtime configuration, so the application starts.
 */
class DeprecatedBuildTimeKeysTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("honeyhive.test-mode", "true")
            .overrideConfigKey("honeyhive.opentelemetry-spans", "none")
            .overrideConfigKey("honeyhive.enabled", "true");

    @Inject
    HoneyHiveTracer tracer;

    @Test
    void theApplicationStartsWithTheFormerNames() {
        assertThat(tracer.isTestMode()).isTrue();
    }
}
