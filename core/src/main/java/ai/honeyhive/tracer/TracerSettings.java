package ai.honeyhive.tracer;

import static java.util.Objects.requireNonNull;

import ai.honeyhive.tracer.internal.NullTolerantMaps;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The settings shared by {@link TracerConfig.Builder} and {@link HoneyHiveTracer.Builder}: the sixteen parameters of
 * the Python SDK's {@code HoneyHiveTracer.init}, in Java names, and a few Java-only ones. Every setter rejects null;
 * a setting that is never called falls back to the environment, then to its default. Values are validated when
 * the builder's {@code build()} runs.
 *
 * @param <B> the builder type, returned by every setter for chaining
 */
public abstract sealed class TracerSettings<B extends TracerSettings<B>>
        permits TracerConfig.Builder, HoneyHiveTracer.Builder {

    @Nullable
    String apiKey;

    @Nullable
    String project;

    @Nullable
    String source;

    @Nullable
    String sessionName;

    @Nullable
    String serverUrl;

    @Nullable
    String sessionId;

    @Nullable
    Map<String, ?> inputs;

    @Nullable
    Boolean evaluation;

    @Nullable
    String runId;

    @Nullable
    String datasetId;

    @Nullable
    String datapointId;

    @Nullable
    Map<String, String> linkCarrier;

    @Nullable
    Boolean disableBatch;

    @Nullable
    Boolean verbose;

    @Nullable
    Boolean testMode;

    @Nullable
    Boolean disableHttpTracing;

    @Nullable
    String localSink;

    @Nullable
    Boolean startSession;

    @Nullable
    Duration sessionTimeout;

    @Nullable
    String serviceName;

    @Nullable
    Boolean registerGlobal;

    @Nullable
    Boolean shutdownHook;

    @Nullable
    Duration exportTimeout;

    @Nullable
    Duration shutdownTimeout;

    @Nullable
    Duration batchScheduleDelay;

    @Nullable
    Integer batchMaxQueueSize;

    @Nullable
    Integer batchMaxExportBatchSize;

    @Nullable
    Duration batchExportTimeout;

    @Nullable
    Integer maxAttributeDepth;

    @Nullable
    Integer maxSpanAttributes;

    @Nullable
    Integer maxAttributeValueLength;

    TracerSettings() {}

    abstract B self();

    /** The HoneyHive API key ({@code HH_API_KEY}). Required unless in test mode; never logged or printed. */
    public B apiKey(String apiKey) {
        this.apiKey = requireNonNull(apiKey, "apiKey");
        return self();
    }

    /** The HoneyHive project ({@code HH_PROJECT}). */
    public B project(String project) {
        this.project = requireNonNull(project, "project");
        return self();
    }

    /** The source environment, such as {@code production} ({@code HH_SOURCE}); default {@value TracerConfig#DEFAULT_SOURCE}. */
    public B source(String source) {
        this.source = requireNonNull(source, "source");
        return self();
    }

    /** The name of the tracer's own session ({@code HH_SESSION_NAME}); default the application's name. */
    public B sessionName(String sessionName) {
        this.sessionName = requireNonNull(sessionName, "sessionName");
        return self();
    }

    /**
     * The HoneyHive base URL for self-hosted deployments ({@code HH_API_URL} or {@code HH_SERVER_URL}); default
     * {@value TracerConfig#DEFAULT_SERVER_URL}. A trailing {@code /} is dropped.
     */
    public B serverUrl(String serverUrl) {
        this.serverUrl = requireNonNull(serverUrl, "serverUrl");
        return self();
    }

    /** An existing session to continue, instead of a new one; must be a UUID. */
    public B sessionId(String sessionId) {
        this.sessionId = requireNonNull(sessionId, "sessionId");
        return self();
    }

    /** An existing session to continue, instead of a new one. */
    public B sessionId(UUID sessionId) {
        this.sessionId = requireNonNull(sessionId, "sessionId").toString();
        return self();
    }

    /** The inputs of the tracer's own session, sent when it starts. */
    public B inputs(Map<String, ?> inputs) {
        this.inputs = NullTolerantMaps.copyOf(inputs, "inputs");
        return self();
    }

    /** Evaluation mode ({@code is_evaluation}): the run, dataset and datapoint ids go on every span. */
    public B evaluation(boolean evaluation) {
        this.evaluation = evaluation;
        return self();
    }

    /** The evaluation run id, used in evaluation mode. */
    public B runId(String runId) {
        this.runId = requireNonNull(runId, "runId");
        return self();
    }

    /** The evaluation dataset id, used in evaluation mode. */
    public B datasetId(String datasetId) {
        this.datasetId = requireNonNull(datasetId, "datasetId");
        return self();
    }

    /** The evaluation datapoint id, used in evaluation mode. */
    public B datapointId(String datapointId) {
        this.datapointId = requireNonNull(datapointId, "datapointId");
        return self();
    }

    /**
     * W3C trace context and baggage headers ({@code traceparent}, {@code baggage}) of a parent trace: spans this
     * tracer starts outside any other span become its children, for the tracer's lifetime.
     */
    public B linkCarrier(Map<String, String> linkCarrier) {
        this.linkCarrier = Map.copyOf(requireNonNull(linkCarrier, "linkCarrier"));
        return self();
    }

    /** Export each span as soon as it ends instead of in batches ({@code HH_DISABLE_BATCH}); default false. */
    public B disableBatch(boolean disableBatch) {
        this.disableBatch = disableBatch;
        return self();
    }

    /**
     * Log the tracer's diagnostics at FINE ({@code HH_VERBOSE}); never payloads or keys. Default false. The level is
     * that of the {@code ai.honeyhive} loggers, so it applies to every tracer in the JVM and stays after close.
     */
    public B verbose(boolean verbose) {
        this.verbose = verbose;
        return self();
    }

    /** Trace without sending anything to HoneyHive ({@code HH_TEST_MODE}); no key needed. Default false. */
    public B testMode(boolean testMode) {
        this.testMode = testMode;
        return self();
    }

    /** Do not trace outgoing HTTP calls ({@code HH_DISABLE_HTTP_TRACING}); default true. */
    public B disableHttpTracing(boolean disableHttpTracing) {
        this.disableHttpTracing = disableHttpTracing;
        return self();
    }

    /**
     * Also write what is traced locally ({@code HH_LOCAL_SINK}): {@code console} prints a tree per trace, a file path
     * appends HoneyHive events as JSON lines, {@code console,/tmp/honeyhive.jsonl} does both. Works in test mode, so
     * the tracer can be tried without an account. Default: off.
     */
    public B localSink(String localSink) {
        this.localSink = requireNonNull(localSink, "localSink");
        return self();
    }

    /**
     * Start the tracer's own session when it is built; default true. Turn it off where every unit of work gets its
     * own session (a request filter does this). A configured {@link #sessionId} is never started: it exists already.
     */
    public B startSession(boolean startSession) {
        this.startSession = startSession;
        return self();
    }

    /** How long one session call to HoneyHive may take, and {@code createSession} waits; default 5 seconds. */
    public B sessionTimeout(Duration sessionTimeout) {
        this.sessionTimeout = requireNonNull(sessionTimeout, "sessionTimeout");
        return self();
    }

    /** The {@code service.name} resource attribute; default the project, else the application's name. */
    public B serviceName(String serviceName) {
        this.serviceName = requireNonNull(serviceName, "serviceName");
        return self();
    }

    /**
     * Register this tracer's OpenTelemetry as {@code GlobalOpenTelemetry}, so that libraries that use the global
     * instance report to HoneyHive; default false, because only one instance per JVM can be global.
     */
    public B registerGlobal(boolean registerGlobal) {
        this.registerGlobal = registerGlobal;
        return self();
    }

    /**
     * Flush and close the tracer when the JVM exits, if it was not closed before; default true. Containers that
     * manage the tracer's lifecycle turn this off.
     */
    public B shutdownHook(boolean shutdownHook) {
        this.shutdownHook = shutdownHook;
        return self();
    }

    /** How long one export request to HoneyHive may take; default 10 seconds. */
    public B exportTimeout(Duration exportTimeout) {
        this.exportTimeout = requireNonNull(exportTimeout, "exportTimeout");
        return self();
    }

    /** How long {@link HoneyHiveTracer#close()} waits for pending spans; default 10 seconds. */
    public B shutdownTimeout(Duration shutdownTimeout) {
        this.shutdownTimeout = requireNonNull(shutdownTimeout, "shutdownTimeout");
        return self();
    }

    /** The longest wait before a batch is sent ({@code OTEL_BSP_SCHEDULE_DELAY}); default 5 seconds. */
    public B batchScheduleDelay(Duration batchScheduleDelay) {
        this.batchScheduleDelay = requireNonNull(batchScheduleDelay, "batchScheduleDelay");
        return self();
    }

    /**
     * How many ended spans may wait for export ({@code OTEL_BSP_MAX_QUEUE_SIZE}); default 2048. Beyond it spans are
     * dropped rather than held, so memory stays bounded when HoneyHive is unreachable.
     */
    public B batchMaxQueueSize(int batchMaxQueueSize) {
        this.batchMaxQueueSize = batchMaxQueueSize;
        return self();
    }

    /** The most spans in one export request ({@code OTEL_BSP_MAX_EXPORT_BATCH_SIZE}); default 512. */
    public B batchMaxExportBatchSize(int batchMaxExportBatchSize) {
        this.batchMaxExportBatchSize = batchMaxExportBatchSize;
        return self();
    }

    /** How long one batch export may take, retries included ({@code OTEL_BSP_EXPORT_TIMEOUT}); default 30 seconds. */
    public B batchExportTimeout(Duration batchExportTimeout) {
        this.batchExportTimeout = requireNonNull(batchExportTimeout, "batchExportTimeout");
        return self();
    }

    /** How many levels of nested maps, lists and objects become separate attributes; default 8. */
    public B maxAttributeDepth(int maxAttributeDepth) {
        this.maxAttributeDepth = maxAttributeDepth;
        return self();
    }

    /** How many attributes one span may carry from captured and enriched values; default 1024. */
    public B maxSpanAttributes(int maxSpanAttributes) {
        this.maxSpanAttributes = maxSpanAttributes;
        return self();
    }

    /** The longest string attribute value, in characters, after which it is cut with a marker; default 16384. */
    public B maxAttributeValueLength(int maxAttributeValueLength) {
        this.maxAttributeValueLength = maxAttributeValueLength;
        return self();
    }

    /** Copies every setting that the other settings set over this builder's. */
    B copyFrom(TracerSettings<?> from) {
        apiKey = pick(from.apiKey, apiKey);
        project = pick(from.project, project);
        source = pick(from.source, source);
        sessionName = pick(from.sessionName, sessionName);
        serverUrl = pick(from.serverUrl, serverUrl);
        sessionId = pick(from.sessionId, sessionId);
        inputs = pick(from.inputs, inputs);
        evaluation = pick(from.evaluation, evaluation);
        runId = pick(from.runId, runId);
        datasetId = pick(from.datasetId, datasetId);
        datapointId = pick(from.datapointId, datapointId);
        linkCarrier = pick(from.linkCarrier, linkCarrier);
        disableBatch = pick(from.disableBatch, disableBatch);
        verbose = pick(from.verbose, verbose);
        testMode = pick(from.testMode, testMode);
        disableHttpTracing = pick(from.disableHttpTracing, disableHttpTracing);
        localSink = pick(from.localSink, localSink);
        startSession = pick(from.startSession, startSession);
        sessionTimeout = pick(from.sessionTimeout, sessionTimeout);
        serviceName = pick(from.serviceName, serviceName);
        registerGlobal = pick(from.registerGlobal, registerGlobal);
        shutdownHook = pick(from.shutdownHook, shutdownHook);
        exportTimeout = pick(from.exportTimeout, exportTimeout);
        shutdownTimeout = pick(from.shutdownTimeout, shutdownTimeout);
        batchScheduleDelay = pick(from.batchScheduleDelay, batchScheduleDelay);
        batchMaxQueueSize = pick(from.batchMaxQueueSize, batchMaxQueueSize);
        batchMaxExportBatchSize = pick(from.batchMaxExportBatchSize, batchMaxExportBatchSize);
        batchExportTimeout = pick(from.batchExportTimeout, batchExportTimeout);
        maxAttributeDepth = pick(from.maxAttributeDepth, maxAttributeDepth);
        maxSpanAttributes = pick(from.maxSpanAttributes, maxSpanAttributes);
        maxAttributeValueLength = pick(from.maxAttributeValueLength, maxAttributeValueLength);
        return self();
    }

    private static <T> @Nullable T pick(@Nullable T preferred, @Nullable T current) {
        return preferred != null ? preferred : current;
    }
}
