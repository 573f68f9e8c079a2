package ai.honeyhive.quarkus.deployment;

import ai.honeyhive.tracer.internal.config.Setting;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The configuration reference of the documentation, made from settings tables: a Markdown table per view, by
 * builder method or by configuration key. {@code docs/configuration.md} holds these tables as generated, and a test
 * keeps them so.
 */
final class ConfigurationReference {

    private ConfigurationReference() {}

    /** The settings by builder method: {@code builder method | environment | default | meaning}. */
    static String byBuilderMethod(List<Setting<?>> settings) {
        StringBuilder table =
                new StringBuilder("| builder method | environment | default | meaning |\n|---|---|---|---|\n");
        for (Setting<?> setting : settings) {
            row(table, code(setting.name()), environment(setting), setting);
        }
        return table.toString();
    }

    /** The settings by configuration key: {@code key | environment | default | meaning}. */
    static String byKey(List<Setting<?>> settings) {
        StringBuilder table = new StringBuilder("| key | environment | default | meaning |\n|---|---|---|---|\n");
        for (Setting<?> setting : settings) {
            row(table, code(key(setting)), environment(setting), setting);
        }
        return table.toString();
    }

    /** The settings by configuration key, for settings no environment variable gives: {@code key | default | meaning}. */
    static String byKeyWithoutEnvironment(List<Setting<?>> settings) {
        StringBuilder table = new StringBuilder("| key | default | meaning |\n|---|---|---|\n");
        for (Setting<?> setting : settings) {
            table.append("| ")
                    .append(code(key(setting)))
                    .append(" | ")
                    .append(defaultCell(setting))
                    .append(" | ")
                    .append(setting.description())
                    .append(" |\n");
        }
        return table.toString();
    }

    private static void row(StringBuilder table, String name, String environment, Setting<?> setting) {
        table.append("| ")
                .append(name)
                .append(environment.isEmpty() ? " | | " : " | " + environment + " | ")
                .append(defaultCell(setting))
                .append(" | ")
                .append(setting.description())
                .append(" |\n");
    }

    /** The key, with {@code .<key>} for a map whose entries are keys of their own. */
    private static String key(Setting<?> setting) {
        String key = setting.propertyKey();
        if (key == null) {
            throw new IllegalArgumentException(setting.name() + " has no configuration key");
        }
        return setting.type().name().equals("map") ? key + ".<key>" : key;
    }

    private static String environment(Setting<?> setting) {
        return setting.environmentVariables().stream()
                .map(ConfigurationReference::code)
                .collect(Collectors.joining(", "));
    }

    /** A value as code; a statement of what happens when unset, as it is written. */
    private static String defaultCell(Setting<?> setting) {
        return setting.defaultValue() != null && setting.hasDefaultAsValue()
                ? code(setting.defaultDescription())
                : setting.defaultDescription();
    }

    private static String code(String text) {
        return "`" + text + "`";
    }
}
