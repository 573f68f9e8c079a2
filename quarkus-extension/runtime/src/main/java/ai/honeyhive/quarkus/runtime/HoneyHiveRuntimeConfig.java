package ai.honeyhive.quarkus.runtime;

import io.quarkus.runtime.annotations.ConfigDocMapKey;
import io.quarkus.runtime.annotations.ConfigDocSection;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * HoneyHive configuration read when the application starts. The keys are those of the CDI extension, so one
 * {@code application.properties} (or {@code microprofile-config.properties}) works on Quarkus and on any Jakarta EE
 * server; the {@code HH_*} environment variables of the Python SDK are honoured beneath them.
 *
 * <p>Values are checked when the application starts: an invalid one fails the start with a message that names the
 * key. Durations are ISO-8601 ({@code PT5S}), a number of milliseconds ({@code 5000}) or a number with a unit
 * ({@code 500ms}, {@code 5s}, {@code 1m}).
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
    Map<String, NamedTracer> tracers();

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
         * The HoneyHive API key ({@code HH_API_KEY}). Required unless {@code test-mode} is on; in dev and test mode
         * without a key, test mode is the default.
         */
        Optional<String> apiKey();

        /** The HoneyHive project ({@code HH_PROJECT}). */
        Optional<String> project();

        /** The source recorded on every event, such as {@code production} ({@code HH_SOURCE}; default {@code dev}). */
        Optional<String> source();

        /** The name of the tracer's own session ({@code HH_SESSION_NAME}; default the application's name). */
        Optional<String> sessionName();

        /** An existing session (a UUID) to trace into instead of starting one. */
        Optional<String> sessionId();

        /** The HoneyHive API ({@code HH_API_URL}, {@code HH_SERVER_URL}; default {@code https://api.honeyhive.ai}). */
        Optional<String> serverUrl();

        /** Trace without sending anything to HoneyHive ({@code HH_TEST_MODE}). */
        Optional<Boolean> testMode();

        /** Log what the tracer does, at FINE level ({@code HH_VERBOSE}). */
        Optional<Boolean> verbose();

        /** Export each span as it ends instead of in batches ({@code HH_DISABLE_BATCH}). */
        Optional<Boolean> disableBatch();

        /** Do not trace outgoing HTTP calls ({@code HH_DISABLE_HTTP_TRACING}). */
        Optional<Boolean> disableHttpTracing();

        /** Where the local sink writes events: {@code console}, a file path, or both, comma-separated. */
        Optional<String> localSink();

        /** Whether the tracer starts a session of its own when it is built (default true). */
        Optional<Boolean> startSession();

        /** How long the synchronous session calls wait for HoneyHive (default 5 s). */
        Optional<String> sessionTimeout();

        /** The OpenTelemetry {@code service.name} of the tracer's spans (default the project). */
        Optional<String> serviceName();

        /** How long one export to HoneyHive may take (default 10 s). */
        Optional<String> exportTimeout();

        /** How long flushing at shutdown may take (default 10 s). */
        Optional<String> shutdownTimeout();

        /** Evaluation runs. */
        Evaluation evaluation();

        /** The batch span processor ({@code OTEL_BSP_*} beneath). */
        Batch batch();

        /** Limits on what a span records. */
        Limits limits();

        /** What {@code @Traced} records by default. */
        Capture capture();
    }

    /** A named tracer: the settings of a tracer, and whether it traces at all. */
    interface NamedTracer extends Tracer {
        /** Whether this tracer traces; when false its {@code @Traced} methods run untraced (default true). */
        Optional<Boolean> enabled();
    }

    /** Evaluation runs. */
    interface Evaluation {
        /** Tag every span with the evaluation ids below (on when one of them is set). */
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
        /** The delay between two exports (default 5 s). */
        Optional<String> scheduleDelay();

        /** How many ended spans wait for export at most; more are dropped (default 2048). */
        OptionalInt maxQueueSize();

        /** How many spans one export sends at most (default 512). */
        OptionalInt maxExportBatchSize();

        /** How long one batch export may take (default 30 s). */
        Optional<String> exportTimeout();
    }

    /** Limits on what a span records. */
    interface Limits {
        /** How deep nested inputs and outputs are flattened before the rest is recorded as JSON (default 8). */
        OptionalInt attributeDepth();

        /** How many attributes a span records at most (default 1024). */
        OptionalInt spanAttributes();

        /** How long a string attribute may be before it is cut (default 16384). */
        OptionalInt attributeValueLength();
    }

    /** What {@code @Traced} records when the annotation says {@code CONFIGURED}. */
    interface Capture {
        /** Record arguments as inputs (default true). */
        Optional<Boolean> inputs();

        /** Record return values as outputs (default true). */
        Optional<Boolean> outputs();
    }

    /** The session of each request. */
    interface Jaxrs {
        /** The name of request sessions (default the tracer's session name). */
        Optional<String> sessionName();

        /** Metadata recorded on every request session. */
        @ConfigDocMapKey("key")
        Map<String, String> metadata();

        /** Continue the session an inbound {@code X-Session-ID} names (a UUID; default false). */
        Optional<Boolean> acceptSessionHeader();

        /** Continue the trace an inbound {@code traceparent} names (default true). */
        Optional<Boolean> acceptTraceContext();

        /** Take HoneyHive keys from inbound baggage: only behind a gateway you trust (default false). */
        Optional<Boolean> trustBaggage();

        /** Paths, and their subpaths, that get no session or span (default health, metrics and OpenAPI paths). */
        Optional<List<String>> excludedPaths();

        /** The named tracer of request sessions (default the default tracer). */
        Optional<String> tracer();
    }
}
