package ai.honeyhive.quarkus.deployment;

import ai.honeyhive.tracer.internal.config.Setting;
import java.util.List;

/**
 * The keys only Quarkus has, declared by their configuration mappings ({@link HoneyHiveBuildTimeConfig}, the Dev UI's
 * part of {@code HoneyHiveRuntimeConfig}): rows as in the tracer's table, for the configuration reference, held to the
 * mappings by {@link ConfigurationReferenceTest}.
 */
final class QuarkusOnlySettings {

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

    static final Setting<String> DEV_UI_SESSION_LINK = Setting.text("sessionLink")
            .property("honeyhive.dev-ui.session-link")
            .defaultValue("https://app.honeyhive.ai/sessions/{session}")
            .describedAs("the Dev UI's link to a session in HoneyHive, when the tracer really sends; `{session}` is"
                    + " replaced by the session id");

    /** The build-time keys. */
    static final List<Setting<?>> BUILD_TIME = List.of(ENABLED, OPENTELEMETRY_SPANS);

    /** The runtime keys. */
    static final List<Setting<?>> RUNTIME = List.of(DEV_UI_SESSION_LINK);

    private QuarkusOnlySettings() {}
}
