package ai.honeyhive.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import ai.honeyhive.cdi.internal.CdiSettings;
import ai.honeyhive.jaxrs.internal.JaxrsSettings;
import ai.honeyhive.tracer.internal.config.Setting;
import ai.honeyhive.tracer.internal.config.Settings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The settings tables are the one declaration of every setting: the configuration reference of the documentation
 * ({@code docs/configuration.md}) is made from them, and Quarkus's configuration mappings, as the generated Quarkus
 * configuration model shows them, agree with them key for key, type for type and default for default. A failure names
 * what drifted; for the configuration reference it shows the tables expected (or run the test with
 * {@code -Dhoneyhive.docs.update=true} to write them).
 */
class ConfigurationReferenceTest {

    private static final Path CONFIGURATION_REFERENCE = Path.of("../../docs/configuration.md");
    private static final String MODEL = "META-INF/quarkus-config-doc/quarkus-config-model.json";
    private static final String NAMED_TRACERS = "honeyhive.tracers.\"tracer-name\".";

    @Test
    void theConfigurationReferenceTablesAreMadeFromTheSettingsTables() throws IOException {
        Map<String, String> tables = new LinkedHashMap<>();
        tables.put("tracer-builder", ConfigurationReference.byBuilderMethod(Settings.ALL));
        tables.put(
                "tracer-keys",
                ConfigurationReference.byKey(tracerKeys())
                        + "| `honeyhive.tracers.<name>.<any key above>` | | the `honeyhive.*` value | a named tracer |\n");
        tables.put("jaxrs-keys", ConfigurationReference.byKeyWithoutEnvironment(JaxrsSettings.ALL));
        tables.put(
                "quarkus-keys",
                ConfigurationReference.byKeyWithoutEnvironment(
                        Stream.concat(QuarkusOnlySettings.BUILD_TIME.stream(), QuarkusOnlySettings.RUNTIME.stream())
                                .toList()));
        String reference = Files.readString(CONFIGURATION_REFERENCE);
        String expected = reference;
        for (Map.Entry<String, String> table : tables.entrySet()) {
            expected = withTable(expected, table.getKey(), table.getValue());
        }
        if (Boolean.getBoolean("honeyhive.docs.update")) {
            Files.writeString(CONFIGURATION_REFERENCE, expected);
        }
        assertThat(reference)
                .as("docs/configuration.md's configuration tables, made from the settings tables; run this test with"
                        + " -Dhoneyhive.docs.update=true to write them")
                .isEqualTo(expected);
    }

    @Test
    void theRuntimeMappingHasEveryTracerSettingWithItsTypeAndDefault() throws IOException {
        Map<String, JsonNode> properties = properties("ai.honeyhive.quarkus.runtime.HoneyHiveRuntimeConfig");
        List<String> drift = new ArrayList<>();
        Set<String> expectedKeys = new TreeSet<>();
        for (Setting<?> setting : tracerKeys()) {
            String key = mappingKey(setting, properties);
            String named = NAMED_TRACERS + key.substring("honeyhive.".length());
            expectedKeys.add(key);
            expectedKeys.add(named);
            compare(setting, key, properties.get(key), drift);
            compare(setting, named, properties.get(named), drift);
        }
        for (Setting<?> setting : Stream.concat(JaxrsSettings.ALL.stream(), QuarkusOnlySettings.RUNTIME.stream())
                .toList()) {
            String key = mappingKey(setting, properties);
            expectedKeys.add(key);
            compare(setting, key, properties.get(key), drift);
        }
        Set<String> unknown = new TreeSet<>(properties.keySet());
        unknown.removeAll(expectedKeys);
        unknown.forEach(key -> drift.add(key + " is in the mapping but in no settings table"));
        assertThat(drift)
                .as("HoneyHiveRuntimeConfig against the settings tables")
                .isEmpty();
    }

    @Test
    void theBuildTimeMappingAgreesWithItsSettingsTable() throws IOException {
        Map<String, JsonNode> properties = properties(HoneyHiveBuildTimeConfig.class.getName());
        List<String> drift = new ArrayList<>();
        for (Setting<?> setting : QuarkusOnlySettings.BUILD_TIME) {
            compare(setting, setting.propertyKey(), properties.get(setting.propertyKey()), drift);
        }
        assertThat(properties.keySet())
                .containsExactlyInAnyOrderElementsOf(QuarkusOnlySettings.BUILD_TIME.stream()
                        .map(Setting::propertyKey)
                        .toList());
        assertThat(drift)
                .as("HoneyHiveBuildTimeConfig against QuarkusOnlySettings")
                .isEmpty();
    }

    /** The tracer's own keys and the container's, in the order of the reference. */
    private static List<Setting<?>> tracerKeys() {
        return Stream.concat(Settings.CONFIGURABLE.stream(), CdiSettings.ALL.stream())
                .toList();
    }

    /** The setting's key in the mapping: a map's is its key with the entry's placeholder, {@code ."name"}. */
    private static String mappingKey(Setting<?> setting, Map<String, JsonNode> properties) {
        String key = Objects.requireNonNull(setting.propertyKey());
        if (!setting.type().name().equals("map")) {
            return key;
        }
        return properties.keySet().stream()
                .filter(property -> property.startsWith(key + ".\"") && property.endsWith("\""))
                .findFirst()
                .orElse(key + ".\"<entry>\"");
    }

    /** Type and default: the mapping's default (given or documented) must read as the table's, by the table's parser. */
    private static void compare(Setting<?> setting, String key, JsonNode property, List<String> drift) {
        if (property == null) {
            drift.add(key + " (" + setting.name() + ") is missing from the mapping");
            return;
        }
        String type = property.path("type").asText();
        if (!typeMatches(setting, type)) {
            drift.add(key + " is a " + type + " in the mapping, a " + setting.type() + " in the table");
        }
        JsonNode mappingDefault = property.get("defaultValue");
        Object tableDefault = setting.defaultValue();
        boolean documentedByValue = tableDefault != null && setting.hasDefaultAsValue();
        if (mappingDefault == null) {
            if (documentedByValue) {
                drift.add(key + " shows no default; the table's is " + setting.defaultDescription());
            }
        } else if (!documentedByValue) {
            drift.add(key + " shows the default " + mappingDefault.asText() + "; the table has none");
        } else if (!Objects.equals(setting.parseConfigValue(key, mappingDefault.asText()), tableDefault)) {
            drift.add(key + " shows the default " + mappingDefault.asText() + "; the table's is "
                    + setting.defaultDescription());
        }
    }

    private static boolean typeMatches(Setting<?> setting, String type) {
        return switch (setting.type().name()) {
            case "string" -> type.equals("java.lang.String") || type.endsWith("OpenTelemetrySpans");
            case "boolean" -> type.equals("boolean") || type.equals("java.lang.Boolean");
            case "int" ->
                type.equals("int") || type.equals("java.lang.Integer") || type.equals("java.util.OptionalInt");
            case "duration" -> type.equals("java.time.Duration");
            case "list of string" -> type.equals("java.lang.String") || type.startsWith("java.util.List");
            case "map" -> type.equals("java.lang.String") || type.startsWith("java.util.Map");
            default -> false;
        };
    }

    /** The properties of a configuration root in the Quarkus configuration model, by key. */
    private static Map<String, JsonNode> properties(String root) throws IOException {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        for (URL model : Collections.list(
                ConfigurationReferenceTest.class.getClassLoader().getResources(MODEL))) {
            JsonNode roots;
            try (InputStream in = model.openStream()) {
                roots = new ObjectMapper().readTree(in).path("configRoots");
            }
            for (JsonNode configRoot : roots) {
                if (configRoot.path("qualifiedNames").toString().contains("\"" + root + "\"")) {
                    collect(configRoot.path("items"), properties);
                }
            }
        }
        if (properties.isEmpty()) {
            fail("No " + root + " in any " + MODEL + " on the class path");
        }
        return properties;
    }

    private static void collect(JsonNode items, Map<String, JsonNode> properties) {
        for (JsonNode item : items) {
            if (item.has("items")) {
                // A section: its properties are below it.
                collect(item.path("items"), properties);
            } else {
                properties.put(item.path("path").path("property").asText(), item);
            }
        }
    }

    /** The configuration reference with the block between the table's markers replaced. */
    private static String withTable(String reference, String name, String table) {
        String start = "<!-- settings table: " + name + " (made by ConfigurationReferenceTest) -->\n";
        String end = "<!-- end of settings table: " + name + " -->";
        int from = reference.indexOf(start);
        int to = reference.indexOf(end);
        if (from < 0 || to < from) {
            fail("docs/configuration.md has no block " + start.strip() + " ... " + end);
        }
        return reference.substring(0, from + start.length()) + table + reference.substring(to);
    }
}
