package ai.honeyhive.testing;

import org.jspecify.annotations.Nullable;

/**
 * The HoneyHive endpoints the recording server knows, each with its method and path; a {@code *} in a path stands for
 * one path segment, such as a run id.
 */
public enum Route {
    /** {@code POST /session/start}: starts a session. */
    SESSION_START("POST", "/session/start"),
    /** {@code PUT /events}: updates a session or an event. */
    EVENTS("PUT", "/events"),
    /** {@code POST /opentelemetry/v1/traces}: OTLP/HTTP spans. */
    TRACES("POST", "/opentelemetry/v1/traces"),
    /** {@code POST /v1/runs}: creates an experiment run. */
    RUN_CREATE("POST", "/v1/runs"),
    /** {@code PUT /v1/runs/<id>}: updates a run (its completion). */
    RUN_UPDATE("PUT", "/v1/runs/*"),
    /** {@code GET /v1/runs/<id>/result}: a run's aggregated result. */
    RUN_RESULT("GET", "/v1/runs/*/result"),
    /** {@code GET /v1/runs/<new>/compare-with/<old>}: two runs compared. */
    RUN_COMPARE("GET", "/v1/runs/*/compare-with/*"),
    /** {@code GET /v1/datasets?dataset_id=<id>}: a hosted dataset and its datapoint ids. */
    DATASETS("GET", "/v1/datasets"),
    /** {@code GET /v1/datapoints/<id>}: one datapoint of a hosted dataset. */
    DATAPOINT("GET", "/v1/datapoints/*"),
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
            if (route != OTHER && route.method.equals(method) && matches(route.path, path)) {
                return route;
            }
        }
        return OTHER;
    }

    /** Whether the path matches the template, segment by segment, {@code *} matching any one segment. */
    private static boolean matches(String template, @Nullable String path) {
        if (path == null) {
            return false;
        }
        String[] expected = template.split("/", -1);
        String[] actual = path.split("/", -1);
        if (expected.length != actual.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (!expected[i].equals("*") && !expected[i].equals(actual[i])) {
                return false;
            }
            if (expected[i].equals("*") && actual[i].isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
