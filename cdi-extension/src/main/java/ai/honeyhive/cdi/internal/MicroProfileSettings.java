package ai.honeyhive.cdi.internal;

import static java.util.Objects.requireNonNull;

import ai.honeyhive.tracer.internal.config.Setting;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/** Reads single settings of a settings table from MicroProfile Config, with errors that name the key. */
public final class MicroProfileSettings {

    private MicroProfileSettings() {}

    /** A setting's value under its own key. */
    public static <T> Optional<T> read(Config config, Setting<T> setting) {
        return read(config, requireNonNull(setting.propertyKey(), setting.name()), setting);
    }

    /**
     * A setting's value under the given key, parsed by the setting's type.
     *
     * @throws IllegalArgumentException naming the key, if the value cannot be parsed
     */
    public static <T> Optional<T> read(Config config, String key, Setting<T> setting) {
        return config.getOptionalValue(key, String.class).map(text -> setting.parseConfigValue(key, text));
    }

    /** A map setting's entries: one key each below the setting's key ({@code <key>.<entry>=<value>}). */
    public static Map<String, String> readMap(Config config, Setting<Map<String, String>> setting) {
        String prefix = requireNonNull(setting.propertyKey(), setting.name()) + ".";
        Map<String, String> entries = new LinkedHashMap<>();
        for (String property : config.getPropertyNames()) {
            if (property.startsWith(prefix)) {
                config.getOptionalValue(property, String.class)
                        .ifPresent(value -> entries.put(property.substring(prefix.length()), value));
            }
        }
        return entries;
    }
}
