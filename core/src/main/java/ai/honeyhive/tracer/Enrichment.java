package ai.honeyhive.tracer;

import static java.util.Objects.requireNonNull;

import ai.honeyhive.tracer.internal.NullTolerantMaps;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What {@link HoneyHiveTracer#enrichSpan(Enrichment)} adds to the current span, in HoneyHive's seven namespaces.
 * Nested maps, lists, records and POJOs are flattened into {@code honeyhive_<namespace>.<path>} attributes.
 *
 * <pre>{@code
 * tracer.enrichSpan(Enrichment.builder()
 *         .inputs(Map.of("question", question))
 *         .outputs(Map.of("answer", answer))
 *         .metrics(Map.of("tokens", 412))
 *         .build());
 * }</pre>
 */
public final class Enrichment {

    private final Map<String, ?> inputs;
    private final Map<String, ?> outputs;
    private final Map<String, ?> metadata;
    private final Map<String, ?> metrics;
    private final Map<String, ?> feedback;
    private final Map<String, ?> config;
    private final Map<String, ?> userProperties;
    private final @Nullable String error;
    private final @Nullable String eventId;

    private Enrichment(Builder builder) {
        this.inputs = builder.inputs;
        this.outputs = builder.outputs;
        this.metadata = builder.metadata;
        this.metrics = builder.metrics;
        this.feedback = builder.feedback;
        this.config = builder.config;
        this.userProperties = builder.userProperties;
        this.error = builder.error;
        this.eventId = builder.eventId;
    }

    /** A builder with every namespace empty. */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code honeyhive_inputs}: what the step was given. */
    public Map<String, ?> inputs() {
        return inputs;
    }

    /** {@code honeyhive_outputs}: what the step produced. */
    public Map<String, ?> outputs() {
        return outputs;
    }

    /** {@code honeyhive_metadata}: anything else worth keeping. */
    public Map<String, ?> metadata() {
        return metadata;
    }

    /** {@code honeyhive_metrics}: numbers such as scores, token counts, latencies. */
    public Map<String, ?> metrics() {
        return metrics;
    }

    /** {@code honeyhive_feedback}: user or evaluator feedback. */
    public Map<String, ?> feedback() {
        return feedback;
    }

    /** {@code honeyhive_config}: the model or prompt configuration used. */
    public Map<String, ?> config() {
        return config;
    }

    /** {@code honeyhive_user_properties}: who the step ran for. */
    public Map<String, ?> userProperties() {
        return userProperties;
    }

    /** {@code honeyhive_error}, or null. */
    public @Nullable String error() {
        return error;
    }

    /**
     * The event to enrich instead of the current span, or null. When set, the enrichment is sent to HoneyHive as
     * {@code PUT /events} for that event (inputs and the error under {@code metadata}), and no span is touched.
     */
    public @Nullable String eventId() {
        return eventId;
    }

    /** Builds an {@link Enrichment}; each setter replaces that namespace. Not thread-safe. */
    public static final class Builder {
        private Map<String, ?> inputs = Map.of();
        private Map<String, ?> outputs = Map.of();
        private Map<String, ?> metadata = Map.of();
        private Map<String, ?> metrics = Map.of();
        private Map<String, ?> feedback = Map.of();
        private Map<String, ?> config = Map.of();
        private Map<String, ?> userProperties = Map.of();
        private @Nullable String error;
        private @Nullable String eventId;

        private Builder() {}

        /** Sets {@code honeyhive_inputs}: what the step was given. */
        public Builder inputs(Map<String, ?> inputs) {
            this.inputs = NullTolerantMaps.copyOf(inputs, "inputs");
            return this;
        }

        /** Sets {@code honeyhive_outputs}: what the step produced. */
        public Builder outputs(Map<String, ?> outputs) {
            this.outputs = NullTolerantMaps.copyOf(outputs, "outputs");
            return this;
        }

        /** Sets {@code honeyhive_metadata}: anything else worth keeping. */
        public Builder metadata(Map<String, ?> metadata) {
            this.metadata = NullTolerantMaps.copyOf(metadata, "metadata");
            return this;
        }

        /** Sets {@code honeyhive_metrics}: scores, token counts, latencies. */
        public Builder metrics(Map<String, ?> metrics) {
            this.metrics = NullTolerantMaps.copyOf(metrics, "metrics");
            return this;
        }

        /** Sets {@code honeyhive_feedback}: user or evaluator feedback. */
        public Builder feedback(Map<String, ?> feedback) {
            this.feedback = NullTolerantMaps.copyOf(feedback, "feedback");
            return this;
        }

        /** Sets {@code honeyhive_config}: the model or prompt configuration used. */
        public Builder config(Map<String, ?> config) {
            this.config = NullTolerantMaps.copyOf(config, "config");
            return this;
        }

        /** Sets {@code honeyhive_user_properties}: who the step ran for. */
        public Builder userProperties(Map<String, ?> userProperties) {
            this.userProperties = NullTolerantMaps.copyOf(userProperties, "userProperties");
            return this;
        }

        /** Sets {@code honeyhive_error}, for an error the step reports without throwing. */
        public Builder error(String error) {
            this.error = requireNonNull(error, "error");
            return this;
        }

        /** Enrich this HoneyHive event (one that has already been sent) instead of the current span. */
        public Builder eventId(String eventId) {
            this.eventId = requireNonNull(eventId, "eventId");
            return this;
        }

        /** Returns the enrichment; the builder can be reused. */
        public Enrichment build() {
            return new Enrichment(this);
        }
    }
}
