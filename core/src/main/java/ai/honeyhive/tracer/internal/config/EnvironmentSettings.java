package ai.honeyhive.tracer.internal.config;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reads the {@link Settings} that have environment variables ({@code HH_*}, {@code OTEL_BSP_*}) from an environment. */
public final class EnvironmentSettings {

    private EnvironmentSettings() {}

    /**
     * The values the environment gives: for each setting, its first variable that is set and not blank.
     *
     * @throws IllegalArgumentException naming the variable, if its value cannot be parsed
     */
    public static SettingValues read(Map<String, String> environment) {
        SettingValues values = SettingValues.empty();
        for (Setting<?> setting : Settings.ALL) {
            read(environment, setting, values);
        }
        return values;
    }

    private static <T> void read(Map<String, String> environment, Setting<T> setting, SettingValues values) {
        String variable = firstSet(environment, setting);
        if (variable != null) {
            values.set(setting, setting.parseEnvironmentValue(variable, environment.get(variable)));
        }
    }

    private static @Nullable String firstSet(Map<String, String> environment, Setting<?> setting) {
        for (String name : setting.environmentVariables()) {
            String value = environment.get(name);
            if (value != null && !value.isBlank()) {
                return name;
            }
        }
        return null;
    }
}
