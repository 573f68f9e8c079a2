package ai.honeyhive.tracer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TracerConfigTest {

    @Test
    void defaultsApplyWhenNothingIsSet() {
        TracerConfig config = TracerConfig.builder().build();

        assertThat(config.apiKey()).isNull();
        assertThat(config.project()).isNull();
        assertThat(config.source()).isEqualTo("dev");
        assertThat(config.serverUrl()).isEqualTo("https://api.honeyhive.ai");
        assertThat(config.sessionId()).isNull();
        assertThat(config.testMode()).isFalse();
        assertThat(config.verbose()).isFalse();
        assertThat(config.disableBatch()).isFalse();
        assertThat(config.disableHttpTracing())
                .as("HTTP tracing is off by default, as in the Python SDK")
                .isTrue();
        assertThat(config.isEvaluation()).isFalse();
        assertThat(config.registerGlobal()).isFalse();
        assertThat(config.batchMaxQueueSize()).isEqualTo(65_536);
        assertThat(config.batchMaxExportBatchSize()).isEqualTo(512);
        assertThat(config.batchScheduleDelay()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.batchExportTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.maxAttributeDepth()).isEqualTo(8);
        assertThat(config.maxSpanAttributes()).isEqualTo(1024);
        assertThat(config.maxAttributeValueLength()).isEqualTo(16384);
    }

    @Test
    void readsEveryHoneyHiveVariableFromTheEnvironment() {
        TracerConfig config = TracerConfig.fromEnvironment(Map.ofEntries(
                Map.entry("HH_API_KEY", "env-key"),
                Map.entry("HH_PROJECT", "env-project"),
                Map.entry("HH_SOURCE", "staging"),
                Map.entry("HH_SESSION_NAME", "nightly"),
                Map.entry("HH_SERVER_URL", "https://hh.example.com/"),
                Map.entry("HH_TEST_MODE", "yes"),
                Map.entry("HH_VERBOSE", "1"),
                Map.entry("HH_DISABLE_BATCH", "on"),
                Map.entry("HH_DISABLE_HTTP_TRACING", "false"),
                Map.entry("OTEL_BSP_SCHEDULE_DELAY", "250"),
                Map.entry("OTEL_BSP_MAX_QUEUE_SIZE", "100"),
                Map.entry("OTEL_BSP_MAX_EXPORT_BATCH_SIZE", "10"),
                Map.entry("OTEL_BSP_EXPORT_TIMEOUT", "1500")));

        assertThat(config.apiKey()).isEqualTo("env-key");
        assertThat(config.project()).isEqualTo("env-project");
        assertThat(config.source()).isEqualTo("staging");
        assertThat(config.sessionName()).isEqualTo("nightly");
        assertThat(config.serverUrl()).isEqualTo("https://hh.example.com");
        assertThat(config.testMode()).isTrue();
        assertThat(config.verbose()).isTrue();
        assertThat(config.disableBatch()).isTrue();
        assertThat(config.disableHttpTracing()).isFalse();
        assertThat(config.batchScheduleDelay()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.batchMaxQueueSize()).isEqualTo(100);
        assertThat(config.batchMaxExportBatchSize()).isEqualTo(10);
        assertThat(config.batchExportTimeout()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void apiUrlWinsOverServerUrlWhenBothAreSet() {
        TracerConfig config = TracerConfig.fromEnvironment(
                Map.of("HH_API_URL", "https://api-url.example.com", "HH_SERVER_URL", "https://server-url.example.com"));

        assertThat(config.serverUrl()).isEqualTo("https://api-url.example.com");
    }

    @Test
    void blankEnvironmentVariablesCountAsUnset() {
        TracerConfig config = TracerConfig.fromEnvironment(Map.of("HH_PROJECT", "  ", "HH_TEST_MODE", ""));

        assertThat(config.project()).isNull();
        assertThat(config.testMode()).isFalse();
    }

    @Test
    void explicitValueWinsOverEnvironmentWhichWinsOverDefault() {
        Map<String, String> environment = Map.of("HH_PROJECT", "env-project", "HH_SOURCE", "env-source");

        try (HoneyHiveTracer tracer = TestTracers.inTestMode()
                .environment(environment)
                .project("explicit-project")
                .build()) {
            assertThat(tracer.project()).as("explicit beats environment").isEqualTo("explicit-project");
            assertThat(tracer.source()).as("environment beats default").isEqualTo("env-source");
            assertThat(tracer.config().serverUrl())
                    .as("default when neither is set")
                    .isEqualTo(TracerConfig.DEFAULT_SERVER_URL);
        }
    }

    @Test
    void initWithConfigStillFallsBackToTheEnvironmentForUnsetSettings() {
        TracerConfig config =
                TracerConfig.builder().project("from-config").testMode(true).build();

        try (HoneyHiveTracer tracer = HoneyHiveTracer.builder()
                .environment(Map.of("HH_PROJECT", "env-project", "HH_SOURCE", "env-source"))
                .config(config)
                .shutdownHook(false)
                .source("explicit-source")
                .build()) {
            assertThat(tracer.project()).isEqualTo("from-config");
            assertThat(tracer.source())
                    .as("a setter after config() overrides it")
                    .isEqualTo("explicit-source");
        }
    }

    @Test
    void toBuilderCopiesAndOverridesSingleSettings() {
        TracerConfig production = TracerConfig.builder()
                .apiKey("k")
                .project("p")
                .source("production")
                .build();

        TracerConfig staging = production.toBuilder().source("staging").build();

        assertThat(staging.source()).isEqualTo("staging");
        assertThat(staging.project()).isEqualTo("p");
        assertThat(staging.apiKey()).isEqualTo("k");
        assertThat(production.source()).as("the original is unchanged").isEqualTo("production");
    }

    @Test
    void sessionIdMustBeAUuidAndIsKeptLowercase() {
        String upper = "550E8400-E29B-41D4-A716-446655440000";

        assertThat(TracerConfig.builder().sessionId(upper).build().sessionId()).isEqualTo(upper.toLowerCase());
        UUID uuid = UUID.randomUUID();
        assertThat(TracerConfig.builder().sessionId(uuid).build().sessionId()).isEqualTo(uuid.toString());
        assertThatThrownBy(() -> TracerConfig.builder().sessionId("session-42").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sessionId")
                .hasMessageContaining("honeyhive.session-id")
                .hasMessageContaining("must be a UUID")
                .hasMessageContaining("session-42");
        assertThatThrownBy(() -> TracerConfig.builder().sessionId("1-1-1-1-1").build())
                .as("UUID.fromString would accept this; HoneyHive would not")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://api.honeyhive.ai", "api.honeyhive.ai", "http://", "not a url", "https:///x"})
    void serverUrlMustBeHttpOrHttps(String url) {
        assertThatThrownBy(() -> TracerConfig.builder().serverUrl(url).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("serverUrl")
                .hasMessageContaining("HH_API_URL or HH_SERVER_URL")
                .hasMessageContaining("http:// or https://");
    }

    @Test
    void serverUrlLosesItsTrailingSlashes() {
        assertThat(TracerConfig.builder()
                        .serverUrl("http://127.0.0.1:8080//")
                        .build()
                        .serverUrl())
                .isEqualTo("http://127.0.0.1:8080");
    }

    @ParameterizedTest
    @CsvSource({
        "HH_TEST_MODE, maybe",
        "HH_VERBOSE, 2",
        "HH_DISABLE_BATCH, y",
        "HH_DISABLE_HTTP_TRACING, enabled",
    })
    void invalidBooleanNamesTheVariable(String variable, String value) {
        assertThatThrownBy(() -> TracerConfig.fromEnvironment(Map.of(variable, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(variable)
                .hasMessageContaining("true, false, 1, 0, yes, no, on, off")
                .hasMessageContaining("'" + value + "'");
    }

    @ParameterizedTest
    @CsvSource({
        "OTEL_BSP_MAX_QUEUE_SIZE, 0",
        "OTEL_BSP_MAX_QUEUE_SIZE, lots",
        "OTEL_BSP_MAX_EXPORT_BATCH_SIZE, -1",
        "OTEL_BSP_SCHEDULE_DELAY, 5s",
        "OTEL_BSP_EXPORT_TIMEOUT, -10",
    })
    void invalidBatchSettingNamesTheVariable(String variable, String value) {
        assertThatThrownBy(() -> TracerConfig.fromEnvironment(Map.of(variable, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(variable);
    }

    @Test
    void invalidServerUrlFromTheEnvironmentNamesTheVariable() {
        assertThatThrownBy(() -> TracerConfig.fromEnvironment(Map.of("HH_SERVER_URL", "localhost:8080")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HH_SERVER_URL");
    }

    @Test
    void invalidNumbersAndDurationsAreRejectedNamingTheSetting() {
        assertThatThrownBy(() -> TracerConfig.builder().batchMaxQueueSize(0).build())
                .hasMessageContaining("batchMaxQueueSize")
                .hasMessageContaining("OTEL_BSP_MAX_QUEUE_SIZE");
        assertThatThrownBy(() ->
                        TracerConfig.builder().exportTimeout(Duration.ZERO).build())
                .hasMessageContaining("exportTimeout");
        assertThatThrownBy(() -> TracerConfig.builder()
                        .shutdownTimeout(Duration.ofSeconds(-1))
                        .build())
                .hasMessageContaining("shutdownTimeout");
        assertThatThrownBy(
                        () -> TracerConfig.builder().maxAttributeValueLength(5).build())
                .hasMessageContaining("maxAttributeValueLength");
        assertThatThrownBy(() -> TracerConfig.builder().maxAttributeDepth(0).build())
                .hasMessageContaining("maxAttributeDepth");
        assertThatThrownBy(() -> TracerConfig.builder()
                        .batchMaxQueueSize(10)
                        .batchMaxExportBatchSize(20)
                        .build())
                .hasMessageContaining("batchMaxExportBatchSize")
                .hasMessageContaining("must not be larger than")
                .hasMessageContaining("batchMaxQueueSize");
    }

    @Test
    void anApiKeyThatCannotBeSentAsAHeaderIsRejectedWithoutEchoingIt() {
        String key = "hh-canary-with-newline-91c2";

        assertThatThrownBy(() -> TracerConfig.builder().apiKey(key + "\n").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("apiKey")
                .hasMessageContaining("line break")
                .hasMessageNotContaining(key);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"https://user:pw@hh.example.com", "https://hh.example.com/?x=1", "https://hh.example.com#f"})
    void serverUrlWithCredentialsQueryOrFragmentIsRejected(String url) {
        assertThatThrownBy(() -> TracerConfig.builder().serverUrl(url).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without credentials, query or fragment")
                .hasMessageNotContaining("user:pw");
    }

    @Test
    void blankValuesAreRejected() {
        assertThatThrownBy(() -> TracerConfig.builder().apiKey(" ").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("apiKey")
                .hasMessageContaining("HH_API_KEY")
                .hasMessageContaining("must not be blank");
        assertThatThrownBy(() -> TracerConfig.builder().project("").build()).hasMessageContaining("project");
    }

    @Test
    void settersRejectNullNamingTheParameter() {
        assertThatThrownBy(() -> TracerConfig.builder().apiKey(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("apiKey");
    }

    @Test
    void missingApiKeyOutsideTestModeFailsStartupNamingTheKeyAndTheFix() {
        assertThatThrownBy(() -> HoneyHiveTracer.builder()
                        .environment(Map.of())
                        .project("p")
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("API key is not set")
                .hasMessageContaining("HH_API_KEY")
                .hasMessageContaining("honeyhive.api-key")
                .hasMessageContaining("test mode");
    }

    @Test
    void missingApiKeyIsFineInTestMode() {
        try (HoneyHiveTracer tracer = HoneyHiveTracer.builder()
                .environment(Map.of("HH_TEST_MODE", "true"))
                .shutdownHook(false)
                .build()) {
            assertThat(tracer.isTestMode()).isTrue();
        }
    }

    @Test
    void toStringNeverShowsTheApiKey() {
        String key = "hh-canary-7f3a9c";
        TracerConfig config = TracerConfig.builder().apiKey(key).project("p").build();

        assertThat(config.toString())
                .doesNotContain(key)
                .contains("apiKey=****")
                .contains("project=p");
        try (HoneyHiveTracer tracer = TestTracers.inTestMode().apiKey(key).build()) {
            assertThat(tracer.toString()).doesNotContain(key).contains("apiKey=****");
            assertThat(tracer.config().toString()).doesNotContain(key);
        }
    }

    @Test
    void tracerSessionIdIsAFreshLowercaseUuidUnlessConfigured() {
        String configured = "550e8400-e29b-41d4-a716-446655440000";
        try (HoneyHiveTracer fresh = TestTracers.inTestMode().build();
                HoneyHiveTracer continued =
                        TestTracers.inTestMode().sessionId(configured).build()) {
            assertThat(fresh.sessionId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
            assertThat(continued.sessionId()).isEqualTo(configured);
        }
    }

    @Test
    void sessionNameDefaultsToTheApplicationName() {
        try (HoneyHiveTracer tracer = TestTracers.inTestMode().build()) {
            assertThat(tracer.sessionName())
                    .as("the main class or jar of this JVM, not the fixed fallback")
                    .isEqualTo(ai.honeyhive.tracer.internal.ApplicationName.detect())
                    .isNotEqualTo("java-application");
        }
        try (HoneyHiveTracer tracer =
                TestTracers.inTestMode().sessionName("nightly-eval").build()) {
            assertThat(tracer.sessionName()).isEqualTo("nightly-eval");
        }
    }
}
