package ai.honeyhive.quarkus.deployment;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * HoneyHive configuration fixed when the application is built. {@code honeyhive.enabled} and
 * {@code honeyhive.opentelemetry-spans}, the names these had before, are still read for them (deprecated).
 */
@ConfigMapping(prefix = "quarkus.honeyhive")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface HoneyHiveBuildTimeConfig {

    /**
     * Whether HoneyHive tracing is built into the application. When false, no interceptor, filter or span processor
     * is registered, so {@code @Traced} costs nothing; {@code @Inject HoneyHiveTracer} still works and sends nothing.
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * Which spans of the application's OpenTelemetry SDK (with {@code quarkus-opentelemetry}) also go to HoneyHive:
     * {@code session} (those started inside a HoneyHive session, such as the chat and tool spans of
     * quarkus-langchain4j within a request), {@code all} (the others in the tracer's own session) or {@code none}.
     */
    @WithDefault("session")
    OpenTelemetrySpans opentelemetrySpans();

    /** Which spans of the application's OpenTelemetry SDK go to HoneyHive. */
    enum OpenTelemetrySpans {
        /** Spans started inside a HoneyHive session. */
        SESSION,
        /** Every span. */
        ALL,
        /** None. */
        NONE
    }
}
