package ai.honeyhive.quarkus.deployment;

import ai.honeyhive.tracer.internal.config.Setting;
import java.util.List;

/**
 * The settings fixed when a Quarkus application is built ({@link HoneyHiveBuildTimeConfig}), one row each as in the
 * tracer's table, for the configuration reference.
 */
final class BuildTimeSettings {

    static final Setting<Boolean> ENABLED = Setting.bool("enabled")
            .property("quarkus.honeyhive.enabled")
            .defaultValue(true)
            .describedAs("build HoneyHive tracing into the application: `false` leaves out the interceptor, the filters"
                    + " and the span processor (`honeyhive.enabled` is read for it too, deprecated)");

    static final Setting<String> OPENTELEMETRY_SPANS = Setting.text("opentelemetrySpans")
            .property("quarkus.honeyhive.opentelemetry-spans")
            .defaultValue("session")
            .describedAs(
                    "which spans of Quarkus's OpenTelemetry SDK also go to HoneyHive: `session` (those in a HoneyHive"
                            + " session), `all` or `none` (`honeyhive.opentelemetry-spans` is read for it too, deprecated)");

    static final List<Setting<?>> ALL = List.of(ENABLED, OPENTELEMETRY_SPANS);

    private BuildTimeSettings() {}
}
