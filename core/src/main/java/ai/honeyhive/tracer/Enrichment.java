package ai.honeyhive.tracer;

import static java.util.Objects.requireNonNull;

import ai.honeyhive.tracer.internal.EventFields;
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

    private final EventFields fields;
    private final @Nullable String error;
    private final @Nullable String eventId;

    private Enrichment(Builder builder) {
        this.fields = builder.fields.build();
        this.error = builder.error;
        this.eventId = builder.eventId;
    }

    /** A builder with every namespace empty. */
    public static Builder builder() {
        return new Builder();
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

    EventFields fields() {
        return fields;
    }

    /**
     * Builds an {@link Enrichment}: {@code inputs}, {@code outputs}, {@code metadata}, {@code metrics},
     * {@code feedback}, {@code config} and {@code userProperties}, each setter replacing that namespace, plus an
     * error and an event id. Not thread-safe.
     */
    public static final class Builder extends EventFieldsBuilder<Builder> {
        private @Nullable String error;
        private @Nullable String eventId;

        private Builder() {}

        @Override
        Builder self() {
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
