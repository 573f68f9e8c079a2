package ai.honeyhive.tracer;

import static java.util.Objects.requireNonNull;

import ai.honeyhive.tracer.internal.NullTolerantMaps;
import ai.honeyhive.tracer.internal.config.EnvironmentSettings;
import ai.honeyhive.tracer.internal.config.SettingValues;
import ai.honeyhive.tracer.internal.config.Settings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The immutable configuration of a {@link HoneyHiveTracer}: the settings that were given, checked.
 *
 * <p>A {@code TracerConfig} always means the same thing: a set of given settings; an accessor returns the value given,
 * else the documented default. It never looks at the environment by itself. {@link HoneyHiveTracer#init(TracerConfig)}
 * takes the settings a config leaves unset from the {@code HH_*} environment variables, then from the defaults
 * (explicit value &gt; environment &gt; default, as in the Python SDK), and {@link HoneyHiveTracer#config()} is the
 * config the tracer was built from: the settings given in code together with those the environment gave. Settings
 * whose default the tracer works out ({@link #sessionName()}, {@link #serviceName()}) read as null when not given;
 * the tracer's own accessors report what it chose.
 *
 * <pre>{@code
 * TracerConfig config = TracerConfig.builder().project("support-bot").source("production").build();
 * HoneyHiveTracer tracer = HoneyHiveTracer.init(config);            // HH_API_KEY from the environment
 * TracerConfig staging = config.toBuilder().source("staging").build();
 * }</pre>
 *
 * <p>{@link #toString()} lists the settings given and never shows the API key.
 *
 * <p>The class is long only because each setting has an accessor here and a setter on the {@link Builder}, one line of
 * code each; what a setting is (its names, parser, default and checks) is declared once, in the tracer's settings
 * table.
 */
public final class TracerConfig {

    /** The HoneyHive cloud. */
    public static final String DEFAULT_SERVER_URL = "https://api.honeyhive.ai";
    /** The source when none is configured. */
    public static final String DEFAULT_SOURCE = "dev";

    private final SettingValues values;

    private TracerConfig(SettingValues values) {
        this.values = values.checked();
    }

    /** An empty builder: nothing set, so everything falls back to the environment and defaults. */
    public static Builder builder() {
        return new Builder(SettingValues.empty());
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
        return new TracerConfig(EnvironmentSettings.read(environment));
    }

    /** A builder with this configuration's settings, to change some of them. */
    public Builder toBuilder() {
        return new Builder(values.copy());
    }

    /** This configuration, with the settings it leaves unset taken from the other one. */
    TracerConfig withFallback(TracerConfig fallback) {
        return new TracerConfig(fallback.values.with(values));
    }

    // Visible to HoneyHiveTracer.Builder.
    SettingValues values() {
        return values;
    }

    /** The API key, or null when none is set (test mode). */
    public @Nullable String apiKey() {
        return values.get(Settings.API_KEY);
    }

    /** The project, or null when none is set. */
    public @Nullable String project() {
        return values.get(Settings.PROJECT);
    }

    /** The source; default {@value #DEFAULT_SOURCE}. */
    public String source() {
        return values.getOrDefault(Settings.SOURCE);
    }

    /** The configured session name, or null to use the application's name. */
    public @Nullable String sessionName() {
        return values.get(Settings.SESSION_NAME);
    }

    /** The base URL, without a trailing {@code /}. */
    public String serverUrl() {
        return values.getOrDefault(Settings.SERVER_URL);
    }

    /** Where spans go instead of HoneyHive (an OpenTelemetry Collector's traces URL), or null for HoneyHive. */
    public @Nullable String otlpEndpoint() {
        return values.get(Settings.OTLP_ENDPOINT);
    }

    /**
     * The headers sent with spans to {@link #otlpEndpoint()}, by name; of two names that differ only in case, the
     * later entry wins, as HTTP header names are case-insensitive.
     */
    public Map<String, String> otlpHeaders() {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        // The entries were checked as name=value when the configuration was built.
        for (String entry : values.getOrDefault(Settings.OTLP_HEADERS)) {
            int equals = entry.indexOf('=');
            headers.remove(entry.substring(0, equals));
            headers.put(entry.substring(0, equals), entry.substring(equals + 1));
        }
        return new LinkedHashMap<>(headers);
    }

    /** The session to continue, a lowercase UUID, or null to start a new one. */
    public @Nullable String sessionId() {
        return values.get(Settings.SESSION_ID);
    }

    /** The inputs of the tracer's own session; empty by default. */
    public Map<String, ?> inputs() {
        return values.getOrDefault(Settings.INPUTS);
    }

    /** Whether evaluation mode is on; default false. */
    public boolean isEvaluation() {
        return values.getOrDefault(Settings.EVALUATION);
    }

    /** The evaluation run id, or null. */
    public @Nullable String runId() {
        return values.get(Settings.RUN_ID);
    }

    /** The evaluation dataset id, or null. */
    public @Nullable String datasetId() {
        return values.get(Settings.DATASET_ID);
    }

    /** The evaluation datapoint id, or null. */
    public @Nullable String datapointId() {
        return values.get(Settings.DATAPOINT_ID);
    }

    /** The W3C headers of the parent trace; empty by default. */
    public Map<String, String> linkCarrier() {
        return values.getOrDefault(Settings.LINK_CARRIER);
    }

    /** Whether each span is sent on its own; default false. */
    public boolean disableBatch() {
        return values.getOrDefault(Settings.DISABLE_BATCH);
    }

    /** Whether FINE diagnostics are on; default false. */
    public boolean verbose() {
        return values.getOrDefault(Settings.VERBOSE);
    }

    /** Whether nothing is sent; default false. */
    public boolean testMode() {
        return values.getOrDefault(Settings.TEST_MODE);
    }

    /** Whether model events keep the messages of LLM calls; default true. */
    public boolean genaiCaptureContent() {
        return values.getOrDefault(Settings.GENAI_CAPTURE_CONTENT);
    }

    /** The patterns whose matches in LLM messages, tool arguments and results are redacted, by name; none by default. */
    public Map<String, String> genaiRedact() {
        return values.getOrDefault(Settings.GENAI_REDACT);
    }

    /** Whether HTTP client calls go untraced; default true. */
    public boolean disableHttpTracing() {
        return values.getOrDefault(Settings.DISABLE_HTTP_TRACING);
    }

    /** Where to write what is traced locally, or null for nowhere. */
    public @Nullable String localSink() {
        return values.get(Settings.LOCAL_SINK);
    }

    /** Whether the tracer starts its own session; default true. */
    public boolean startSession() {
        return values.getOrDefault(Settings.START_SESSION);
    }

    /** Whether the tracer's own session starts on its first use rather than when the tracer is built. */
    public boolean startSessionOnFirstUse() {
        return values.getOrDefault(Settings.START_SESSION_ON_FIRST_USE);
    }

    /** The limit of one session call, and of {@code createSession}; default 5 seconds. */
    public Duration sessionTimeout() {
        return values.getOrDefault(Settings.SESSION_TIMEOUT);
    }

    /** How many session calls may be sent at once; default 512. */
    public int sessionMaxInFlight() {
        return values.getOrDefault(Settings.SESSION_MAX_IN_FLIGHT);
    }

    /** The {@code service.name}, or null for the project (else the application's name). */
    public @Nullable String serviceName() {
        return values.get(Settings.SERVICE_NAME);
    }

    /** Whether the tracer becomes {@code GlobalOpenTelemetry}; default false. */
    public boolean registerGlobal() {
        return values.getOrDefault(Settings.REGISTER_GLOBAL);
    }

    /** Whether a JVM shutdown hook closes the tracer; default true. */
    public boolean shutdownHook() {
        return values.getOrDefault(Settings.SHUTDOWN_HOOK);
    }

    /** The limit of one OTLP request; default 10 seconds. */
    public Duration exportTimeout() {
        return values.getOrDefault(Settings.EXPORT_TIMEOUT);
    }

    /** How long {@code close()} waits; default 10 seconds. */
    public Duration shutdownTimeout() {
        return values.getOrDefault(Settings.SHUTDOWN_TIMEOUT);
    }

    /** The batch processor's delay ({@code OTEL_BSP_SCHEDULE_DELAY}); default 5 seconds. */
    public Duration batchScheduleDelay() {
        return values.getOrDefault(Settings.BATCH_SCHEDULE_DELAY);
    }

    /** The batch processor's queue bound ({@code OTEL_BSP_MAX_QUEUE_SIZE}); default 65536, which holds 3 s of 20,000 spans a second. */
    public int batchMaxQueueSize() {
        return values.getOrDefault(Settings.BATCH_MAX_QUEUE_SIZE);
    }

    /** The most spans per request ({@code OTEL_BSP_MAX_EXPORT_BATCH_SIZE}); default 512. */
    public int batchMaxExportBatchSize() {
        return values.getOrDefault(Settings.BATCH_MAX_EXPORT_BATCH_SIZE);
    }

    /** The estimated MiB the spans waiting for export or in flight may hold; default 64. */
    public int batchMaxQueueMib() {
        return values.getOrDefault(Settings.BATCH_MAX_QUEUE_MIB);
    }

    /** How many export requests may be sent at once; default 16. */
    public int batchMaxExportsInFlight() {
        return values.getOrDefault(Settings.BATCH_MAX_EXPORTS_IN_FLIGHT);
    }

    /** The limit of one batch export ({@code OTEL_BSP_EXPORT_TIMEOUT}); default 30 seconds. */
    public Duration batchExportTimeout() {
        return values.getOrDefault(Settings.BATCH_EXPORT_TIMEOUT);
    }

    /** How many nesting levels become separate attributes; default 8. */
    public int maxAttributeDepth() {
        return values.getOrDefault(Settings.MAX_ATTRIBUTE_DEPTH);
    }

    /** How many attributes one value may write; default 1024. */
    public int maxSpanAttributes() {
        return values.getOrDefault(Settings.MAX_SPAN_ATTRIBUTES);
    }

    /** The longest string value, in characters; default 16384. */
    public int maxAttributeValueLength() {
        return values.getOrDefault(Settings.MAX_ATTRIBUTE_VALUE_LENGTH);
    }

    /** The settings given, with the API key masked. */
    @Override
    public String toString() {
        return "TracerConfig{" + values + "}";
    }

    /**
     * Builds a {@link TracerConfig}: the sixteen parameters of the Python SDK's {@code HoneyHiveTracer.init}, in Java
     * names, and a few Java-only ones. Every setter rejects null; a setting never set falls back to the environment
     * (when the tracer is built), then to its default. Values are checked by {@link #build()}. Not thread-safe.
     */
    public static final class Builder {

        private final SettingValues values;

        private Builder(SettingValues values) {
            this.values = values;
        }

        /** The HoneyHive API key ({@code HH_API_KEY}). Required unless in test mode; never logged or printed. */
        public Builder apiKey(String apiKey) {
            values.set(Settings.API_KEY, requireNonNull(apiKey, "apiKey"));
            return this;
        }

        /** The HoneyHive project ({@code HH_PROJECT}). */
        public Builder project(String project) {
            values.set(Settings.PROJECT, requireNonNull(project, "project"));
            return this;
        }

        /** The source environment, such as {@code production} ({@code HH_SOURCE}); default {@value TracerConfig#DEFAULT_SOURCE}. */
        public Builder source(String source) {
            values.set(Settings.SOURCE, requireNonNull(source, "source"));
            return this;
        }

        /** The name of the tracer's own session ({@code HH_SESSION_NAME}); default the application's name. */
        public Builder sessionName(String sessionName) {
            values.set(Settings.SESSION_NAME, requireNonNull(sessionName, "sessionName"));
            return this;
        }

        /**
         * The HoneyHive base URL for self-hosted deployments ({@code HH_API_URL} or {@code HH_SERVER_URL}); default
         * {@value TracerConfig#DEFAULT_SERVER_URL}. A trailing {@code /} is dropped.
         */
        public Builder serverUrl(String serverUrl) {
            values.set(Settings.SERVER_URL, requireNonNull(serverUrl, "serverUrl"));
            return this;
        }

        /**
         * Sends spans to this OTLP/HTTP traces URL instead of HoneyHive, such as an OpenTelemetry Collector's
         * {@code http://collector:4318/v1/traces} that forwards them to HoneyHive ({@code HH_OTLP_ENDPOINT}). Session
         * calls still go to {@link #serverUrl}; the API key and {@code X-Source} are not sent there, only
         * {@link #otlpHeaders}.
         */
        public Builder otlpEndpoint(String otlpEndpoint) {
            values.set(Settings.OTLP_ENDPOINT, requireNonNull(otlpEndpoint, "otlpEndpoint"));
            return this;
        }

        /** Headers sent with spans to {@link #otlpEndpoint} ({@code HH_OTLP_HEADERS}, {@code name=value,...}). */
        public Builder otlpHeaders(Map<String, String> headers) {
            List<String> entries = new ArrayList<>();
            requireNonNull(headers, "headers")
                    .forEach((name, value) -> entries.add(
                            requireNonNull(name, "a header name") + "=" + requireNonNull(value, "header " + name)));
            values.set(Settings.OTLP_HEADERS, entries);
            return this;
        }

        /**
         * The tracer's own session, a UUID, instead of a new one: by default an existing session to continue, which is
         * not started; with {@code startSession(true)} set too, the session the tracer starts under this id, with its
         * inputs and evaluation metadata.
         */
        public Builder sessionId(String sessionId) {
            values.set(Settings.SESSION_ID, requireNonNull(sessionId, "sessionId"));
            return this;
        }

        /** {@link #sessionId(String)} from a {@code UUID}. */
        public Builder sessionId(UUID sessionId) {
            values.set(
                    Settings.SESSION_ID, requireNonNull(sessionId, "sessionId").toString());
            return this;
        }

        /** The inputs of the tracer's own session, sent when it starts. */
        public Builder inputs(Map<String, ?> inputs) {
            values.set(Settings.INPUTS, NullTolerantMaps.copyOf(inputs, "inputs"));
            return this;
        }

        /** Evaluation mode ({@code is_evaluation}): the run, dataset and datapoint ids go on every span. */
        public Builder evaluation(boolean evaluation) {
            values.set(Settings.EVALUATION, evaluation);
            return this;
        }

        /** The evaluation run id, used in evaluation mode. */
        public Builder runId(String runId) {
            values.set(Settings.RUN_ID, requireNonNull(runId, "runId"));
            return this;
        }

        /** The evaluation dataset id, used in evaluation mode. */
        public Builder datasetId(String datasetId) {
            values.set(Settings.DATASET_ID, requireNonNull(datasetId, "datasetId"));
            return this;
        }

        /** The evaluation datapoint id, used in evaluation mode. */
        public Builder datapointId(String datapointId) {
            values.set(Settings.DATAPOINT_ID, requireNonNull(datapointId, "datapointId"));
            return this;
        }

        /**
         * W3C trace context and baggage headers ({@code traceparent}, {@code baggage}) of a parent trace: spans this
         * tracer starts outside any other span become its children, for the tracer's lifetime.
         */
        public Builder linkCarrier(Map<String, String> linkCarrier) {
            values.set(Settings.LINK_CARRIER, Map.copyOf(requireNonNull(linkCarrier, "linkCarrier")));
            return this;
        }

        /** Export each span as soon as it ends instead of in batches ({@code HH_DISABLE_BATCH}); default false. */
        public Builder disableBatch(boolean disableBatch) {
            values.set(Settings.DISABLE_BATCH, disableBatch);
            return this;
        }

        /**
         * Log the tracer's diagnostics at FINE ({@code HH_VERBOSE}); never payloads or keys. Default false. The level is
         * that of the {@code ai.honeyhive} loggers, so it applies to every tracer in the JVM and stays after close.
         */
        public Builder verbose(boolean verbose) {
            values.set(Settings.VERBOSE, verbose);
            return this;
        }

        /** Trace without sending anything to HoneyHive ({@code HH_TEST_MODE}); no key needed. Default false. */
        public Builder testMode(boolean testMode) {
            values.set(Settings.TEST_MODE, testMode);
            return this;
        }

        /**
         * Keep the messages of LLM calls in their model events (prompts, completions, tool arguments and results;
         * {@code HH_GENAI_CAPTURE_CONTENT}); default true. False keeps only roles, settings and tokens.
         */
        public Builder genaiCaptureContent(boolean genaiCaptureContent) {
            values.set(Settings.GENAI_CAPTURE_CONTENT, genaiCaptureContent);
            return this;
        }

        /**
         * Named Java regular expressions ({@code honeyhive.genai.redact.<key>}) whose matches in the messages of LLM
         * calls, tool arguments and results become {@code [REDACTED:<key>]} in model and tool events; with any set, the
         * producers' own message keys are left out, since they would carry the text unredacted. None by default.
         */
        public Builder genaiRedact(Map<String, String> patterns) {
            values.set(Settings.GENAI_REDACT, Map.copyOf(requireNonNull(patterns, "patterns")));
            return this;
        }

        /** Do not trace outgoing HTTP calls ({@code HH_DISABLE_HTTP_TRACING}); default true. */
        public Builder disableHttpTracing(boolean disableHttpTracing) {
            values.set(Settings.DISABLE_HTTP_TRACING, disableHttpTracing);
            return this;
        }

        /**
         * Also write what is traced locally ({@code HH_LOCAL_SINK}): {@code console} prints a tree per trace, a file path
         * appends HoneyHive events as JSON lines, {@code console,/tmp/honeyhive.jsonl} does both. Works in test mode, so
         * the tracer can be tried without an account. Default: off.
         */
        public Builder localSink(String localSink) {
            values.set(Settings.LOCAL_SINK, requireNonNull(localSink, "localSink"));
            return this;
        }

        /**
         * Start the tracer's own session, the one spans outside any other session go to; default true. Turn it off
         * where every unit of work gets its own session (a request filter does this). A configured {@link #sessionId}
         * is taken to exist already and is not started, unless this is set to true explicitly: then the tracer starts
         * it under that id.
         */
        public Builder startSession(boolean startSession) {
            values.set(Settings.START_SESSION, startSession);
            return this;
        }

        /**
         * Start the tracer's own session when the first span, session enrichment or propagated call lands in it,
         * instead of when the tracer is built; default false ({@code true} on CDI and Quarkus). A server whose requests
         * each get a session then leaves no empty session behind, while work outside requests (a scheduled job, a
         * startup task) still gets one.
         */
        public Builder startSessionOnFirstUse(boolean startSessionOnFirstUse) {
            values.set(Settings.START_SESSION_ON_FIRST_USE, startSessionOnFirstUse);
            return this;
        }

        /** How long one session call to HoneyHive may take, and {@code createSession} waits; default 5 seconds. */
        public Builder sessionTimeout(Duration sessionTimeout) {
            values.set(Settings.SESSION_TIMEOUT, requireNonNull(sessionTimeout, "sessionTimeout"));
            return this;
        }

        /**
         * How many session calls (starts and updates) may be sent at once; the others wait their turn. Default 512,
         * which keeps up with about 2,500 calls a second against a HoneyHive 200 ms away.
         */
        public Builder sessionMaxInFlight(int sessionMaxInFlight) {
            values.set(Settings.SESSION_MAX_IN_FLIGHT, sessionMaxInFlight);
            return this;
        }

        /** The {@code service.name} resource attribute; default the project, else the application's name. */
        public Builder serviceName(String serviceName) {
            values.set(Settings.SERVICE_NAME, requireNonNull(serviceName, "serviceName"));
            return this;
        }

        /**
         * Register this tracer's OpenTelemetry as {@code GlobalOpenTelemetry}, so that libraries that use the global
         * instance report to HoneyHive; default false, because only one instance per JVM can be global.
         */
        public Builder registerGlobal(boolean registerGlobal) {
            values.set(Settings.REGISTER_GLOBAL, registerGlobal);
            return this;
        }

        /**
         * Flush and close the tracer when the JVM exits, if it was not closed before; default true. Containers that
         * manage the tracer's lifecycle turn this off.
         */
        public Builder shutdownHook(boolean shutdownHook) {
            values.set(Settings.SHUTDOWN_HOOK, shutdownHook);
            return this;
        }

        /** How long one export request to HoneyHive may take; default 10 seconds. */
        public Builder exportTimeout(Duration exportTimeout) {
            values.set(Settings.EXPORT_TIMEOUT, requireNonNull(exportTimeout, "exportTimeout"));
            return this;
        }

        /** How long {@link HoneyHiveTracer#close()} waits for pending spans; default 10 seconds. */
        public Builder shutdownTimeout(Duration shutdownTimeout) {
            values.set(Settings.SHUTDOWN_TIMEOUT, requireNonNull(shutdownTimeout, "shutdownTimeout"));
            return this;
        }

        /** The longest wait before a batch is sent ({@code OTEL_BSP_SCHEDULE_DELAY}); default 5 seconds. */
        public Builder batchScheduleDelay(Duration batchScheduleDelay) {
            values.set(Settings.BATCH_SCHEDULE_DELAY, requireNonNull(batchScheduleDelay, "batchScheduleDelay"));
            return this;
        }

        /**
         * How many ended spans may wait for export or be in flight ({@code OTEL_BSP_MAX_QUEUE_SIZE}); default 65536,
         * which holds 3 s of 20,000 spans a second. Beyond it spans are dropped rather than held, so memory stays bounded
         * when HoneyHive is unreachable.
         */
        public Builder batchMaxQueueSize(int batchMaxQueueSize) {
            values.set(Settings.BATCH_MAX_QUEUE_SIZE, batchMaxQueueSize);
            return this;
        }

        /** The most spans in one export request ({@code OTEL_BSP_MAX_EXPORT_BATCH_SIZE}); default 512. */
        public Builder batchMaxExportBatchSize(int batchMaxExportBatchSize) {
            values.set(Settings.BATCH_MAX_EXPORT_BATCH_SIZE, batchMaxExportBatchSize);
            return this;
        }

        /**
         * How many MiB the spans waiting for export or in flight may hold, estimated from their attributes and events;
         * default 64. Beyond it spans are dropped and counted, whatever their number.
         */
        public Builder batchMaxQueueMib(int batchMaxQueueMib) {
            values.set(Settings.BATCH_MAX_QUEUE_MIB, batchMaxQueueMib);
            return this;
        }

        /**
         * How many export requests may be sent at once; default 16, which carries up to 40,000 spans a second in
         * batches of 512 to a HoneyHive 200 ms away.
         */
        public Builder batchMaxExportsInFlight(int batchMaxExportsInFlight) {
            values.set(Settings.BATCH_MAX_EXPORTS_IN_FLIGHT, batchMaxExportsInFlight);
            return this;
        }

        /** How long one batch export may take, retries included ({@code OTEL_BSP_EXPORT_TIMEOUT}); default 30 seconds. */
        public Builder batchExportTimeout(Duration batchExportTimeout) {
            values.set(Settings.BATCH_EXPORT_TIMEOUT, requireNonNull(batchExportTimeout, "batchExportTimeout"));
            return this;
        }

        /** How many levels of nested maps, lists and objects become separate attributes; default 8. */
        public Builder maxAttributeDepth(int maxAttributeDepth) {
            values.set(Settings.MAX_ATTRIBUTE_DEPTH, maxAttributeDepth);
            return this;
        }

        /** How many attributes one span may carry from captured and enriched values; default 1024. */
        public Builder maxSpanAttributes(int maxSpanAttributes) {
            values.set(Settings.MAX_SPAN_ATTRIBUTES, maxSpanAttributes);
            return this;
        }

        /** The longest string attribute value, in characters, after which it is cut with a marker; default 16384. */
        public Builder maxAttributeValueLength(int maxAttributeValueLength) {
            values.set(Settings.MAX_ATTRIBUTE_VALUE_LENGTH, maxAttributeValueLength);
            return this;
        }

        /**
         * Checks the settings and returns the configuration.
         *
         * @throws IllegalArgumentException naming the setting, its config key and environment variable, if a value
         *     is not valid
         */
        public TracerConfig build() {
            return new TracerConfig(values);
        }

        // Visible to HoneyHiveTracer.Builder.
        SettingValues values() {
            return values;
        }
    }
}
