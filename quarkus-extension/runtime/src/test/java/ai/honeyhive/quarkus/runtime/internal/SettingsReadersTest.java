package ai.honeyhive.quarkus.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.cdi.internal.CdiSettings;
import ai.honeyhive.cdi.internal.MicroProfileTracerConfigReader;
import ai.honeyhive.cdi.internal.TracerConfigReader;
import ai.honeyhive.quarkus.runtime.HoneyHiveRuntimeConfig;
import ai.honeyhive.tracer.internal.TracerInternals;
import ai.honeyhive.tracer.internal.config.Setting;
import ai.honeyhive.tracer.internal.config.SettingValues;
import ai.honeyhive.tracer.internal.config.Settings;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Both readers of the configuration keys, MicroProfile Config's on CDI containers and the configuration mapping's on
 * Quarkus, read every setting of the table: each key set to a value that is not its default reaches the builder, for
 * the default tracer and, through the fallback to the default tracer's keys, for a named one.
 */
class SettingsReadersTest {

    private final Map<String, String> properties = new LinkedHashMap<>();
    private final Map<Setting<?>, Object> expected = new LinkedHashMap<>();

    SettingsReadersTest() {
        for (Setting<?> setting : Settings.CONFIGURABLE) {
            sample(setting);
        }
        properties.put("honeyhive.tracers.billing.project", "billing-project");
        properties.put("honeyhive.tracers.billing.genai.redact.own", "billing-only");
        properties.put("honeyhive.capture.inputs", "false");
        properties.put("honeyhive.tracers.billing.capture.outputs", "false");
    }

    @Test
    void microProfileConfigReaderReadsEverySetting() {
        SmallRyeConfig config = config(new SmallRyeConfigBuilder());
        assertReadsEverySetting(new MicroProfileTracerConfigReader(config));
    }

    @Test
    void configurationMappingReadsEverySetting() {
        SmallRyeConfig config = config(new SmallRyeConfigBuilder()
                .withMapping(HoneyHiveRuntimeConfig.class)
                .withInterceptors(new TracerKeyFallbacks()));
        assertReadsEverySetting(new MappingTracerConfigReader(config.getConfigMapping(HoneyHiveRuntimeConfig.class)));
    }

    private void assertReadsEverySetting(TracerConfigReader source) {
        for (String tracer : new String[] {"", "billing"}) {
            SettingValues values = TracerInternals.values(source.builder(tracer));
            expected.forEach((setting, value) -> {
                Object read = value;
                if (tracer.equals("billing") && setting == Settings.PROJECT) {
                    read = "billing-project";
                } else if (tracer.equals("billing") && setting == Settings.GENAI_REDACT) {
                    read = Map.of("sample", "sample-genaiRedact", "own", "billing-only");
                }
                assertThat(values.get(setting))
                        .as("%s of the tracer '%s'", setting.describe(), tracer)
                        .isEqualTo(read);
            });
        }
        assertThat(source.captureInputs(""))
                .as(CdiSettings.CAPTURE_INPUTS.describe())
                .isFalse();
        assertThat(source.captureInputs("billing")).as("falls back").isFalse();
        assertThat(source.captureOutputs("")).isTrue();
        assertThat(source.captureOutputs("billing")).as("its own key").isFalse();
        assertThat(source.enabled("billing")).as(CdiSettings.ENABLED.describe()).isTrue();
    }

    private SmallRyeConfig config(SmallRyeConfigBuilder builder) {
        return builder.withSources(new PropertiesConfigSource(properties, "test", 500))
                .build();
    }

    /** A value of the setting's type that is not its default, as text and as read. */
    private void sample(Setting<?> setting) {
        if (setting.type().name().equals("map")) {
            // One entry below the key, and one entry the named tracer adds to the default tracer's.
            properties.put(setting.propertyKey() + ".sample", "sample-" + setting.name());
            expected.put(setting, Map.of("sample", "sample-" + setting.name()));
            return;
        }
        if (setting.type().name().equals("list of string")) {
            // Two entries, in the form a list of headers takes.
            properties.put(setting.propertyKey(), "x-sample=1,x-" + setting.name() + "=2");
            expected.put(setting, List.of("x-sample=1", "x-" + setting.name() + "=2"));
            return;
        }
        Object value =
                switch (setting.type().name()) {
                    case "boolean" -> setting.defaultValue() == null || !(Boolean) setting.defaultValue();
                    case "int" -> setting.defaultValue() == null ? 7 : (Integer) setting.defaultValue() + 1;
                    case "duration" -> Duration.ofMillis(1234);
                    default -> "sample-" + setting.name();
                };
        String text = value instanceof Duration ? "1234ms" : String.valueOf(value);
        properties.put(Objects.requireNonNull(setting.propertyKey()), text);
        expected.put(setting, value);
    }
}
