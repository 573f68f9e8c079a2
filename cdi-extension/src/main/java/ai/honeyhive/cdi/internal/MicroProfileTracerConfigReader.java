package ai.honeyhive.cdi.internal;

import ai.honeyhive.tracer.HoneyHiveTracer;
import ai.honeyhive.tracer.internal.ConfigKey;
import ai.honeyhive.tracer.internal.ConfigValues;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.config.Config;

/**
 * Reads tracer settings from MicroProfile Config: {@code honeyhive.*} for the default tracer and
 * {@code honeyhive.tracers.<name>.*} for named ones, a named tracer's unset keys falling back to {@code honeyhive.*}.
 *
 * <p>Precedence: any MicroProfile Config source (properties file, system property, {@code HONEYHIVE_API_KEY}-style
 * environment variable) &gt; the {@code HH_*} environment variables &gt; defaults. Values are parsed here, so an
 * invalid one is reported with the exact key that holds it.
 */
public final class MicroProfileTracerConfigReader {

    public static final String PREFIX = "honeyhive.";
    public static final String TRACERS_PREFIX = "honeyhive.tracers.";
    public static final String ENABLED = "enabled";
    public static final String CAPTURE_INPUTS = "capture.inputs";
    public static final String CAPTURE_OUTPUTS = "capture.outputs";

    private static final Map<ConfigKey, BiConsumer<HoneyHiveTracer.Builder, Value>> SETTERS = setters();

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
    public boolean enabled(String tracerName) {
        return bool(tracerName, ENABLED, true);
    }

    /** Whether the default tracer or any named tracer traces at all. */
    public boolean anyTracerEnabled() {
        return enabled("") || namedTracers().stream().anyMatch(this::enabled);
    }

    /** The default for {@code @Traced(captureInputs = CONFIGURED)}. */
    public boolean captureInputs(String tracerName) {
        return bool(tracerName, CAPTURE_INPUTS, true);
    }

    /** The default for {@code @Traced(captureOutputs = CONFIGURED)}. */
    public boolean captureOutputs(String tracerName) {
        return bool(tracerName, CAPTURE_OUTPUTS, true);
    }

    /**
     * A builder with every configured setting of the tracer ({@code ""} for the default one), the {@code HH_*}
     * variables beneath them, and the container in charge of its lifecycle.
     *
     * @throws IllegalArgumentException naming the key, if a value cannot be parsed
     */
    public HoneyHiveTracer.Builder builder(String tracerName) {
        HoneyHiveTracer.Builder builder =
                HoneyHiveTracer.builder().environment(environment()).shutdownHook(false);
        boolean evaluationIdSet = false;
        for (Map.Entry<ConfigKey, BiConsumer<HoneyHiveTracer.Builder, Value>> setter : SETTERS.entrySet()) {
            Optional<Value> value = value(tracerName, suffix(setter.getKey()));
            if (value.isPresent()) {
                setter.getValue().accept(builder, value.get());
                ConfigKey key = setter.getKey();
                evaluationIdSet |=
                        key == ConfigKey.RUN_ID || key == ConfigKey.DATASET_ID || key == ConfigKey.DATAPOINT_ID;
            }
        }
        if (evaluationIdSet && value(tracerName, suffix(ConfigKey.EVALUATION)).isEmpty()) {
            // An evaluation id only means something in evaluation mode.
            builder.evaluation(true);
        }
        return builder;
    }

    /** Whether the setting is given for the tracer: by its own key, the shared one, or an environment variable. */
    public boolean isSet(String tracerName, ConfigKey key) {
        if (value(tracerName, suffix(key)).isPresent()) {
            return true;
        }
        for (String variable : key.environmentVariables()) {
            if (config.getOptionalValue(variable, String.class).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** The full key a setting of the tracer is read from first. */
    public static String key(String tracerName, String suffix) {
        return tracerName.isEmpty() ? PREFIX + suffix : TRACERS_PREFIX + tracerName + "." + suffix;
    }

    private static String suffix(ConfigKey key) {
        return key.propertyKey().substring(PREFIX.length());
    }

    private boolean bool(String tracerName, String suffix, boolean fallback) {
        return value(tracerName, suffix).map(Value::bool).orElse(fallback);
    }

    /** The tracer's own key, else the shared {@code honeyhive.*} one. */
    private Optional<Value> value(String tracerName, String suffix) {
        if (!tracerName.isEmpty()) {
            String own = key(tracerName, suffix);
            Optional<String> text = config.getOptionalValue(own, String.class);
            if (text.isPresent()) {
                return Optional.of(new Value(own, text.get()));
            }
        }
        String shared = PREFIX + suffix;
        return config.getOptionalValue(shared, String.class).map(text -> new Value(shared, text));
    }

    /** The {@code HH_*} and {@code OTEL_BSP_*} variables, as MicroProfile Config's environment source sees them. */
    private Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        for (ConfigKey key : ConfigKey.values()) {
            for (String variable : key.environmentVariables()) {
                config.getOptionalValue(variable, String.class).ifPresent(value -> environment.put(variable, value));
            }
        }
        return environment;
    }

    /** A configured value and the key it came from, for messages. */
    private record Value(String key, String text) {
        String string() {
            return text.strip();
        }

        boolean bool() {
            return ConfigValues.parseBoolean(key, text);
        }

        int positiveInt() {
            return ConfigValues.parsePositiveInt(key, text);
        }

        java.time.Duration duration() {
            return ConfigValues.parseDuration(key, text);
        }
    }

    private static Map<ConfigKey, BiConsumer<HoneyHiveTracer.Builder, Value>> setters() {
        Map<ConfigKey, BiConsumer<HoneyHiveTracer.Builder, Value>> setters = new EnumMap<>(ConfigKey.class);
        setters.put(ConfigKey.API_KEY, (b, v) -> b.apiKey(v.string()));
        setters.put(ConfigKey.PROJECT, (b, v) -> b.project(v.string()));
        setters.put(ConfigKey.SOURCE, (b, v) -> b.source(v.string()));
        setters.put(ConfigKey.SESSION_NAME, (b, v) -> b.sessionName(v.string()));
        setters.put(ConfigKey.SESSION_ID, (b, v) -> b.sessionId(v.string()));
        setters.put(ConfigKey.SERVER_URL, (b, v) -> b.serverUrl(v.string()));
        setters.put(ConfigKey.TEST_MODE, (b, v) -> b.testMode(v.bool()));
        setters.put(ConfigKey.VERBOSE, (b, v) -> b.verbose(v.bool()));
        setters.put(ConfigKey.DISABLE_BATCH, (b, v) -> b.disableBatch(v.bool()));
        setters.put(ConfigKey.DISABLE_HTTP_TRACING, (b, v) -> b.disableHttpTracing(v.bool()));
        setters.put(ConfigKey.EVALUATION, (b, v) -> b.evaluation(v.bool()));
        setters.put(ConfigKey.RUN_ID, (b, v) -> b.runId(v.string()));
        setters.put(ConfigKey.DATASET_ID, (b, v) -> b.datasetId(v.string()));
        setters.put(ConfigKey.DATAPOINT_ID, (b, v) -> b.datapointId(v.string()));
        setters.put(ConfigKey.LOCAL_SINK, (b, v) -> b.localSink(v.string()));
        setters.put(ConfigKey.START_SESSION, (b, v) -> b.startSession(v.bool()));
        setters.put(ConfigKey.SESSION_TIMEOUT, (b, v) -> b.sessionTimeout(v.duration()));
        setters.put(ConfigKey.SERVICE_NAME, (b, v) -> b.serviceName(v.string()));
        setters.put(ConfigKey.EXPORT_TIMEOUT, (b, v) -> b.exportTimeout(v.duration()));
        setters.put(ConfigKey.SHUTDOWN_TIMEOUT, (b, v) -> b.shutdownTimeout(v.duration()));
        setters.put(ConfigKey.BATCH_SCHEDULE_DELAY, (b, v) -> b.batchScheduleDelay(v.duration()));
        setters.put(ConfigKey.BATCH_MAX_QUEUE_SIZE, (b, v) -> b.batchMaxQueueSize(v.positiveInt()));
        setters.put(ConfigKey.BATCH_MAX_EXPORT_BATCH_SIZE, (b, v) -> b.batchMaxExportBatchSize(v.positiveInt()));
        setters.put(ConfigKey.BATCH_EXPORT_TIMEOUT, (b, v) -> b.batchExportTimeout(v.duration()));
        setters.put(ConfigKey.MAX_ATTRIBUTE_DEPTH, (b, v) -> b.maxAttributeDepth(v.positiveInt()));
        setters.put(ConfigKey.MAX_SPAN_ATTRIBUTES, (b, v) -> b.maxSpanAttributes(v.positiveInt()));
        setters.put(ConfigKey.MAX_ATTRIBUTE_VALUE_LENGTH, (b, v) -> b.maxAttributeValueLength(v.positiveInt()));
        if (setters.size() != ConfigKey.values().length) {
            throw new IllegalStateException("Every ConfigKey needs a MicroProfile Config setter");
        }
        return setters;
    }

    @Override
    public String toString() {
        return "MicroProfileTracerConfigReader";
    }
}
