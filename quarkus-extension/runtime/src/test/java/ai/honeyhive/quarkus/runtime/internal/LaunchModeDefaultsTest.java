package ai.honeyhive.quarkus.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.quarkus.runtime.HoneyHiveRuntimeConfig;
import ai.honeyhive.tracer.HoneyHiveTracer;
import ai.honeyhive.tracer.TracerConfig;
import io.quarkus.runtime.LaunchMode;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Dev and test mode need no account; production is left exactly as configured. */
class LaunchModeDefaultsTest {

    @Test
    void devModeWithoutAKeyRunsInTestModeAndRecordsToTheConsoleAndTheDevUiFile() {
        TracerConfig config = build(LaunchMode.DEVELOPMENT, Map.of("honeyhive.project", "p"));
        assertThat(config.testMode()).isTrue();
        assertThat(config.localSink()).isEqualTo("console," + LaunchModeDefaults.DEV_EVENTS_FILE);
    }

    @Test
    void devModeWithAKeySendsAndStillFeedsTheDevUi() {
        TracerConfig config = build(LaunchMode.DEVELOPMENT, Map.of("honeyhive.api-key", "k", "honeyhive.project", "p"));
        assertThat(config.testMode()).isFalse();
        assertThat(config.localSink()).isEqualTo(LaunchModeDefaults.DEV_EVENTS_FILE);
    }

    @Test
    void testModeWithoutAKeyRecordsToAFile() {
        TracerConfig config = build(LaunchMode.TEST, Map.of());
        assertThat(config.testMode()).isTrue();
        assertThat(config.localSink()).isEqualTo(LaunchModeDefaults.TEST_EVENTS_FILE);
    }

    @Test
    void explicitSettingsWinOverTheDefaults() {
        TracerConfig config =
                build(LaunchMode.DEVELOPMENT, Map.of("honeyhive.test-mode", "true", "honeyhive.local-sink", "console"));
        assertThat(config.localSink()).isEqualTo("console");
        assertThat(build(LaunchMode.TEST, Map.of("HH_API_KEY", "k")).testMode()).isFalse();
    }

    @Test
    void productionIsLeftAsConfigured() {
        TracerConfig config = build(LaunchMode.NORMAL, Map.of("honeyhive.api-key", "k"));
        assertThat(config.testMode()).isFalse();
        assertThat(config.localSink()).isNull();
    }

    private static TracerConfig build(LaunchMode mode, Map<String, String> properties) {
        MappingTracerConfigReader tracers = new MappingTracerConfigReader(new SmallRyeConfigBuilder()
                .withMapping(HoneyHiveRuntimeConfig.class)
                .withInterceptors(new TracerKeyFallbacks())
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build()
                .getConfigMapping(HoneyHiveRuntimeConfig.class));
        HoneyHiveTracer.Builder builder = tracers.builder("").startSession(false);
        new LaunchModeDefaults(tracers, mode).apply("", builder);
        try (HoneyHiveTracer tracer = builder.build()) {
            return tracer.config();
        }
    }
}
