package ai.honeyhive.jaxrs;

import static java.util.Objects.requireNonNull;

import ai.honeyhive.cdi.internal.MicroProfileSettings;
import ai.honeyhive.jaxrs.internal.JaxrsSettings;
import ai.honeyhive.tracer.internal.config.Setting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.jspecify.annotations.Nullable;

/**
 * How {@link HoneyHiveServerFilter} turns requests into sessions: read from the {@code honeyhive.jaxrs.*} keys
 * ({@code session-name}, {@code metadata.<key>}, {@code accept-session-header}, {@code accept-trace-context},
 * {@code trust-baggage}, {@code excluded-paths}, {@code tracer}; docs/configuration.md (JAX-RS keys) lists them with their
 * defaults), or built. Each builder method says what its setting does and its default.
 */
public final class JaxrsSessionSettings {

    /** Health, metrics and OpenAPI endpoints, plain and under Quarkus's {@code q/}. */
    public static final String DEFAULT_EXCLUDED_PATHS = "health,metrics,openapi,q/health,q/metrics,q/openapi";

    private final @Nullable String sessionName;
    private final Map<String, String> metadata;
    private final boolean acceptSessionHeader;
    private final boolean acceptTraceContext;
    private final boolean trustBaggage;
    private final List<String> excludedPaths;
    private final String tracerName;

    private JaxrsSessionSettings(Builder builder) {
        this.sessionName = builder.sessionName;
        this.metadata = Map.copyOf(builder.metadata);
        this.acceptSessionHeader = builder.acceptSessionHeader;
        this.acceptTraceContext = builder.acceptTraceContext;
        this.trustBaggage = builder.trustBaggage;
        this.excludedPaths = List.copyOf(builder.excludedPaths);
        this.tracerName = builder.tracerName;
    }

    /** The defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The settings the {@code honeyhive.jaxrs.*} keys give.
     *
     * @throws IllegalArgumentException naming the key, if a value is invalid
     */
    public static JaxrsSessionSettings fromConfig(Config config) {
        Builder builder = builder();
        read(config, JaxrsSettings.SESSION_NAME).ifPresent(builder::sessionName);
        read(config, JaxrsSettings.ACCEPT_SESSION_HEADER).ifPresent(builder::acceptSessionHeader);
        read(config, JaxrsSettings.ACCEPT_TRACE_CONTEXT).ifPresent(builder::acceptTraceContext);
        read(config, JaxrsSettings.TRUST_BAGGAGE).ifPresent(builder::trustBaggage);
        read(config, JaxrsSettings.EXCLUDED_PATHS).ifPresent(builder::excludedPaths);
        read(config, JaxrsSettings.TRACER).ifPresent(builder::tracerName);
        return builder.metadata(MicroProfileSettings.readMap(config, JaxrsSettings.METADATA))
                .build();
    }

    private static <T> Optional<T> read(Config config, Setting<T> setting) {
        return MicroProfileSettings.read(config, setting);
    }

    /** The name of each request's session; null (the default) for the route, {@code GET /orders/{id}}. */
    public @Nullable String sessionName() {
        return sessionName;
    }

    /** Static metadata of every request's session. */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** Whether a valid UUID in an inbound {@code X-Session-ID} becomes the request's session; default false. */
    public boolean acceptSessionHeader() {
        return acceptSessionHeader;
    }

    /** Whether an inbound valid {@code traceparent} is continued; default true. */
    public boolean acceptTraceContext() {
        return acceptTraceContext;
    }

    /** Whether inbound baggage may set HoneyHive keys and continue its session; default false. */
    public boolean trustBaggage() {
        return trustBaggage;
    }

    /** Paths relative to the application, without leading or trailing slashes. */
    public List<String> excludedPaths() {
        return excludedPaths;
    }

    /** The named tracer to use, {@code ""} for the default one. */
    public String tracerName() {
        return tracerName;
    }

    /** Whether a request path (relative to the application) is excluded. */
    public boolean isExcluded(String path) {
        // Compared in place, trimmed as strip() trims configured paths: this runs on every request.
        int start = strippedStart(path);
        int length = strippedEnd(path, start) - start;
        for (String excluded : excludedPaths) {
            int prefix = excluded.length();
            if (length >= prefix
                    && path.regionMatches(start, excluded, 0, prefix)
                    && (length == prefix || path.charAt(start + prefix) == '/')) {
                return true;
            }
        }
        return false;
    }

    /** The path without blanks around it, then without slashes around that. */
    private static String strip(String path) {
        int start = strippedStart(path);
        return path.substring(start, strippedEnd(path, start));
    }

    private static int strippedStart(String path) {
        int start = 0;
        while (start < path.length() && Character.isWhitespace(path.charAt(start))) {
            start++;
        }
        while (start < path.length() && path.charAt(start) == '/') {
            start++;
        }
        return start;
    }

    private static int strippedEnd(String path, int start) {
        int end = path.length();
        while (end > start && Character.isWhitespace(path.charAt(end - 1))) {
            end--;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return end;
    }

    /** Builds {@link JaxrsSessionSettings}. Not thread-safe. */
    public static final class Builder {
        private @Nullable String sessionName;
        private Map<String, String> metadata = Map.of();
        private boolean acceptSessionHeader;
        private boolean acceptTraceContext = true;
        private boolean trustBaggage;
        private List<String> excludedPaths = JaxrsSettings.DEFAULT_EXCLUDED_PATHS;
        private String tracerName = "";

        private Builder() {}

        /** The name of each request's session; null (the default) for the route, {@code GET /orders/{id}}. */
        public Builder sessionName(String sessionName) {
            this.sessionName = requireNonNull(sessionName, "sessionName");
            return this;
        }

        /** Static metadata of every request's session. */
        public Builder metadata(Map<String, String> metadata) {
            this.metadata = new LinkedHashMap<>(requireNonNull(metadata, "metadata"));
            return this;
        }

        /** Whether a valid UUID in an inbound {@code X-Session-ID} becomes the request's session; default false. */
        public Builder acceptSessionHeader(boolean acceptSessionHeader) {
            this.acceptSessionHeader = acceptSessionHeader;
            return this;
        }

        /** Whether an inbound valid {@code traceparent} is continued; default true. */
        public Builder acceptTraceContext(boolean acceptTraceContext) {
            this.acceptTraceContext = acceptTraceContext;
            return this;
        }

        /** Whether inbound baggage may set HoneyHive keys and continue its session; default false. */
        public Builder trustBaggage(boolean trustBaggage) {
            this.trustBaggage = trustBaggage;
            return this;
        }

        /** The paths, relative to the application, that get no session and no span. */
        public Builder excludedPaths(List<String> excludedPaths) {
            List<String> normalized = new ArrayList<>();
            for (String path : requireNonNull(excludedPaths, "excludedPaths")) {
                String stripped = strip(path);
                if (!stripped.isEmpty()) {
                    normalized.add(stripped);
                }
            }
            this.excludedPaths = normalized;
            return this;
        }

        /** The named tracer for requests; empty for the default one. */
        public Builder tracerName(String tracerName) {
            this.tracerName = requireNonNull(tracerName, "tracerName").strip();
            return this;
        }

        /** Returns the settings. */
        public JaxrsSessionSettings build() {
            return new JaxrsSessionSettings(this);
        }
    }
}
