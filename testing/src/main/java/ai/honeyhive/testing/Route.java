package ai.honeyhive.testing;

import org.jspecify.annotations.Nullable;

/** The HoneyHive endpoints the recording server knows, each with its method and path. */
public enum Route {
    /** {@code POST /session/start}: starts a session. */
    SESSION_START("POST", "/session/start"),
    /** {@code PUT /events}: updates a session or an event. */
    EVENTS("PUT", "/events"),
    /** {@code POST /opentelemetry/v1/traces}: OTLP/HTTP spans. */
    TRACES("POST", "/opentelemetry/v1/traces"),
    /** Anything else; answered with 404 unless a response is scripted for it. */
    OTHER("", "");

    private final String method;
    private final String path;

    Route(String method, String path) {
        this.method = method;
        this.path = path;
    }

    /** The HTTP method of this route, or an empty string for {@link #OTHER}. */
    public String method() {
        return method;
    }

    /** The path of this route, or an empty string for {@link #OTHER}. */
    public String path() {
        return path;
    }

    static Route of(String method, @Nullable String path) {
        for (Route route : values()) {
            if (route != OTHER && route.method.equals(method) && route.path.equals(path)) {
                return route;
            }
        }
        return OTHER;
    }
}
