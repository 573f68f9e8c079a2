package ai.honeyhive.tracer.internal.config;

import ai.honeyhive.tracer.TracerConfig;
import ai.honeyhive.tracer.internal.span.AttributeFlattener;
import ai.honeyhive.tracer.internal.span.FlattenLimits;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Every setting of a tracer, one row each: the single place a setting is declared. {@link TracerConfig} stores and
 * checks them, the environment and MicroProfile Config readers read them, and the configuration reference is made
 * from them.
 *
 * <p>Adding a setting means a row here plus its use: an accessor and a setter on {@link TracerConfig} and the same
 * setter on {@code HoneyHiveTracer.Builder}; for a setting with a key, its member in Quarkus's
 * {@code HoneyHiveRuntimeConfig} and its line where the Quarkus reader hands it to the builder. Tests hold the
 * builders, the Quarkus mapping, both readers and the tables of docs/configuration.md to this table.
 */
public final class Settings {

    public static final Setting<String> API_KEY = Setting.text("apiKey")
            .property("honeyhive.api-key")
            .environment("HH_API_KEY")
            .secret()
            .check(Checks::headerSafe)
            .describedAs(
                    "the API key, sent as a bearer token; never logged, printed or put on spans",
                    "none; required unless in test mode");

    public static final Setting<String> PROJECT = Setting.text("project")
            .property("honeyhive.project")
            .environment("HH_PROJECT")
            .check(Checks::notBlank)
            .describedAs("the HoneyHive project");

    public static final Setting<String> SOURCE = Setting.text("source")
            .property("honeyhive.source")
            .environment("HH_SOURCE")
            .defaultValue(TracerConfig.DEFAULT_SOURCE)
            .check(Checks::notBlank)
            .describedAs("the environment events come from (`production`, `staging`, ...)");

    public static final Setting<String> SESSION_NAME = Setting.text("sessionName")
            .property("honeyhive.session-name")
            .environment("HH_SESSION_NAME")
            .check(Checks::notBlank)
            .describedAs(
                    "the name of the tracer's own session",
                    "the application's name: `quarkus.application.name` on Quarkus, else the main class or jar");

    // HH_API_URL wins over HH_SERVER_URL when both are set, as in the Python SDK.
    public static final Setting<String> SERVER_URL = Setting.text("serverUrl")
            .property("honeyhive.server-url")
            .environment("HH_API_URL", "HH_SERVER_URL")
            .defaultValue(TracerConfig.DEFAULT_SERVER_URL)
            .check(Checks::baseUrl)
            .describedAs(
                    "the HoneyHive base URL, for self-hosted HoneyHive (of the two variables, the first set wins)");

    public static final Setting<String> OTLP_ENDPOINT = Setting.text("otlpEndpoint")
            .property("honeyhive.otlp.endpoint")
            .environment("HH_OTLP_ENDPOINT")
            .check(Checks::baseUrl)
            .describedAs(
                    "where spans go instead of HoneyHive, as a full OTLP/HTTP traces URL: an OpenTelemetry Collector"
                            + " (for example `http://collector:4318/v1/traces`) that forwards them to HoneyHive; session"
                            + " calls still go to `serverUrl`",
                    "HoneyHive's own OTLP endpoint");

    public static final Setting<List<String>> OTLP_HEADERS = Setting.list("otlpHeaders")
            .property("honeyhive.otlp.headers")
            .environment("HH_OTLP_HEADERS")
            .secret()
            .defaultValue(List.of())
            .check(Checks::headerPairs)
            .describedAs(
                    "`name=value` headers (comma-separated) sent with spans to `otlpEndpoint`, instead of the API key"
                            + " and `X-Source`; never logged or printed",
                    "none");

    public static final Setting<String> SESSION_ID = Setting.text("sessionId")
            .property("honeyhive.session-id")
            .check(Checks::uuid)
            .describedAs(
                    "the tracer's own session (a UUID): an existing one, not started unless start-session is set to"
                            + " true with it",
                    "a new lowercase UUID");

    public static final Setting<Map<String, ?>> INPUTS = Setting.<Map<String, ?>>map("inputs")
            .defaultValue(Map.of())
            .describedAs("the inputs of the tracer's own session", "none");

    public static final Setting<Boolean> EVALUATION = Setting.bool("evaluation")
            .property("honeyhive.evaluation.enabled")
            .defaultValue(false)
            .describedAs("evaluation mode: the run, dataset and datapoint ids go on every span and the session start"
                    + " (read from MicroProfile Config, on when one of the ids is set)");

    public static final Setting<String> RUN_ID = Setting.text("runId")
            .property("honeyhive.evaluation.run-id")
            .check(Checks::notBlank)
            .describedAs("the evaluation run id");

    public static final Setting<String> DATASET_ID = Setting.text("datasetId")
            .property("honeyhive.evaluation.dataset-id")
            .check(Checks::notBlank)
            .describedAs("the evaluation dataset id");

    public static final Setting<String> DATAPOINT_ID = Setting.text("datapointId")
            .property("honeyhive.evaluation.datapoint-id")
            .check(Checks::notBlank)
            .describedAs("the evaluation datapoint id");

    public static final Setting<Map<String, String>> LINK_CARRIER = Setting.<Map<String, String>>map("linkCarrier")
            .defaultValue(Map.of())
            .describedAs(
                    "`traceparent`/`baggage` headers of a parent trace, continued for the tracer's lifetime", "none");

    public static final Setting<Boolean> TEST_MODE = Setting.bool("testMode")
            .property("honeyhive.test-mode")
            .environment("HH_TEST_MODE")
            .defaultValue(false)
            .describedAs("trace without sending anything at all; no key needed");

    public static final Setting<Boolean> VERBOSE = Setting.bool("verbose")
            .property("honeyhive.verbose")
            .environment("HH_VERBOSE")
            .defaultValue(false)
            .describedAs("lower the `ai.honeyhive` loggers to FINE (never payloads or keys)");

    public static final Setting<Boolean> DISABLE_BATCH = Setting.bool("disableBatch")
            .property("honeyhive.disable-batch")
            .environment("HH_DISABLE_BATCH")
            .defaultValue(false)
            .describedAs("send each span in its own request as it ends");

    public static final Setting<Boolean> GENAI_CAPTURE_CONTENT = Setting.bool("genaiCaptureContent")
            .property("honeyhive.genai.capture-content")
            .environment("HH_GENAI_CAPTURE_CONTENT")
            .defaultValue(true)
            .describedAs("keep the messages of LLM calls (prompts, completions, tool arguments and results); false"
                    + " keeps only roles, settings and tokens");

    public static final Setting<Map<String, String>> GENAI_REDACT = Setting.<Map<String, String>>map("genaiRedact")
            .property("honeyhive.genai.redact")
            .defaultValue(Map.of())
            .check(Checks::regularExpressions)
            .describedAs(
                    "named Java regular expressions whose matches in the messages of LLM calls, tool arguments and"
                            + " results become `[REDACTED:<key>]`; with any set, the producers' own message keys are"
                            + " left out",
                    "none");

    public static final Setting<Boolean> DISABLE_HTTP_TRACING = Setting.bool("disableHttpTracing")
            .property("honeyhive.disable-http-tracing")
            .environment("HH_DISABLE_HTTP_TRACING")
            .defaultValue(true)
            .describedAs("no client spans for outgoing HTTP calls (the JAX-RS client filter still propagates)");

    public static final Setting<String> LOCAL_SINK = Setting.text("localSink")
            .property("honeyhive.local-sink")
            .environment("HH_LOCAL_SINK")
            .check(Checks::notBlank)
            .describedAs("`console`, a file path, or both (comma-separated): the local view, also in test mode", "off");

    public static final Setting<Boolean> START_SESSION = Setting.bool("startSession")
            .property("honeyhive.start-session")
            .defaultValue(true)
            .describedAs("start the tracer's own session (a configured session id only if set to true)");

    public static final Setting<Boolean> START_SESSION_ON_FIRST_USE = Setting.bool("startSessionOnFirstUse")
            .property("honeyhive.start-session-on-first-use")
            .defaultValue(false)
            .describedAs(
                    "start the tracer's own session when the first span, enrichment or propagated call lands in it,"
                            + " not when the tracer is built, so that a server whose requests have their own sessions"
                            + " leaves no empty one",
                    "`true` on CDI and Quarkus, else `false`");

    public static final Setting<Duration> SESSION_TIMEOUT = Setting.duration("sessionTimeout")
            .property("honeyhive.session-timeout")
            .defaultValue(Duration.ofSeconds(5))
            .check(Checks::positive)
            .describedAs("the limit of one session call, and how long `createSession` waits");

    public static final Setting<Integer> SESSION_MAX_IN_FLIGHT = Setting.positiveInt("sessionMaxInFlight")
            .property("honeyhive.session.max-in-flight")
            .defaultValue(512)
            .check(Checks.atLeast(1))
            .describedAs("how many session calls may be sent at once (512 keep up with 2,500 calls a second from a"
                    + " HoneyHive 200 ms away); the others wait their turn");

    public static final Setting<String> SERVICE_NAME = Setting.text("serviceName")
            .property("honeyhive.service-name")
            .check(Checks::notBlank)
            .describedAs("the `service.name` resource attribute", "the project, else the application's name");

    public static final Setting<Boolean> REGISTER_GLOBAL = Setting.bool("registerGlobal")
            .defaultValue(false)
            .describedAs("make this tracer's OpenTelemetry `GlobalOpenTelemetry`");

    public static final Setting<Boolean> SHUTDOWN_HOOK = Setting.bool("shutdownHook")
            .defaultValue(true)
            .describedAs("flush and close at JVM exit if not closed before (containers turn it off)");

    public static final Setting<Duration> EXPORT_TIMEOUT = Setting.duration("exportTimeout")
            .property("honeyhive.export-timeout")
            .defaultValue(Duration.ofSeconds(10))
            .check(Checks::positive)
            .describedAs("the limit of one OTLP request");

    public static final Setting<Duration> SHUTDOWN_TIMEOUT = Setting.duration("shutdownTimeout")
            .property("honeyhive.shutdown-timeout")
            .defaultValue(Duration.ofSeconds(10))
            .check(Checks::positive)
            .describedAs("how long `close()` waits for what is pending");

    // The OpenTelemetry batch span processor's defaults, so that OTEL_BSP_* means what it means elsewhere.
    public static final Setting<Duration> BATCH_SCHEDULE_DELAY = Setting.duration("batchScheduleDelay")
            .property("honeyhive.batch.schedule-delay")
            .environment("OTEL_BSP_SCHEDULE_DELAY")
            .defaultValue(Duration.ofSeconds(5))
            .check(Checks::notNegative)
            .describedAs("the longest wait before a batch of spans is sent");

    public static final Setting<Integer> BATCH_MAX_QUEUE_SIZE = Setting.positiveInt("batchMaxQueueSize")
            .property("honeyhive.batch.max-queue-size")
            .environment("OTEL_BSP_MAX_QUEUE_SIZE")
            .defaultValue(65_536)
            .check(Checks.atLeast(1))
            .describedAs("how many ended spans may wait for export or be in flight; more are dropped, so memory stays"
                    + " bounded");

    public static final Setting<Integer> BATCH_MAX_QUEUE_MIB = Setting.positiveInt("batchMaxQueueMib")
            .property("honeyhive.batch.max-queue-mib")
            .defaultValue(64)
            .check(Checks.atLeast(1))
            .describedAs("how many MiB the spans waiting for export or in flight may hold, estimated from their"
                    + " attributes and events; more are dropped");

    public static final Setting<Integer> BATCH_MAX_EXPORT_BATCH_SIZE = Setting.positiveInt("batchMaxExportBatchSize")
            .property("honeyhive.batch.max-export-batch-size")
            .environment("OTEL_BSP_MAX_EXPORT_BATCH_SIZE")
            .defaultValue(512)
            .check(Checks.atLeast(1))
            .describedAs("the most spans in one export request");

    public static final Setting<Integer> BATCH_MAX_EXPORTS_IN_FLIGHT = Setting.positiveInt("batchMaxExportsInFlight")
            .property("honeyhive.batch.max-exports-in-flight")
            .defaultValue(16)
            .check(Checks.atLeast(1))
            .describedAs("how many export requests may be sent at once (16 batches of 512 carry up to 40,000 spans a"
                    + " second from a HoneyHive 200 ms away)");

    public static final Setting<Duration> BATCH_EXPORT_TIMEOUT = Setting.duration("batchExportTimeout")
            .property("honeyhive.batch.export-timeout")
            .environment("OTEL_BSP_EXPORT_TIMEOUT")
            .defaultValue(Duration.ofSeconds(30))
            .check(Checks::positive)
            .describedAs("how long one batch export may take, retries included");

    public static final Setting<Integer> MAX_ATTRIBUTE_DEPTH = Setting.positiveInt("maxAttributeDepth")
            .property("honeyhive.limits.attribute-depth")
            .defaultValue(FlattenLimits.DEFAULT_MAX_DEPTH)
            .check(Checks.atLeast(1))
            .describedAs("how many levels of nested maps, lists and objects become separate attributes");

    public static final Setting<Integer> MAX_SPAN_ATTRIBUTES = Setting.positiveInt("maxSpanAttributes")
            .property("honeyhive.limits.span-attributes")
            .defaultValue(FlattenLimits.DEFAULT_MAX_ATTRIBUTES)
            .check(Checks.atLeast(1))
            .describedAs("how many attributes captured and enriched values may write on one span");

    public static final Setting<Integer> MAX_ATTRIBUTE_VALUE_LENGTH = Setting.positiveInt("maxAttributeValueLength")
            .property("honeyhive.limits.attribute-value-length")
            .defaultValue(FlattenLimits.DEFAULT_MAX_STRING_LENGTH)
            .check(Checks.atLeast(AttributeFlattener.TRUNCATION_MARKER.length() + 1))
            .describedAs("the longest string value, in characters, after which it is cut with a marker");

    /** Every setting, in the order of the configuration reference. */
    public static final List<Setting<?>> ALL = List.of(
            API_KEY,
            PROJECT,
            SOURCE,
            SESSION_NAME,
            SERVER_URL,
            OTLP_ENDPOINT,
            OTLP_HEADERS,
            SESSION_ID,
            INPUTS,
            EVALUATION,
            RUN_ID,
            DATASET_ID,
            DATAPOINT_ID,
            LINK_CARRIER,
            TEST_MODE,
            LOCAL_SINK,
            START_SESSION,
            START_SESSION_ON_FIRST_USE,
            SESSION_TIMEOUT,
            SESSION_MAX_IN_FLIGHT,
            DISABLE_BATCH,
            VERBOSE,
            DISABLE_HTTP_TRACING,
            GENAI_CAPTURE_CONTENT,
            GENAI_REDACT,
            BATCH_SCHEDULE_DELAY,
            BATCH_MAX_QUEUE_SIZE,
            BATCH_MAX_QUEUE_MIB,
            BATCH_MAX_EXPORT_BATCH_SIZE,
            BATCH_MAX_EXPORTS_IN_FLIGHT,
            BATCH_EXPORT_TIMEOUT,
            EXPORT_TIMEOUT,
            SHUTDOWN_TIMEOUT,
            MAX_ATTRIBUTE_DEPTH,
            MAX_SPAN_ATTRIBUTES,
            MAX_ATTRIBUTE_VALUE_LENGTH,
            SERVICE_NAME,
            REGISTER_GLOBAL,
            SHUTDOWN_HOOK);

    /** The settings read from MicroProfile Config: those with a key. */
    public static final List<Setting<?>> CONFIGURABLE =
            ALL.stream().filter(setting -> setting.propertyKey() != null).toList();

    private Settings() {}
}
