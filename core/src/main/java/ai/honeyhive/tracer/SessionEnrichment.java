package ai.honeyhive.tracer;

import static java.util.Objects.requireNonNull;

import ai.honeyhive.tracer.internal.NullTolerantMaps;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What {@link HoneyHiveTracer#enrichSession(SessionEnrichment)} adds to a session: sent as {@code PUT /events} for
 * the session, in the background. Inputs go to {@code metadata.inputs}, since a session update has no inputs field.
 *
 * <pre>{@code
 * tracer.enrichSession(SessionEnrichment.builder()
 *         .outputs(Map.of("status_code", 200))
 *         .feedback(Map.of("rating", 5))
 *         .build());
 * }</pre>
 */
public final class SessionEnrichment {

    private final @Nullable String sessionId;
    private final Map<String, ?> inputs;
    private final Map<String, ?> outputs;
    private final Map<String, ?> metadata;
    private final Map<String, ?> metrics;
    private final Map<String, ?> feedback;
    private final Map<String, ?> config;
    private final Map<String, ?> userProperties;

    private SessionEnrichment(Builder builder) {
        this.sessionId = builder.sessionId;
        this.inputs = builder.inputs;
        this.outputs = builder.outputs;
        this.metadata = builder.metadata;
        this.metrics = builder.metrics;
        this.feedback = builder.feedback;
        this.config = builder.config;
        this.userProperties = builder.userProperties;
    }

    /** A builder with nothing set: the current session, and nothing to send yet. */
    public static Builder builder() {
        return new Builder();
    }

    /** The session to enrich, or null for the current one (baggage, else the tracer's own). */
    public @Nullable String sessionId() {
        return sessionId;
    }

    /** The session's inputs, sent as {@code metadata.inputs}. */
    public Map<String, ?> inputs() {
        return inputs;
    }

    /** The session's outputs. */
    public Map<String, ?> outputs() {
        return outputs;
    }

    /** The session's metadata. */
    public Map<String, ?> metadata() {
        return metadata;
    }

    /** The session's metrics. */
    public Map<String, ?> metrics() {
        return metrics;
    }

    /** The session's feedback. */
    public Map<String, ?> feedback() {
        return feedback;
    }

    /** The session's configuration. */
    public Map<String, ?> config() {
        return config;
    }

    /** The session's user properties. */
    public Map<String, ?> userProperties() {
        return userProperties;
    }

    /** Builds a {@link SessionEnrichment}; each setter replaces that field. Not thread-safe. */
    public static final class Builder {
        private @Nullable String sessionId;
        private Map<String, ?> inputs = Map.of();
        private Map<String, ?> outputs = Map.of();
        private Map<String, ?> metadata = Map.of();
        private Map<String, ?> metrics = Map.of();
        private Map<String, ?> feedback = Map.of();
        private Map<String, ?> config = Map.of();
        private Map<String, ?> userProperties = Map.of();

        private Builder() {}

        /** The session to enrich instead of the current one. */
        public Builder sessionId(String sessionId) {
            this.sessionId = requireNonNull(sessionId, "sessionId");
            return this;
        }

        /** The session's inputs, sent as {@code metadata.inputs}. */
        public Builder inputs(Map<String, ?> inputs) {
            this.inputs = NullTolerantMaps.copyOf(inputs, "inputs");
            return this;
        }

        /** The session's outputs. */
        public Builder outputs(Map<String, ?> outputs) {
            this.outputs = NullTolerantMaps.copyOf(outputs, "outputs");
            return this;
        }

        /** The session's metadata. */
        public Builder metadata(Map<String, ?> metadata) {
            this.metadata = NullTolerantMaps.copyOf(metadata, "metadata");
            return this;
        }

        /** The session's metrics. */
        public Builder metrics(Map<String, ?> metrics) {
            this.metrics = NullTolerantMaps.copyOf(metrics, "metrics");
            return this;
        }

        /** The session's feedback. */
        public Builder feedback(Map<String, ?> feedback) {
            this.feedback = NullTolerantMaps.copyOf(feedback, "feedback");
            return this;
        }

        /** The session's configuration. */
        public Builder config(Map<String, ?> config) {
            this.config = NullTolerantMaps.copyOf(config, "config");
            return this;
        }

        /** The session's user properties. */
        public Builder userProperties(Map<String, ?> userProperties) {
            this.userProperties = NullTolerantMaps.copyOf(userProperties, "userProperties");
            return this;
        }

        /** Returns the enrichment; the builder can be reused. */
        public SessionEnrichment build() {
            return new SessionEnrichment(this);
        }
    }
}
