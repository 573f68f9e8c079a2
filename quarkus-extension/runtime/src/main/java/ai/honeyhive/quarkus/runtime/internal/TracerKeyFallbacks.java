package ai.honeyhive.quarkus.runtime.internal;

import ai.honeyhive.cdi.internal.CdiSettings;
import ai.honeyhive.cdi.internal.MicroProfileTracerConfigReader;
import ai.honeyhive.tracer.internal.config.Setting;
import ai.honeyhive.tracer.internal.config.Settings;
import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
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
 * any configuration source wins over its fallbacks, whatever the sources' ordinals. Registered as a service, so it
 * applies to the configuration mapping and to every other reader.
 */
@Priority(Priorities.LIBRARY + 600)
public final class TracerKeyFallbacks implements ConfigSourceInterceptor {

    private static final long serialVersionUID = 1L;

    // Key below honeyhive. -> the environment variables read when it is unset, from the settings tables.
    private static final Map<String, List<String>> TRACER_KEYS = tracerKeys();

    @Override
    public @Nullable ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (value != null || !name.startsWith(MicroProfileTracerConfigReader.PREFIX)) {
            return value;
        }
        String key = name.substring(MicroProfileTracerConfigReader.PREFIX.length());
        if (key.startsWith("tracers.")) {
            int dot = key.indexOf('.', "tracers.".length());
            String shared = dot < 0 ? null : key.substring(dot + 1);
            return shared != null && TRACER_KEYS.containsKey(shared)
                    ? renamed(context.proceed(MicroProfileTracerConfigReader.PREFIX + shared), name, context, shared)
                    : null;
        }
        return fromEnvironment(context, key, name);
    }

    private static @Nullable ConfigValue renamed(
            @Nullable ConfigValue shared, String name, ConfigSourceInterceptorContext context, String key) {
        if (shared != null) {
            return shared.withName(name);
        }
        return fromEnvironment(context, key, name);
    }

    private static @Nullable ConfigValue fromEnvironment(
            ConfigSourceInterceptorContext context, String key, String name) {
        for (String variable : TRACER_KEYS.getOrDefault(key, List.of())) {
            ConfigValue value = context.proceed(variable);
            if (value != null && value.getValue() != null && !value.getValue().isBlank()) {
                return value.withName(name);
            }
        }
        return null;
    }

    private static Map<String, List<String>> tracerKeys() {
        Map<String, List<String>> keys = new HashMap<>();
        Stream.concat(Settings.CONFIGURABLE.stream(), CdiSettings.ALL.stream())
                .forEach(setting -> keys.put(suffix(setting), setting.environmentVariables()));
        return Map.copyOf(keys);
    }

    private static String suffix(Setting<?> setting) {
        return MicroProfileTracerConfigReader.key("", setting)
                .substring(MicroProfileTracerConfigReader.PREFIX.length());
    }
}
