package ai.honeyhive.tracer.internal;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Every configuration setting with the names it goes by: the builder method, the MicroProfile Config key and the
 * environment variables. Configuration errors are worded from here so that they name the key the user set.
 */
public enum ConfigKey {
    API_KEY("apiKey", "honeyhive.api-key", "HH_API_KEY"),
    PROJECT("project", "honeyhive.project", "HH_PROJECT"),
    SOURCE("source", "honeyhive.source", "HH_SOURCE"),
    SESSION_NAME("sessionName", "honeyhive.session-name", "HH_SESSION_NAME"),
    SESSION_ID("sessionId", "honeyhive.session-id"),
    // HH_API_URL wins over HH_SERVER_URL when both are set, as in the Python SDK.
    SERVER_URL("serverUrl", "honeyhive.server-url", "HH_API_URL", "HH_SERVER_URL"),
    TEST_MODE("testMode", "honeyhive.test-mode", "HH_TEST_MODE"),
    VERBOSE("verbose", "honeyhive.verbose", "HH_VERBOSE"),
    DISABLE_BATCH("disableBatch", "honeyhive.disable-batch", "HH_DISABLE_BATCH"),
    DISABLE_HTTP_TRACING("disableHttpTracing", "honeyhive.disable-http-tracing", "HH_DISABLE_HTTP_TRACING"),
    EVALUATION("evaluation", "honeyhive.evaluation.enabled"),
    RUN_ID("runId", "honeyhive.evaluation.run-id"),
    DATASET_ID("datasetId", "honeyhive.evaluation.dataset-id"),
    DATAPOINT_ID("datapointId", "honeyhive.evaluation.datapoint-id"),
    LOCAL_SINK("localSink", "honeyhive.local-sink", "HH_LOCAL_SINK"),
    START_SESSION("startSession", "honeyhive.start-session"),
    SESSION_TIMEOUT("sessionTimeout", "honeyhive.session-timeout"),
    SERVICE_NAME("serviceName", "honeyhive.service-name"),
    EXPORT_TIMEOUT("exportTimeout", "honeyhive.export-timeout"),
    SHUTDOWN_TIMEOUT("shutdownTimeout", "honeyhive.shutdown-timeout"),
    BATCH_SCHEDULE_DELAY("batchScheduleDelay", "honeyhive.batch.schedule-delay", "OTEL_BSP_SCHEDULE_DELAY"),
    BATCH_MAX_QUEUE_SIZE("batchMaxQueueSize", "honeyhive.batch.max-queue-size", "OTEL_BSP_MAX_QUEUE_SIZE"),
    BATCH_MAX_EXPORT_BATCH_SIZE(
            "batchMaxExportBatchSize", "honeyhive.batch.max-export-batch-size", "OTEL_BSP_MAX_EXPORT_BATCH_SIZE"),
    BATCH_EXPORT_TIMEOUT("batchExportTimeout", "honeyhive.batch.export-timeout", "OTEL_BSP_EXPORT_TIMEOUT"),
    MAX_ATTRIBUTE_DEPTH("maxAttributeDepth", "honeyhive.limits.attribute-depth"),
    MAX_SPAN_ATTRIBUTES("maxSpanAttributes", "honeyhive.limits.span-attributes"),
    MAX_ATTRIBUTE_VALUE_LENGTH("maxAttributeValueLength", "honeyhive.limits.attribute-value-length");

    private final String builderMethod;
    private final String propertyKey;
    private final List<String> environmentVariables;

    ConfigKey(String builderMethod, String propertyKey, String... environmentVariables) {
        this.builderMethod = builderMethod;
        this.propertyKey = propertyKey;
        this.environmentVariables = List.of(environmentVariables);
    }

    /** The name of the builder method that sets this, such as {@code apiKey}. */
    public String builderMethod() {
        return builderMethod;
    }

    /** The MicroProfile Config key, such as {@code honeyhive.api-key}. */
    public String propertyKey() {
        return propertyKey;
    }

    /** The environment variables read for this setting, highest precedence first; may be empty. */
    public List<String> environmentVariables() {
        return environmentVariables;
    }

    /** All the names of this setting, for error messages: {@code apiKey (honeyhive.api-key, env HH_API_KEY)}. */
    public String describe() {
        String names = propertyKey;
        if (!environmentVariables.isEmpty()) {
            names += ", env " + environmentVariables.stream().collect(Collectors.joining(" or "));
        }
        return builderMethod + " (" + names + ")";
    }
}
