package ai.honeyhive.tracer;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.tracer.internal.config.Setting;
import ai.honeyhive.tracer.internal.config.Settings;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The two configuration builders offer the same settings, one setter for each row of the settings table, and
 * {@link TracerConfig} an accessor for each: a setting added to the table and forgotten in either fails here.
 */
class BuildersTest {

    @Test
    void bothBuildersHaveTheSameSetters() {
        Set<String> tracerBuilder = setters(HoneyHiveTracer.Builder.class);
        // The objects a tracer is given, not settings.
        tracerBuilder.removeAll(Set.of(
                "config(TracerConfig)",
                "environment(Map)",
                "addSpanProcessor(SpanProcessor)",
                "meterProvider(MeterProvider)"));

        assertThat(tracerBuilder).isEqualTo(setters(TracerConfig.Builder.class));
    }

    @Test
    void everySettingHasASetterAndAnAccessor() {
        Set<String> setterNames = setters(TracerConfig.Builder.class).stream()
                .map(setter -> setter.substring(0, setter.indexOf('(')))
                .collect(Collectors.toSet());
        Set<String> accessors = Arrays.stream(TracerConfig.class.getMethods())
                .filter(method -> method.getParameterCount() == 0)
                .map(Method::getName)
                .collect(Collectors.toSet());
        for (Setting<?> setting : Settings.ALL) {
            assertThat(setterNames).as("a setter for " + setting.describe()).contains(setting.name());
            assertThat(accessors)
                    .as("an accessor for " + setting.describe())
                    .containsAnyOf(
                            setting.name(),
                            "is" + Character.toUpperCase(setting.name().charAt(0))
                                    + setting.name().substring(1));
        }
        assertThat(setterNames).as("no setter without a setting").hasSameSizeAs(Settings.ALL);
    }

    /** The public methods that return the builder itself, as {@code name(ParameterType, ...)}. */
    private static Set<String> setters(Class<?> builder) {
        return Arrays.stream(builder.getMethods())
                .filter(method -> method.getReturnType() == builder && !Modifier.isStatic(method.getModifiers()))
                .map(method -> method.getName()
                        + Arrays.stream(method.getParameterTypes())
                                .map(Class::getSimpleName)
                                .collect(Collectors.joining(", ", "(", ")")))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
