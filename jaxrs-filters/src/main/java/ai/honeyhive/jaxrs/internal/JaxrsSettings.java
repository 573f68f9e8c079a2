package ai.honeyhive.jaxrs.internal;

import ai.honeyhive.jaxrs.JaxrsSessionSettings;
import ai.honeyhive.tracer.internal.config.Setting;
import java.util.List;
import java.util.Map;

/** The settings of the JAX-RS server filter ({@code honeyhive.jaxrs.*}), one row each, as in the tracer's table. */
public final class JaxrsSettings {

    public static final List<String> DEFAULT_EXCLUDED_PATHS =
            List.of(JaxrsSessionSettings.DEFAULT_EXCLUDED_PATHS.split(","));

    public static final Setting<String> SESSION_NAME = Setting.text("sessionName")
            .property("honeyhive.jaxrs.session-name")
            .describedAs("the name of each request's session", "the route, such as `GET /orders/{id}`");

    public static final Setting<Map<String, String>> METADATA = Setting.<Map<String, String>>map("metadata")
            .property("honeyhive.jaxrs.metadata")
            .defaultValue(Map.of())
            .describedAs("static metadata of each request's session", "none");

    public static final Setting<Boolean> ACCEPT_SESSION_HEADER = Setting.bool("acceptSessionHeader")
            .property("honeyhive.jaxrs.accept-session-header")
            .defaultValue(false)
            .describedAs("use an inbound `X-Session-ID` (only a valid UUID) as the request's session");

    public static final Setting<Boolean> ACCEPT_TRACE_CONTEXT = Setting.bool("acceptTraceContext")
            .property("honeyhive.jaxrs.accept-trace-context")
            .defaultValue(true)
            .describedAs("continue an inbound valid `traceparent`");

    public static final Setting<Boolean> TRUST_BAGGAGE = Setting.bool("trustBaggage")
            .property("honeyhive.jaxrs.trust-baggage")
            .defaultValue(false)
            .describedAs("let inbound baggage set HoneyHive keys, and continue its session");

    public static final Setting<List<String>> EXCLUDED_PATHS = Setting.list("excludedPaths")
            .property("honeyhive.jaxrs.excluded-paths")
            .defaultValue(DEFAULT_EXCLUDED_PATHS)
            .describedAs("paths (relative to the application) that get no session and no span, with their subpaths");

    public static final Setting<String> TRACER = Setting.text("tracerName")
            .property("honeyhive.jaxrs.tracer")
            .describedAs("a named tracer for requests", "the default tracer");

    /** Every setting of the filter, in the order of the configuration reference. */
    public static final List<Setting<?>> ALL = List.of(
            SESSION_NAME, METADATA, ACCEPT_SESSION_HEADER, ACCEPT_TRACE_CONTEXT, TRUST_BAGGAGE, EXCLUDED_PATHS, TRACER);

    private JaxrsSettings() {}
}
