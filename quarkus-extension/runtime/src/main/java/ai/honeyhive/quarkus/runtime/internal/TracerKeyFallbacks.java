package ai.honeyhive.quarkus.runtime.internal;

import ai.honeyhive.cdi.internal.CdiSettings;
import ai.honeyhive.cdi.internal.MicroProfileTracerConfigReader;
import ai.honeyhive.tracer.internal.config.Setting;
import ai.honeyhive.tracer.internal.config.Settings;
import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;
import jakarta.annotation.Priority;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The fallbacks of a tracer's keys, the same as on the other runtimes: a key a named tracer leaves unset
 * ({@code honeyhive.tracers.<name>.<key>}) is read from the default tracer's ({@code honeyhive.<key>}), and an unset
 * key from its environment variables ({@code HH_*}, {@code OTEL_BSP_*}, the first one set winning). A key set in
 * any configuration source wins over its fallbacks, whatever the sources' ordinals; an empty value counts as unset.
 *
 * <p>A variable's text is read as the tracer reads it everywhere ({@code OTEL_BSP_*} durations in milliseconds), and
 * a value it cannot read is reported as a problem of the key, in a message that names the variable. Registered as a
 * service, so it applies to the configuration mapping and to every other reader.
 */
@Priority(Priorities.LIBRARY + 600)
public final class TracerKeyFallbacks implements ConfigSourceInterceptor {

    private static final long serialVersionUID = 1L;
    private static final String TRACERS = "tracers.";

    // Key below honeyhive. -> its setting, for the environment variables read when it is unset.
    private static final Map<String, Setting<?>> TRACER_KEYS = tracerKeys();

    @Override
    public @Nullable ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (isSet(value) || !name.startsWith(MicroProfileTracerConfigReader.PREFIX)) {
            return value;
        }
        String key = name.substring(MicroProfileTracerConfigReader.PREFIX.length());
        if (key.startsWith(TRACERS)) {
            int dot = key.indexOf('.', TRACERS.length());
            key = dot < 0 ? "" : key.substring(dot + 1);
            Setting<?> setting = TRACER_KEYS.get(key);
            if (setting == null) {
                return value;
            }
            ConfigValue shared = context.proceed(MicroProfileTracerConfigReader.PREFIX + key);
            if (isSet(shared)) {
                return shared.withName(name);
            }
        }
        Setting<?> setting = TRACER_KEYS.get(key);
        ConfigValue fromEnvironment = setting == null ? null : fromEnvironment(context, setting, name);
        return fromEnvironment != null ? fromEnvironment : value;
    }

    private static @Nullable ConfigValue fromEnvironment(
            ConfigSourceInterceptorContext context, Setting<?> setting, String name) {
        for (String variable : setting.environmentVariables()) {
            ConfigValue value = context.proceed(variable);
            if (value != null && value.getValue() != null && !value.getValue().isBlank()) {
                return readAsTheTracerDoes(setting, variable, value.withName(name));
            }
        }
        return null;
    }

    /** The variable's value in the form the key takes, or with a problem that names the variable. */
    private static <T> ConfigValue readAsTheTracerDoes(Setting<T> setting, String variable, ConfigValue value) {
        try {
            T parsed = setting.parseEnvironmentValue(variable, value.getValue());
            return value.withValue(setting.type().format(parsed));
        } catch (IllegalArgumentException e) {
            return value.withProblems(List.of(new ConfigValidationException.Problem(e.getMessage())));
        }
    }

    private static boolean isSet(@Nullable ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isEmpty();
    }

    private static Map<String, Setting<?>> tracerKeys() {
        Map<String, Setting<?>> keys = new HashMap<>();
        Stream.concat(Settings.CONFIGURABLE.stream(), CdiSettings.ALL.stream())
                .forEach(setting -> keys.put(suffix(setting), setting));
        return Map.copyOf(keys);
    }

    private static String suffix(Setting<?> setting) {
        return MicroProfileTracerConfigReader.key("", setting)
                .substring(MicroProfileTracerConfigReader.PREFIX.length());
    }
}
