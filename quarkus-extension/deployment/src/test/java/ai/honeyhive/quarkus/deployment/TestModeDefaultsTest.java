package ai.honeyhive.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.cdi.Traced;
import ai.honeyhive.tracer.HoneyHiveTracer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** In test (and dev) mode with no key, the tracer needs no account: test mode, events in the local sink's file. */
class TestModeDefaultsTest {

    static final Path EVENTS = Path.of("target/honeyhive/test-events.jsonl");

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Greeter.class))
            .overrideConfigKey("quarkus.application.name", "support-assistant")
            .setBeforeAllCustomizer(() -> {
                try {
                    Files.deleteIfExists(EVENTS);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });

    @Inject
    HoneyHiveTracer tracer;

    @Inject
    Greeter greeter;

    @Test
    void withNoKeyTheTracerRunsInTestModeAndRecordsToTheLocalSink() throws Exception {
        assertThat(tracer.isTestMode()).isTrue();
        assertThat(tracer.config().localSink()).isEqualTo("target/honeyhive/test-events.jsonl");
        greeter.greet("ada");
        assertThat(tracer.flush(Duration.ofSeconds(10))).isTrue();
        List<JsonNode> events = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(EVENTS)) {
            events.add(json.readTree(line));
        }
        assertThat(events)
                .anySatisfy(event ->
                        assertThat(event.toString()).contains("Greeter.greet").contains("ada"));
    }

    @Test
    void theDefaultSessionIsNamedAfterTheApplicationNotItsLauncher() {
        assertThat(tracer.sessionName()).isEqualTo("support-assistant");
    }

    @ApplicationScoped
    public static class Greeter {
        @Traced
        public String greet(String name) {
            return "hello " + name;
        }
    }
}
