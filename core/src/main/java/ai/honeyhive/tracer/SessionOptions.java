package ai.honeyhive.tracer;

import static java.util.Objects.requireNonNull;

import ai.honeyhive.tracer.internal.EventFields;
import ai.honeyhive.tracer.internal.session.SessionIds;
import org.jspecify.annotations.Nullable;

/**
 * What a new HoneyHive session is started with: its name, inputs, metadata and user properties, and optionally its
 * id. Used by {@link HoneyHiveTracer#createSession}, {@link HoneyHiveTracer#createSessionAsync} and
 * {@link HoneyHiveTracer#withSession(SessionOptions)}.
 *
 * <pre>{@code
 * try (SessionScope session = tracer.withSession(SessionOptions.builder()
 *         .sessionName("batch-job")
 *         .inputs(Map.of("batch_id", batchId))
 *         .build())) {
 *     processBatch(items); // every span here belongs to the new session
 * }
 * }</pre>
 */
public final class SessionOptions {

    private final @Nullable String sessionName;
    private final @Nullable String sessionId;
    private final EventFields fields;
    private final @Nullable String source;
    private final boolean skipApiCall;

    private SessionOptions(Builder builder) {
        this.sessionName = builder.sessionName;
        this.sessionId = builder.sessionId;
        this.fields = builder.fields.build();
        this.source = builder.source;
        this.skipApiCall = builder.skipApiCall;
    }

    /** A builder for a new session with a fresh id and the tracer's session name. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A session that already exists, such as one created by another service: it is made current, and no start call
     * is sent.
     *
     * @throws IllegalArgumentException if the id is not a UUID
     */
    public static SessionOptions existing(String sessionId) {
        return builder().sessionId(sessionId).skipApiCall(true).build();
    }

    /** The session name, or null for the tracer's session name. */
    public @Nullable String sessionName() {
        return sessionName;
    }

    /** The session id, a lowercase UUID, or null for a fresh one. */
    public @Nullable String sessionId() {
        return sessionId;
    }

    /** The session's inputs, metadata and user properties, sent with its start. */
    EventFields fields() {
        return fields;
    }

    /** The source of this session, or null for the tracer's. */
    public @Nullable String source() {
        return source;
    }

    /** Whether to only make the session current, without telling HoneyHive to start it. */
    public boolean skipApiCall() {
        return skipApiCall;
    }

    /**
     * Builds {@link SessionOptions}: the session's name, id and source, and its {@code inputs}, {@code metadata} and
     * {@code userProperties}, sent with its start. Not thread-safe.
     */
    public static final class Builder extends StartFieldsBuilder<Builder> {
        private @Nullable String sessionName;
        private @Nullable String sessionId;
        private @Nullable String source;
        private boolean skipApiCall;

        private Builder() {}

        @Override
        Builder self() {
            return this;
        }

        /** The session's name; default the tracer's session name. */
        public Builder sessionName(String sessionName) {
            this.sessionName = requireNonNull(sessionName, "sessionName");
            return this;
        }

        /** The id to start the session with; must be a UUID (HoneyHive's session ids are). */
        public Builder sessionId(String sessionId) {
            this.sessionId = requireNonNull(sessionId, "sessionId");
            return this;
        }

        /** The session's source; default the tracer's. */
        public Builder source(String source) {
            this.source = requireNonNull(source, "source");
            return this;
        }

        /** Only make the session current, without a start call: for a session created elsewhere. Needs an id. */
        public Builder skipApiCall(boolean skipApiCall) {
            this.skipApiCall = skipApiCall;
            return this;
        }

        /**
         * Validates and returns the options.
         *
         * @throws IllegalArgumentException if the session id is not a UUID, or {@code skipApiCall} has no id
         */
        public SessionOptions build() {
            if (sessionId != null) {
                sessionId = SessionIds.requireUuid(sessionId, "sessionId");
            } else if (skipApiCall) {
                throw new IllegalArgumentException("skipApiCall needs the sessionId of the existing session");
            }
            return new SessionOptions(this);
        }
    }
}
