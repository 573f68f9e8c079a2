package ai.honeyhive.tracer;

import static java.util.Objects.requireNonNull;

import ai.honeyhive.tracer.internal.EventFields;
import ai.honeyhive.tracer.internal.session.SessionIds;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What {@link HoneyHiveTracer#enrichSession(SessionEnrichment)} adds to a session: sent as {@code PUT /events} for
 * the session, in the background. Inputs go to {@code metadata.inputs}, since a session update has no inputs field;
 * a duration is sent in milliseconds.
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
    private final EventFields fields;
    private final @Nullable Duration duration;

    private SessionEnrichment(Builder builder) {
        this.sessionId = builder.sessionId;
        this.fields = builder.fields.build();
        this.duration = builder.duration;
    }

    /** A builder with nothing set: the current session, and nothing to send yet. */
    public static Builder builder() {
        return new Builder();
    }

    /** The session to enrich, or null for the current one (baggage, else the tracer's own). */
    public @Nullable String sessionId() {
        return sessionId;
    }

    /** The session's duration to set, or null to leave it as HoneyHive has it. */
    public @Nullable Duration duration() {
        return duration;
    }

    EventFields fields() {
        return fields;
    }

    /**
     * Builds a {@link SessionEnrichment}: the session's {@code inputs}, {@code outputs}, {@code metadata},
     * {@code metrics}, {@code feedback}, {@code config} and {@code userProperties}, each setter replacing that field.
     * Not thread-safe.
     */
    public static final class Builder extends EventFieldsBuilder<Builder> {
        private @Nullable String sessionId;
        private @Nullable Duration duration;

        private Builder() {}

        @Override
        Builder self() {
            return this;
        }

        /** The session to enrich instead of the current one. */
        public Builder sessionId(String sessionId) {
            this.sessionId = requireNonNull(sessionId, "sessionId");
            return this;
        }

        /**
         * The session's duration, sent in milliseconds, as the Python SDK's {@code enrich_session} sends it; for a
         * session whose length is not that of its spans (a conversation that waited on its user, for one).
         *
         * @throws IllegalArgumentException if it is negative
         */
        public Builder duration(Duration duration) {
            if (requireNonNull(duration, "duration").isNegative()) {
                throw new IllegalArgumentException("duration must not be negative; was " + duration);
            }
            this.duration = duration;
            return this;
        }

        /** Returns the enrichment; the builder can be reused. */
        /**
         * Validates and returns the enrichment.
         *
         * @throws IllegalArgumentException if the session id is not a UUID, as for {@link SessionOptions}
         */
        public SessionEnrichment build() {
            if (sessionId != null) {
                sessionId = SessionIds.requireUuid(sessionId, "sessionId");
            }
            return new SessionEnrichment(this);
        }
    }
}
