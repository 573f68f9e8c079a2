package ai.honeyhive.tracer;

import ai.honeyhive.tracer.internal.AttributeFlattener;
import ai.honeyhive.tracer.internal.ConfigKey;
import ai.honeyhive.tracer.internal.ConfigValues;
import ai.honeyhive.tracer.internal.FlattenLimits;
import ai.honeyhive.tracer.internal.SessionIds;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The immutable configuration of a {@link HoneyHiveTracer}: what was set explicitly, validated.
 *
 * <p>A setting that was not set falls back, when the tracer is built, to the {@code HH_*} environment variable and
 * then to its default: explicit value &gt; environment &gt; default, as in the Python SDK. The accessors return the
 * value that applies once defaults are taken into account, not looking at the environment.
 *
 * <pre>{@code
 * TracerConfig config = TracerConfig.builder().project("support-bot").source("production").build();
 * HoneyHiveTracer tracer = HoneyHiveTracer.init(config);            // HH_API_KEY from the environment
 * TracerConfig staging = config.toBuilder().source("staging").build();
 * }</pre>
 *
 * <p>{@link #toString()} never shows the API key.
 */
public final class TracerConfig {

    /** The HoneyHive cloud. */
    public static final String DEFAULT_SERVER_URL = "https://api.honeyhive.ai";
    /** The source when none is configured. */
    public static final String DEFAULT_SOURCE = "dev";

    static final Duration DEFAULT_EXPORT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofSeconds(5);
    static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);
    // The OpenTelemetry batch span processor's defaults, so that OTEL_BSP_* means what it means elsewhere.
    static final Duration DEFAULT_BATCH_SCHEDULE_DELAY = Duration.ofSeconds(5);
    static final int DEFAULT_BATCH_MAX_QUEUE_SIZE = 2048;
    static final int DEFAULT_BATCH_MAX_EXPORT_BATCH_SIZE = 512;
    static final Duration DEFAULT_BATCH_EXPORT_TIMEOUT = Duration.ofSeconds(30);

    // A private snapshot of the builder, never handed out, so this stays immutable.
    final Builder settings;

    private TracerConfig(TracerSettings<?> source) {
        this.settings = new Builder().copyFrom(source);
        validate(settings);
    }

    /** An empty builder: nothing set, so everything falls back to the environment and defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The configuration the {@code HH_*} and {@code OTEL_BSP_*} environment variables give. */
    public static TracerConfig fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /**
     * The configuration the given environment variables give, for tests and for runtimes that supply their own.
     *
     * @throws IllegalArgumentException if a variable has a value that is not valid, naming the variable
     */
    public static TracerConfig fromEnvironment(Map<String, String> environment) {
        EnvironmentReader env = new EnvironmentReader(environment);
        Builder builder = builder();
        env.text(ConfigKey.API_KEY, builder::apiKey);
        env.text(ConfigKey.PROJECT, builder::project);
        env.text(ConfigKey.SOURCE, builder::source);
        env.text(ConfigKey.SESSION_NAME, builder::sessionName);
        env.text(ConfigKey.SERVER_URL, builder::serverUrl);
        env.bool(ConfigKey.TEST_MODE, builder::testMode);
        env.bool(ConfigKey.VERBOSE, builder::verbose);
        env.bool(ConfigKey.DISABLE_BATCH, builder::disableBatch);
        env.bool(ConfigKey.DISABLE_HTTP_TRACING, builder::disableHttpTracing);
        env.text(ConfigKey.LOCAL_SINK, builder::localSink);
        env.millis(ConfigKey.BATCH_SCHEDULE_DELAY, builder::batchScheduleDelay);
        env.positiveInt(ConfigKey.BATCH_MAX_QUEUE_SIZE, builder::batchMaxQueueSize);
        env.positiveInt(ConfigKey.BATCH_MAX_EXPORT_BATCH_SIZE, builder::batchMaxExportBatchSize);
        env.millis(ConfigKey.BATCH_EXPORT_TIMEOUT, builder::batchExportTimeout);
        return builder.build();
    }

    /** A builder with this configuration's explicit settings, to change some of them. */
    public Builder toBuilder() {
        return new Builder().copyFrom(settings);
    }

    /** This configuration, with the settings it leaves unset taken from the other one. */
    TracerConfig withFallback(TracerConfig fallback) {
        return new Builder().copyFrom(fallback.settings).copyFrom(settings).build();
    }

    /** The API key, or null when none is set (test mode). */
    public @Nullable String apiKey() {
        return settings.apiKey;
    }

    /** The project, or null when none is set. */
    public @Nullable String project() {
        return settings.project;
    }

    /** The source; default {@value #DEFAULT_SOURCE}. */
    public String source() {
        return orDefault(settings.source, DEFAULT_SOURCE);
    }

    /** The configured session name, or null to use the application's name. */
    public @Nullable String sessionName() {
        return settings.sessionName;
    }

    /** The base URL, without a trailing {@code /}. */
    public String serverUrl() {
        return orDefault(settings.serverUrl, DEFAULT_SERVER_URL);
    }

    /** The session to continue, a lowercase UUID, or null to start a new one. */
    public @Nullable String sessionId() {
        return settings.sessionId;
    }

    /** The inputs of the tracer's own session; empty by default. */
    public Map<String, ?> inputs() {
        return orDefault(settings.inputs, Map.of());
    }

    /** Whether evaluation mode is on; default false. */
    public boolean isEvaluation() {
        return orDefault(settings.evaluation, false);
    }

    /** The evaluation run id, or null. */
    public @Nullable String runId() {
        return settings.runId;
    }

    /** The evaluation dataset id, or null. */
    public @Nullable String datasetId() {
        return settings.datasetId;
    }

    /** The evaluation datapoint id, or null. */
    public @Nullable String datapointId() {
        return settings.datapointId;
    }

    /** The W3C headers of the parent trace; empty by default. */
    public Map<String, String> linkCarrier() {
        return orDefault(settings.linkCarrier, Map.of());
    }

    /** Whether each span is sent on its own; default false. */
    public boolean disableBatch() {
        return orDefault(settings.disableBatch, false);
    }

    /** Whether FINE diagnostics are on; default false. */
    public boolean verbose() {
        return orDefault(settings.verbose, false);
    }

    /** Whether nothing is sent; default false. */
    public boolean testMode() {
        return orDefault(settings.testMode, false);
    }

    /** Whether HTTP client calls go untraced; default true. */
    public boolean disableHttpTracing() {
        return orDefault(settings.disableHttpTracing, true);
    }

    /** Where to write what is traced locally, or null for nowhere. */
    public @Nullable String localSink() {
        return settings.localSink;
    }

    /** Whether the tracer starts its own session when built; default true. */
    public boolean startSession() {
        return orDefault(settings.startSession, true);
    }

    /** The limit of one session call, and of {@code createSession}; default 5 seconds. */
    public Duration sessionTimeout() {
        return orDefault(settings.sessionTimeout, DEFAULT_SESSION_TIMEOUT);
    }

    /** The {@code service.name}, or null for the project (else the application's name). */
    public @Nullable String serviceName() {
        return settings.serviceName;
    }

    /** Whether the tracer becomes {@code GlobalOpenTelemetry}; default false. */
    public boolean registerGlobal() {
        return orDefault(settings.registerGlobal, false);
    }

    /** Whether a JVM shutdown hook closes the tracer; default true. */
    public boolean shutdownHook() {
        return orDefault(settings.shutdownHook, true);
    }

    /** The limit of one OTLP request; default 10 seconds. */
    public Duration exportTimeout() {
        return orDefault(settings.exportTimeout, DEFAULT_EXPORT_TIMEOUT);
    }

    /** How long {@code close()} waits; default 10 seconds. */
    public Duration shutdownTimeout() {
        return orDefault(settings.shutdownTimeout, DEFAULT_SHUTDOWN_TIMEOUT);
    }

    /** The batch processor's delay ({@code OTEL_BSP_SCHEDULE_DELAY}); default 5 seconds. */
    public Duration batchScheduleDelay() {
        return orDefault(settings.batchScheduleDelay, DEFAULT_BATCH_SCHEDULE_DELAY);
    }

    /** The batch processor's queue bound ({@code OTEL_BSP_MAX_QUEUE_SIZE}); default 2048. */
    public int batchMaxQueueSize() {
        return orDefault(settings.batchMaxQueueSize, DEFAULT_BATCH_MAX_QUEUE_SIZE);
    }

    /** The most spans per request ({@code OTEL_BSP_MAX_EXPORT_BATCH_SIZE}); default 512. */
    public int batchMaxExportBatchSize() {
        return orDefault(settings.batchMaxExportBatchSize, DEFAULT_BATCH_MAX_EXPORT_BATCH_SIZE);
    }

    /** The limit of one batch export ({@code OTEL_BSP_EXPORT_TIMEOUT}); default 30 seconds. */
    public Duration batchExportTimeout() {
        return orDefault(settings.batchExportTimeout, DEFAULT_BATCH_EXPORT_TIMEOUT);
    }

    /** How many nesting levels become separate attributes; default 8. */
    public int maxAttributeDepth() {
        return orDefault(settings.maxAttributeDepth, FlattenLimits.DEFAULT_MAX_DEPTH);
    }

    /** How many attributes one value may write; default 1024. */
    public int maxSpanAttributes() {
        return orDefault(settings.maxSpanAttributes, FlattenLimits.DEFAULT_MAX_ATTRIBUTES);
    }

    /** The longest string value, in characters; default 16384. */
    public int maxAttributeValueLength() {
        return orDefault(settings.maxAttributeValueLength, FlattenLimits.DEFAULT_MAX_STRING_LENGTH);
    }

    /** The settings that were set explicitly, with the API key masked. */
    @Override
    public String toString() {
        StringJoiner joiner = new StringJoiner(", ", "TracerConfig{", "}");
        add(joiner, "apiKey", settings.apiKey == null ? null : "****");
        add(joiner, "project", settings.project);
        add(joiner, "source", settings.source);
        add(joiner, "sessionName", settings.sessionName);
        add(joiner, "serverUrl", settings.serverUrl);
        add(joiner, "sessionId", settings.sessionId);
        add(joiner, "inputs", settings.inputs == null ? null : settings.inputs.keySet());
        add(joiner, "evaluation", settings.evaluation);
        add(joiner, "runId", settings.runId);
        add(joiner, "datasetId", settings.datasetId);
        add(joiner, "datapointId", settings.datapointId);
        add(joiner, "linkCarrier", settings.linkCarrier == null ? null : settings.linkCarrier.keySet());
        add(joiner, "disableBatch", settings.disableBatch);
        add(joiner, "verbose", settings.verbose);
        add(joiner, "testMode", settings.testMode);
        add(joiner, "disableHttpTracing", settings.disableHttpTracing);
        add(joiner, "localSink", settings.localSink);
        add(joiner, "startSession", settings.startSession);
        add(joiner, "sessionTimeout", settings.sessionTimeout);
        add(joiner, "serviceName", settings.serviceName);
        add(joiner, "registerGlobal", settings.registerGlobal);
        add(joiner, "shutdownHook", settings.shutdownHook);
        add(joiner, "exportTimeout", settings.exportTimeout);
        add(joiner, "shutdownTimeout", settings.shutdownTimeout);
        add(joiner, "batchScheduleDelay", settings.batchScheduleDelay);
        add(joiner, "batchMaxQueueSize", settings.batchMaxQueueSize);
        add(joiner, "batchMaxExportBatchSize", settings.batchMaxExportBatchSize);
        add(joiner, "batchExportTimeout", settings.batchExportTimeout);
        add(joiner, "maxAttributeDepth", settings.maxAttributeDepth);
        add(joiner, "maxSpanAttributes", settings.maxSpanAttributes);
        add(joiner, "maxAttributeValueLength", settings.maxAttributeValueLength);
        return joiner.toString();
    }

    private static void add(StringJoiner joiner, String name, @Nullable Object value) {
        if (value != null) {
            joiner.add(name + "=" + value);
        }
    }

    private static <T> T orDefault(@Nullable T value, T fallback) {
        return value != null ? value : fallback;
    }

    /** Checks every explicit setting and normalizes the server URL and session id in place. */
    private static void validate(Builder s) {
        requireNotBlank(s.apiKey, ConfigKey.API_KEY);
        if (s.apiKey != null && !s.apiKey.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            // The key is never echoed: it may be a real one with a stray line break.
            throw new IllegalArgumentException(ConfigKey.API_KEY.describe() + " contains a space, a line break or"
                    + " another character that cannot be sent in an HTTP header; check how the key is read");
        }
        requireNotBlank(s.project, ConfigKey.PROJECT);
        requireNotBlank(s.source, ConfigKey.SOURCE);
        requireNotBlank(s.sessionName, ConfigKey.SESSION_NAME);
        requireNotBlank(s.serviceName, ConfigKey.SERVICE_NAME);
        requireNotBlank(s.localSink, ConfigKey.LOCAL_SINK);
        if (s.serverUrl != null) {
            s.serverUrl = normalizeServerUrl(s.serverUrl);
        }
        if (s.sessionId != null) {
            s.sessionId = SessionIds.requireUuid(s.sessionId, ConfigKey.SESSION_ID.describe());
        }
        requirePositive(s.exportTimeout, ConfigKey.EXPORT_TIMEOUT);
        requirePositive(s.shutdownTimeout, ConfigKey.SHUTDOWN_TIMEOUT);
        requirePositive(s.sessionTimeout, ConfigKey.SESSION_TIMEOUT);
        requirePositive(s.batchExportTimeout, ConfigKey.BATCH_EXPORT_TIMEOUT);
        if (s.batchScheduleDelay != null && s.batchScheduleDelay.isNegative()) {
            throw new IllegalArgumentException(
                    ConfigKey.BATCH_SCHEDULE_DELAY.describe() + " must not be negative; was " + s.batchScheduleDelay);
        }
        requireAtLeast(s.batchMaxQueueSize, 1, ConfigKey.BATCH_MAX_QUEUE_SIZE);
        requireAtLeast(s.batchMaxExportBatchSize, 1, ConfigKey.BATCH_MAX_EXPORT_BATCH_SIZE);
        requireAtLeast(s.maxAttributeDepth, 1, ConfigKey.MAX_ATTRIBUTE_DEPTH);
        requireAtLeast(s.maxSpanAttributes, 1, ConfigKey.MAX_SPAN_ATTRIBUTES);
        requireAtLeast(
                s.maxAttributeValueLength,
                AttributeFlattener.TRUNCATION_MARKER.length() + 1,
                ConfigKey.MAX_ATTRIBUTE_VALUE_LENGTH);
        if (s.batchMaxQueueSize != null
                && s.batchMaxExportBatchSize != null
                && s.batchMaxExportBatchSize > s.batchMaxQueueSize) {
            throw new IllegalArgumentException(ConfigKey.BATCH_MAX_EXPORT_BATCH_SIZE.describe() + " ("
                    + s.batchMaxExportBatchSize + ") must not be larger than "
                    + ConfigKey.BATCH_MAX_QUEUE_SIZE.describe() + " (" + s.batchMaxQueueSize + ")");
        }
    }

    private static String normalizeServerUrl(String serverUrl) {
        String trimmed = serverUrl.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            uri = null;
        }
        String scheme =
                uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https"))
                || uri.getHost() == null
                || uri.getRawUserInfo() != null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(ConfigKey.SERVER_URL.describe()
                    + " must be an http:// or https:// URL such as " + DEFAULT_SERVER_URL
                    + ", without credentials, query or fragment; was '"
                    + (uri != null && uri.getRawUserInfo() != null ? "<with credentials>" : serverUrl) + "'");
        }
        return trimmed;
    }

    private static void requireNotBlank(@Nullable String value, ConfigKey key) {
        if (value != null && value.isBlank()) {
            throw new IllegalArgumentException(key.describe() + " must not be blank; set a value or leave it unset");
        }
    }

    private static void requirePositive(@Nullable Duration value, ConfigKey key) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new IllegalArgumentException(key.describe() + " must be longer than zero; was " + value);
        }
    }

    private static void requireAtLeast(@Nullable Integer value, int minimum, ConfigKey key) {
        if (value != null && value < minimum) {
            throw new IllegalArgumentException(key.describe() + " must be at least " + minimum + "; was " + value);
        }
    }

    /** Builds a {@link TracerConfig}. Not thread-safe. */
    public static final class Builder extends TracerSettings<Builder> {

        Builder() {}

        @Override
        Builder self() {
            return this;
        }

        /**
         * Validates the settings and returns the configuration.
         *
         * @throws IllegalArgumentException naming the setting, its config key and environment variable, if a value
         *     is not valid
         */
        public TracerConfig build() {
            return new TracerConfig(this);
        }
    }

    /** Reads the first non-blank variable of each setting, parsing it with errors that name the variable. */
    private record EnvironmentReader(Map<String, String> environment) {

        void text(ConfigKey key, Consumer<String> setter) {
            String name = firstSet(key);
            if (name != null) {
                setter.accept(environment.get(name).strip());
            }
        }

        void bool(ConfigKey key, Consumer<Boolean> setter) {
            String name = firstSet(key);
            if (name != null) {
                setter.accept(ConfigValues.parseBoolean(name + " (" + key.describe() + ")", environment.get(name)));
            }
        }

        void positiveInt(ConfigKey key, Consumer<Integer> setter) {
            String name = firstSet(key);
            if (name != null) {
                setter.accept(ConfigValues.parsePositiveInt(name + " (" + key.describe() + ")", environment.get(name)));
            }
        }

        void millis(ConfigKey key, Consumer<Duration> setter) {
            String name = firstSet(key);
            if (name != null) {
                setter.accept(ConfigValues.parseMillis(name + " (" + key.describe() + ")", environment.get(name)));
            }
        }

        private @Nullable String firstSet(ConfigKey key) {
            for (String name : key.environmentVariables()) {
                String value = environment.get(name);
                if (value != null && !value.isBlank()) {
                    return name;
                }
            }
            return null;
        }
    }
}
