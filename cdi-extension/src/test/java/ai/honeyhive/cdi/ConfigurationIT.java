package ai.honeyhive.cdi;

import static ai.honeyhive.testing.HoneyHiveAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.honeyhive.testing.RecordingHoneyHiveServer;
import ai.honeyhive.testing.Route;
import ai.honeyhive.tracer.HoneyHiveTracer;
import ai.honeyhive.tracer.TracerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The tracer bean and what configures it: MicroProfile Config keys, HH_* variables, and their precedence. */
class ConfigurationIT {

    static final Duration WAIT = Duration.ofSeconds(30);

    private final RecordingHoneyHiveServer server = RecordingHoneyHiveServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @ApplicationScoped
    static class Assistant {
        @Inject
        HoneyHiveTracer tracer;

        @Traced
        String answer(String question) {
            return "answer to " + question;
        }

        HoneyHiveTracer tracer() {
            return tracer;
        }
    }

    private Map<String, String> base() {
        return CdiContainer.exportingTo(server);
    }

    @Test
    void theTracerIsInjectableAndExportsWithTheConfiguredKeyProjectAndSource() {
        Map<String, String> properties = base();
        properties.put("honeyhive.source", "production");
        try (CdiContainer container = CdiContainer.start(properties, Assistant.class)) {
            Assistant assistant = container.get(Assistant.class);
            assistant.answer("refunds?");
            HoneyHiveTracer tracer = assistant.tracer();

            assertThat(tracer.project()).isEqualTo("support-bot");
            assertThat(tracer.source()).isEqualTo("production");
            assertThat(container.get(HoneyHiveTracer.class))
                    .as("one tracer per container")
                    .isSameAs(tracer);
            assertThat(tracer.flush(WAIT)).isTrue();
            assertThat(server)
                    .hasSpanNamed("Assistant.answer")
                    .hasAttribute("honeyhive.project", "support-bot")
                    .hasAttribute("honeyhive.source", "production")
                    .hasSessionId(tracer.sessionId());
            assertThat(server.requests(Route.TRACES).get(0).header("Authorization"))
                    .contains("Bearer cdi-key");
        }
    }

    @Test
    void aConfiguredSessionIdIsLinkedToUnlessStartSessionIsSetWithIt() {
        String session = "7d3c2b1a-0f9e-4d8c-b7a6-5e4d3c2b1a09";
        Map<String, String> linking = base();
        linking.put("honeyhive.session-id", session);
        try (CdiContainer container = CdiContainer.start(linking, Assistant.class)) {
            container.get(Assistant.class).answer("linked");
            assertThat(container.get(HoneyHiveTracer.class).flush(WAIT)).isTrue();
        }
        assertThat(server.requests(Route.SESSION_START)).isEmpty();
        assertThat(server).hasSpanNamed("Assistant.answer").hasSessionId(session);

        server.reset();
        Map<String, String> starting = base();
        starting.put("honeyhive.session-id", session);
        starting.put("honeyhive.start-session", "true");
        starting.put("honeyhive.evaluation.run-id", "run-1");
        try (CdiContainer container = CdiContainer.start(starting, Assistant.class)) {
            container.get(Assistant.class).answer("started");
            assertThat(container.get(HoneyHiveTracer.class).flush(WAIT)).isTrue();
        }
        assertThat(server.requests(Route.SESSION_START)).singleElement().satisfies(start -> {
            assertThat(start.json().at("/session/session_id").asText()).isEqualTo(session);
            assertThat(start.json().at("/session/metadata/run_id").asText()).isEqualTo("run-1");
        });
    }

    @Test
    void theTracersOwnSessionStartsOnFirstUseUnlessConfiguredToStartAtStartup() {
        String ownSession;
        try (CdiContainer container = CdiContainer.start(base(), Assistant.class)) {
            HoneyHiveTracer tracer = container.get(HoneyHiveTracer.class);
            ownSession = tracer.sessionId();
            assertThat(tracer.flush(WAIT)).isTrue();
            assertThat(server.requests(Route.SESSION_START))
                    .as("an idle application leaves no empty session")
                    .isEmpty();

            container.get(Assistant.class).answer("outside any request");
            assertThat(tracer.flush(WAIT)).isTrue();
        }
        assertThat(startedSessionIds()).containsExactly(ownSession);
        assertThat(server).hasSpanNamed("Assistant.answer").hasSessionId(ownSession);

        server.reset();
        Map<String, String> eager = base();
        eager.put("honeyhive.start-session-on-first-use", "false");
        try (CdiContainer container = CdiContainer.start(eager, Assistant.class)) {
            ownSession = container.get(HoneyHiveTracer.class).sessionId();
            assertThat(container.get(HoneyHiveTracer.class).flush(WAIT)).isTrue();
        }
        assertThat(startedSessionIds()).containsExactly(ownSession);
    }

    private List<String> startedSessionIds() {
        return server.requests(Route.SESSION_START).stream()
                .map(start -> start.json().at("/session/session_id").asText())
                .toList();
    }

    @Test
    void everyKeyReachesTheTracer() {
        Map<String, String> properties = new HashMap<>();
        properties.put("honeyhive.test-mode", "true");
        properties.put("honeyhive.project", "p");
        properties.put("honeyhive.source", "staging");
        properties.put("honeyhive.session-name", "nightly");
        properties.put("honeyhive.session-id", "550E8400-E29B-41D4-A716-446655440000");
        properties.put("honeyhive.server-url", "https://honeyhive.example.com/");
        properties.put("honeyhive.disable-batch", "yes");
        properties.put("honeyhive.disable-http-tracing", "false");
        properties.put("honeyhive.verbose", "on");
        properties.put("honeyhive.local-sink", "console");
        properties.put("honeyhive.evaluation.run-id", "run-1");
        properties.put("honeyhive.evaluation.dataset-id", "dataset-1");
        properties.put("honeyhive.evaluation.datapoint-id", "datapoint-1");
        properties.put("honeyhive.service-name", "support-service");
        properties.put("honeyhive.export-timeout", "PT3S");
        properties.put("honeyhive.session-timeout", "1500");
        properties.put("honeyhive.batch.max-queue-size", "100");
        properties.put("honeyhive.batch.max-export-batch-size", "10");
        properties.put("honeyhive.limits.attribute-value-length", "4096");
        try (CdiContainer container = CdiContainer.start(properties, Assistant.class)) {
            TracerConfig config = container.get(HoneyHiveTracer.class).config();

            assertThat(config.testMode()).isTrue();
            assertThat(config.project()).isEqualTo("p");
            assertThat(config.source()).isEqualTo("staging");
            assertThat(config.sessionName()).isEqualTo("nightly");
            assertThat(config.sessionId()).isEqualTo("550e8400-e29b-41d4-a716-446655440000");
            assertThat(config.serverUrl()).isEqualTo("https://honeyhive.example.com");
            assertThat(config.disableBatch()).isTrue();
            assertThat(config.disableHttpTracing()).isFalse();
            assertThat(config.verbose()).isTrue();
            assertThat(config.localSink()).isEqualTo("console");
            assertThat(config.isEvaluation())
                    .as("an evaluation id turns evaluation mode on")
                    .isTrue();
            assertThat(config.runId()).isEqualTo("run-1");
            assertThat(config.datasetId()).isEqualTo("dataset-1");
            assertThat(config.datapointId()).isEqualTo("datapoint-1");
            assertThat(config.serviceName()).isEqualTo("support-service");
            assertThat(config.exportTimeout()).isEqualTo(Duration.ofSeconds(3));
            assertThat(config.sessionTimeout()).isEqualTo(Duration.ofMillis(1500));
            assertThat(config.batchMaxQueueSize()).isEqualTo(100);
            assertThat(config.batchMaxExportBatchSize()).isEqualTo(10);
            assertThat(config.maxAttributeValueLength()).isEqualTo(4096);
            assertThat(config.shutdownHook())
                    .as("the container closes the tracer, not a JVM hook")
                    .isFalse();
        }
    }

    @Test
    void theMicroprofileConfigPropertiesFileIsRead() {
        try (CdiContainer container = CdiContainer.start(Map.of("honeyhive.test-mode", "true"), Assistant.class)) {
            assertThat(container.get(HoneyHiveTracer.class).sessionName())
                    .as("set in src/test/resources/META-INF/microprofile-config.properties")
                    .isEqualTo("from-properties-file");
        }
    }

    @Test
    void systemPropertiesAreRead() {
        System.setProperty("honeyhive.source", "from-system-property");
        try (CdiContainer container = CdiContainer.start(Map.of("honeyhive.test-mode", "true"), Assistant.class)) {
            assertThat(container.get(HoneyHiveTracer.class).source()).isEqualTo("from-system-property");
        } finally {
            System.clearProperty("honeyhive.source");
        }
    }

    @Test
    void hhVariablesAreHonouredAndMicroprofileSourcesWinOverThem() {
        Map<String, String> environment = Map.of(
                "HH_API_KEY", "env-key",
                "HH_PROJECT", "env-project",
                "HH_SOURCE", "env-source",
                "HH_TEST_MODE", "true");
        try (CdiContainer container =
                CdiContainer.start(Map.of("honeyhive.project", "config-project"), environment, Assistant.class)) {
            HoneyHiveTracer tracer = container.get(HoneyHiveTracer.class);

            assertThat(tracer.project()).as("MicroProfile Config wins").isEqualTo("config-project");
            assertThat(tracer.source())
                    .as("HH_SOURCE applies where nothing else is set")
                    .isEqualTo("env-source");
            assertThat(tracer.config().apiKey()).isEqualTo("env-key");
            assertThat(tracer.isTestMode()).isTrue();
        }
    }

    @Test
    void theStandardMicroprofileEnvironmentMappingWorks() {
        Map<String, String> environment =
                Map.of("HONEYHIVE_API_KEY", "mapped-key", "HONEYHIVE_PROJECT", "mapped-project", "HH_PROJECT", "hh");
        try (CdiContainer container =
                CdiContainer.start(Map.of("honeyhive.server-url", server.baseUrl()), environment, Assistant.class)) {
            HoneyHiveTracer tracer = container.get(HoneyHiveTracer.class);

            assertThat(tracer.config().apiKey()).isEqualTo("mapped-key");
            assertThat(tracer.project())
                    .as("HONEYHIVE_PROJECT is a MicroProfile source")
                    .isEqualTo("mapped-project");
        }
    }

    @Test
    void aMissingKeyFailsTheDeploymentNamingTheKeyAndTheFix() {
        assertThatThrownBy(() -> CdiContainer.start(Map.of("honeyhive.project", "p"), Assistant.class)
                        .close())
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("honeyhive.api-key")
                .hasMessageContaining("HH_API_KEY")
                .hasMessageContaining("test mode");
    }

    @Test
    void anInvalidValueFailsTheDeploymentNamingTheKey() {
        Map<String, String> properties = base();
        properties.put("honeyhive.test-mode", "maybe");

        assertThatThrownBy(() -> CdiContainer.start(properties, Assistant.class).close())
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("honeyhive.test-mode must be one of true, false");
        properties.remove("honeyhive.test-mode");
        properties.put("honeyhive.server-url", "localhost:8080");
        assertThatThrownBy(() -> CdiContainer.start(properties, Assistant.class).close())
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("honeyhive.server-url")
                .hasMessageContaining("http:// or https://");
    }

    @Test
    void disabledTracingSendsNothingAndTheMethodStillRuns() {
        Map<String, String> properties = base();
        properties.put("honeyhive.enabled", "false");
        properties.remove("honeyhive.api-key");
        try (CdiContainer container = CdiContainer.start(properties, Assistant.class)) {
            assertThat(container.get(Assistant.class).answer("q")).isEqualTo("answer to q");
        }

        assertThat(server).receivedNoRequests();
    }

    @Test
    void spansEndedJustBeforeShutdownArrive() {
        Map<String, String> properties = base();
        properties.put("honeyhive.batch.schedule-delay", "PT10M");
        CdiContainer container = CdiContainer.start(properties, Assistant.class);
        container.get(Assistant.class).answer("last words");

        container.close();

        assertThat(server).hasSpanNamed("Assistant.answer").hasInput("question", "last words");
    }
}
