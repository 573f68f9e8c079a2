package ai.honeyhive.quarkus.runtime;

import ai.honeyhive.quarkus.runtime.internal.HoneyHiveBooleanConverter;
import ai.honeyhive.quarkus.runtime.internal.HoneyHiveDurationConverter;
import ai.honeyhive.quarkus.runtime.internal.HoneyHivePositiveIntConverter;
import io.quarkus.runtime.annotations.ConfigDocDefault;
import io.quarkus.runtime.annotations.ConfigDocMapKey;
import io.quarkus.runtime.annotations.ConfigDocSection;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HoneyHive configuration read when the application starts. The keys are those of the CDI extension, so one
 * {@code application.properties} (or {@code microprofile-config.properties}) works on Quarkus and on any Jakarta EE
 * server; the {@code HH_*} environment variables of the Python SDK are honoured beneath them.
 *
 * <p>A tracer's keys have no {@code @WithDefault}: a key left unset falls back, in this order, to the default tracer's
 * key (for a named tracer), to its {@code HH_*} or {@code OTEL_BSP_*} environment variable, and only then to the
 * tracer's default, which is documented here and held to the tracer's settings table by a test. Values are checked
 * when the application starts: an invalid one fails the start with a message that names the key. Booleans are
 * {@code true/1/yes/on} or {@code false/0/no/off}; numbers are whole and at least 1; durations are ISO-8601
 * ({@code PT5S}), a number with a unit ({@code 500ms}, {@code 5s}, {@code 1m}) or milliseconds ({@code 5000}), as on
 * every other runtime.
 */
@ConfigMapping(prefix = "honeyhive")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface HoneyHiveRuntimeConfig {

    /** The default tracer, the one {@code @Inject HoneyHiveTracer} gets. */
    @WithParentName
    Tracer defaults();

    /**
     * Named tracers, injected with {@code @HoneyHive("name")} and used by {@code @Traced(tracer = "name")}: one per
     * project, key or source. A key a named tracer leaves unset falls back to the default tracer's.
     */
    @ConfigDocMapKey("tracer-name")
    @ConfigDocSection
    Map<String, Tracer> tracers();

    /** The HoneyHive session each Quarkus REST request gets. */
    @ConfigDocSection
    Jaxrs jaxrs();

    /** The HoneyHive page of the Dev UI (dev mode). */
    @ConfigDocSection
    DevUi devUi();

    /** The HoneyHive page of the Dev UI. */
    interface DevUi {
        /**
         * The address of a session in HoneyHive, linked from each session when the tracer really sends;
         * {@code {session}} is replaced by the session id.
         */
        @WithDefault("https://app.honeyhive.ai/sessions/{session}")
        String sessionLink();
    }

    /** The settings of one tracer. */
    interface Tracer {

        /**
         * The HoneyHive API key, sent as a bearer token ({@code HH_API_KEY}); never logged, printed or put on spans.
         * Required unless {@code test-mode} is on; in dev and test mode without a key, test mode is the default.
         */
        Optional<String> apiKey();

        /** The HoneyHive project ({@code HH_PROJECT}). */
        Optional<String> project();

        /** The environment events come from, such as {@code production} ({@code HH_SOURCE}). */
        @ConfigDocDefault("dev")
        Optional<String> source();

        /** The name of the tracer's own session ({@code HH_SESSION_NAME}); default the application's name. */
        Optional<String> sessionName();

        /** An existing session (a UUID) to trace into instead of starting one; default a new one. */
        Optional<String> sessionId();

        /** The HoneyHive base URL, for self-hosted HoneyHive ({@code HH_API_URL}, else {@code HH_SERVER_URL}). */
        @ConfigDocDefault("https://api.honeyhive.ai")
        Optional<String> serverUrl();

        /**
         * Where spans go instead of HoneyHive: an OpenTelemetry Collector's OTLP/HTTP traces URL, such as
         * {@code http://collector:4318/v1/traces}, that forwards them ({@code HH_OTLP_ENDPOINT}); session calls still
         * go to {@code server-url}.
         */
        @WithName("otlp.endpoint")
        Optional<String> otlpEndpoint();

        /**
         * Headers sent with spans to {@code otlp.endpoint}, as {@code name=value} entries, instead of the API key and
         * {@code X-Source} ({@code HH_OTLP_HEADERS}); never logged.
         */
        @WithName("otlp.headers")
        Optional<List<String>> otlpHeaders();

        /**
         * Trace without sending anything at all ({@code HH_TEST_MODE}); no key needed. In dev and test mode, true
         * when no key is set.
         */
        @ConfigDocDefault("false")
        @WithConverter(HoneyHiveBooleanConverter.class)
        Optional<Boolean> testMode();

        /** Lower the {@code ai.honeyhive} loggers to FINE, never payloads or keys ({@code HH_VERBOSE}). */
        @ConfigDocDefault("false")
        @WithConverter(HoneyHiveBooleanConverter.class)
        Optional<Boolean> verbose();

        /** Send each span in its own request as it ends ({@code HH_DISABLE_BATCH}). */
        @ConfigDocDefault("false")
        @WithConverter(HoneyHiveBooleanConverter.class)
        Optional<Boolean> disableBatch();

        /** No client spans for outgoing HTTP calls; the REST client filter still propagates. */
        @ConfigDocDefault("true")
        @WithConverter(HoneyHiveBooleanConverter.class)
        Optional<Boolean> disableHttpTracing();

        /**
         * The local view ({@code HH_LOCAL_SINK}): {@code console}, a file path, or both, comma-separated; also in test
         * mode. Default off; in dev mode the console and the Dev UI's file, in test mode without a key a file.
         */
        Optional<String> localSink();

        /** Start the tracer's own session (a configured session id is never started). */
        @ConfigDocDefault("true")
        @WithConverter(HoneyHiveBooleanConverter.class)
        Optional<Boolean> startSession();

        /**
         * Start the tracer's own session when the first span, enrichment or propagated call lands in it, not at
         * startup: requests have sessions of their own, so an application leaves no empty one behind. Default true
         * on Quarkus (false for a tracer built in plain Java).
         */
        @WithConverter(HoneyHiveBooleanConverter.class)
        Optional<Boolean> startSessionOnFirstUse();

        /** The limit of one session call, and how long {@code createSession} waits. */
        @ConfigDocDefault("5s")
        @WithConverter(HoneyHiveDurationConverter.class)
        Optional<Duration> sessionTimeout();

        /** How many session calls may be sent at once; the others wait their turn. */
        @WithName("session.max-in-flight")
        @ConfigDocDefault("512")
        @WithConverter(HoneyHivePositiveIntConverter.class)
        Optional<Integer> sessionMaxInFlight();

        /** The OpenTelemetry {@code service.name} of the tracer's spans; default the project, else the app's name. */
        Optional<String> serviceName();

        /** The limit of one OTLP request to HoneyHive. */
        @ConfigDocDefault("10s")
        @WithConverter(HoneyHiveDurationConverter.class)
        Optional<Duration> exportTimeout();

        /** How long flushing at shutdown may take. */
        @ConfigDocDefault("10s")
        @WithConverter(HoneyHiveDurationConverter.class)
        Optional<Duration> shutdownTimeout();

        /** Whether this tracer traces; when false its {@code @Traced} methods run untraced and nothing is sent. */
        @ConfigDocDefault("true")
        @WithConverter(HoneyHiveBooleanConverter.class)
        Optional<Boolean> enabled();

        /** Evaluation runs. */
        Evaluation evaluation();

        /** The batch span processor ({@code OTEL_BSP_*} beneath). */
        Batch batch();

        /** Limits on what a span records. */
        Limits limits();

        /** What model events of LLM calls keep. */
        Genai genai();

        /** What {@code @Traced} records by default. */
        Capture capture();
    }

    /** Evaluation runs. */
    interface Evaluation {
        /** Tag every span and the session start with the evaluation ids below; on when one of them is set. */
        @ConfigDocDefault("false")
        @WithConverter(HoneyHiveBooleanConverter.class)
        Optional<Boolean> enabled();

        /** The evaluation run. */
        Optional<String> runId();

        /** The dataset of the run. */
        Optional<String> datasetId();

        /** The datapoint being evaluated. */
        Optional<String> datapointId();
    }

    /** The batch span processor. */
    interface Batch {
        /** The longest wait before a batch of spans is sent ({@code OTEL_BSP_SCHEDULE_DELAY}). */
        @ConfigDocDefault("5s")
        @WithConverter(HoneyHiveDurationConverter.class)
        Optional<Duration> scheduleDelay();

        /**
         * How many ended spans may wait for export or be in flight; more are dropped, so memory stays bounded
         * ({@code OTEL_BSP_MAX_QUEUE_SIZE}).
         */
        @ConfigDocDefault("65536")
        @WithConverter(HoneyHivePositiveIntConverter.class)
        Optional<Integer> maxQueueSize();

        /**
         * How many MiB the spans waiting for export or in flight may hold, estimated from their attributes and
         * events; more are dropped.
         */
        @ConfigDocDefault("64")
        @WithConverter(HoneyHivePositiveIntConverter.class)
        Optional<Integer> maxQueueMib();

        /** The most spans in one export request ({@code OTEL_BSP_MAX_EXPORT_BATCH_SIZE}). */
        @ConfigDocDefault("512")
        @WithConverter(HoneyHivePositiveIntConverter.class)
        Optional<Integer> maxExportBatchSize();

        /** How many export requests may be sent at once. */
        @ConfigDocDefault("16")
        @WithConverter(HoneyHivePositiveIntConverter.class)
        Optional<Integer> maxExportsInFlight();

        /** How long one batch export may take, retries included ({@code OTEL_BSP_EXPORT_TIMEOUT}). */
        @ConfigDocDefault("30s")
        @WithConverter(HoneyHiveDurationConverter.class)
        Optional<Duration> exportTimeout();
    }

    /** What model events of LLM calls keep. */
    interface Genai {
        /**
         * Keep the messages of LLM calls (prompts, completions, tool arguments and results); false keeps only roles,
         * settings and tokens.
         */
        @ConfigDocDefault("true")
        @WithConverter(HoneyHiveBooleanConverter.class)
        Optional<Boolean> captureContent();

        /**
         * Named Java regular expressions whose matches in the messages of LLM calls, tool arguments and results become
         * {@code [REDACTED:<key>]}; with any set, the producers' own message keys are left out. A named tracer has
         * the default tracer's patterns, and its own over them.
         */
        @ConfigDocMapKey("key")
        Map<String, String> redact();
    }

    /** Limits on what a span records. */
    interface Limits {
        /** How many levels of nested maps, lists and objects become separate attributes. */
        @ConfigDocDefault("8")
        @WithConverter(HoneyHivePositiveIntConverter.class)
        Optional<Integer> attributeDepth();

        /** How many attributes captured and enriched values may write on one span. */
        @ConfigDocDefault("1024")
        @WithConverter(HoneyHivePositiveIntConverter.class)
        Optional<Integer> spanAttributes();

        /** The longest string value, in characters, after which it is cut with a marker. */
        @ConfigDocDefault("16384")
        @WithConverter(HoneyHivePositiveIntConverter.class)
        Optional<Integer> attributeValueLength();
    }

    /** What {@code @Traced} records when the annotation says {@code CONFIGURED}. */
    interface Capture {
        /** Record arguments as inputs. */
        @ConfigDocDefault("true")
        @WithConverter(HoneyHiveBooleanConverter.class)
        Optional<Boolean> inputs();

        /** Record return values as outputs. */
        @ConfigDocDefault("true")
        @WithConverter(HoneyHiveBooleanConverter.class)
        Optional<Boolean> outputs();
    }

    /** The session of each request. */
    interface Jaxrs {
        /** The name of each request's session; default the route, such as {@code GET /orders/{id}}. */
        Optional<String> sessionName();

        /** Static metadata of each request's session. */
        @ConfigDocMapKey("key")
        Map<String, String> metadata();

        /** Use an inbound {@code X-Session-ID} (only a valid UUID) as the request's session. */
        @WithDefault("false")
        @WithConverter(HoneyHiveBooleanConverter.class)
        boolean acceptSessionHeader();

        /** Continue an inbound valid {@code traceparent}. */
        @WithDefault("true")
        @WithConverter(HoneyHiveBooleanConverter.class)
        boolean acceptTraceContext();

        /** Let inbound baggage set HoneyHive keys, and continue its session: only behind a gateway you trust. */
        @WithDefault("false")
        @WithConverter(HoneyHiveBooleanConverter.class)
        boolean trustBaggage();

        /** Paths (relative to the application) that get no session and no span, with their subpaths. */
        @WithDefault("health,metrics,openapi,q/health,q/metrics,q/openapi")
        List<String> excludedPaths();

        /** A named tracer for requests; default the default tracer. */
        Optional<String> tracer();
    }
}
