package ai.honeyhive.cdi.internal;

import static java.util.Objects.requireNonNull;

import ai.honeyhive.tracer.HoneyHiveTracer;
import ai.honeyhive.tracer.internal.TracerInternals;
import ai.honeyhive.tracer.internal.config.Setting;
import ai.honeyhive.tracer.internal.config.SettingValues;
import ai.honeyhive.tracer.internal.config.Settings;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.microprofile.config.Config;

/**
 * Reads tracer settings from MicroProfile Config, by the settings table: {@code honeyhive.*} for the default tracer and
 * {@code honeyhive.tracers.<name>.*} for named ones, a named tracer's unset keys falling back to {@code honeyhive.*}.
 *
 * <p>Precedence: any MicroProfile Config source (properties file, system property, {@code HONEYHIVE_API_KEY}-style
 * environment variable) &gt; the {@code HH_*} environment variables &gt; defaults. Values are parsed here, so an
 * invalid one is reported with the exact key that holds it.
 */
public final class MicroProfileTracerConfigReader implements TracerConfigReader {

    public static final String PREFIX = "honeyhive.";
    public static final String TRACERS_PREFIX = "honeyhive.tracers.";

    private final Config config;

    public MicroProfileTracerConfigReader(Config config) {
        this.config = config;
    }

    /** The names that have at least one {@code honeyhive.tracers.<name>.*} key. */
    public Set<String> namedTracers() {
        Set<String> names = new TreeSet<>();
        for (String property : config.getPropertyNames()) {
            if (property.startsWith(TRACERS_PREFIX)) {
                String rest = property.substring(TRACERS_PREFIX.length());
                int dot = rest.indexOf('.');
                if (dot > 0) {
                    names.add(rest.substring(0, dot));
                }
            }
        }
        return names;
    }

    /** Whether tracing is on for the tracer ({@code honeyhive[.tracers.<name>].enabled}, default true). */
    @Override
    public boolean enabled(String tracerName) {
        return valueOrDefault(tracerName, CdiSettings.ENABLED);
    }

    /** Whether the default tracer or any named tracer traces at all. */
    public boolean anyTracerEnabled() {
        return enabled("") || namedTracers().stream().anyMatch(this::enabled);
    }

    /** The default for {@code @Traced(captureInputs = CONFIGURED)}. */
    @Override
    public boolean captureInputs(String tracerName) {
        return valueOrDefault(tracerName, CdiSettings.CAPTURE_INPUTS);
    }

    /** The default for {@code @Traced(captureOutputs = CONFIGURED)}. */
    @Override
    public boolean captureOutputs(String tracerName) {
        return valueOrDefault(tracerName, CdiSettings.CAPTURE_OUTPUTS);
    }

    /**
     * A builder with every configured setting of the tracer ({@code ""} for the default one), the {@code HH_*}
     * variables beneath them, and the container in charge of its lifecycle.
     *
     * @throws IllegalArgumentException naming the key, if a value cannot be parsed
     */
    @Override
    public HoneyHiveTracer.Builder builder(String tracerName) {
        HoneyHiveTracer.Builder builder =
                HoneyHiveTracer.builder().environment(environment()).shutdownHook(false);
        SettingValues values = TracerInternals.values(builder);
        for (Setting<?> setting : Settings.CONFIGURABLE) {
            read(tracerName, setting, values);
        }
        boolean evaluationIdSet = values.isSet(Settings.RUN_ID)
                || values.isSet(Settings.DATASET_ID)
                || values.isSet(Settings.DATAPOINT_ID);
        if (evaluationIdSet && !values.isSet(Settings.EVALUATION)) {
            // An evaluation id only means something in evaluation mode.
            values.set(Settings.EVALUATION, true);
        }
        return builder;
    }

    /** The full key a setting of the tracer is read from first. */
    public static String key(String tracerName, Setting<?> setting) {
        String suffix = suffix(setting);
        return tracerName.isEmpty() ? PREFIX + suffix : TRACERS_PREFIX + tracerName + "." + suffix;
    }

    private static String suffix(Setting<?> setting) {
        String key = setting.propertyKey();
        if (key == null || !key.startsWith(PREFIX)) {
            throw new IllegalArgumentException(setting.name() + " has no honeyhive.* key");
        }
        return key.substring(PREFIX.length());
    }

    private <T> void read(String tracerName, Setting<T> setting, SettingValues values) {
        if (setting.type().name().equals("map")) {
            readMap(tracerName, setting, values);
            return;
        }
        value(tracerName, setting).ifPresent(value -> values.set(setting, value));
    }

    /** A map's entries, one key each: the shared {@code honeyhive.*} ones, overridden entry by entry by the tracer's. */
    @SuppressWarnings("unchecked")
    private <T> void readMap(String tracerName, Setting<T> setting, SettingValues values) {
        Map<String, String> entries = new TreeMap<>(entries(key("", setting) + "."));
        if (!tracerName.isEmpty()) {
            entries.putAll(entries(key(tracerName, setting) + "."));
        }
        if (!entries.isEmpty()) {
            values.set(setting, (T) entries);
        }
    }

    private Map<String, String> entries(String prefix) {
        Map<String, String> entries = new HashMap<>();
        for (String property : config.getPropertyNames()) {
            if (property.startsWith(prefix) && property.length() > prefix.length()) {
                config.getOptionalValue(property, String.class)
                        .ifPresent(value -> entries.put(property.substring(prefix.length()), value));
            }
        }
        return entries;
    }

    private <T> T valueOrDefault(String tracerName, Setting<T> setting) {
        return value(tracerName, setting).orElseGet(() -> requireNonNull(setting.defaultValue()));
    }

    /** The tracer's own key, else the shared {@code honeyhive.*} one, parsed and naming the key that held it. */
    private <T> Optional<T> value(String tracerName, Setting<T> setting) {
        if (!tracerName.isEmpty()) {
            Optional<T> own = MicroProfileSettings.read(config, key(tracerName, setting), setting);
            if (own.isPresent()) {
                return own;
            }
        }
        return MicroProfileSettings.read(config, key("", setting), setting);
    }

    /** The {@code HH_*} and {@code OTEL_BSP_*} variables, as MicroProfile Config's environment source sees them. */
    private Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        for (Setting<?> setting : Settings.ALL) {
            for (String variable : setting.environmentVariables()) {
                config.getOptionalValue(variable, String.class).ifPresent(value -> environment.put(variable, value));
            }
        }
        return environment;
    }

    @Override
    public String toString() {
        return "MicroProfileTracerConfigReader";
    }
}
