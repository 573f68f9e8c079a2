package ai.honeyhive.tracer;

import static java.util.Objects.requireNonNull;

import ai.honeyhive.tracer.internal.NullTolerantMaps;
import ai.honeyhive.tracer.internal.SessionIds;
import java.util.Map;
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
    private final Map<String, ?> inputs;
    private final Map<String, ?> metadata;
    private final Map<String, ?> userProperties;
    private final @Nullable String source;
    private final boolean skipApiCall;

    private SessionOptions(Builder builder) {
        this.sessionName = builder.sessionName;
        this.sessionId = builder.sessionId;
        this.inputs = builder.inputs;
        this.metadata = builder.metadata;
        this.userProperties = builder.userProperties;
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

    /** The session's inputs, sent with its start. */
    public Map<String, ?> inputs() {
        return inputs;
    }

    /** The session's metadata, sent with its start. */
    public Map<String, ?> metadata() {
        return metadata;
    }

    /** The session's user properties, such as the user id or plan. */
    public Map<String, ?> userProperties() {
        return userProperties;
    }

    /** The source of this session, or null for the tracer's. */
    public @Nullable String source() {
        return source;
    }

    /** Whether to only make the session current, without telling HoneyHive to start it. */
    public boolean skipApiCall() {
        return skipApiCall;
    }

    /** Builds {@link SessionOptions}. Not thread-safe. */
    public static final class Builder {
        private @Nullable String sessionName;
        private @Nullable String sessionId;
        private Map<String, ?> inputs = Map.of();
        private Map<String, ?> metadata = Map.of();
        private Map<String, ?> userProperties = Map.of();
        private @Nullable String source;
        private boolean skipApiCall;

        private Builder() {}

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

        /** The session's inputs, sent with its start. */
        public Builder inputs(Map<String, ?> inputs) {
            this.inputs = NullTolerantMaps.copyOf(inputs, "inputs");
            return this;
        }

        /** The session's metadata, sent with its start. */
        public Builder metadata(Map<String, ?> metadata) {
            this.metadata = NullTolerantMaps.copyOf(metadata, "metadata");
            return this;
        }

        /** The session's user properties, such as the user id or plan. */
        public Builder userProperties(Map<String, ?> userProperties) {
            this.userProperties = NullTolerantMaps.copyOf(userProperties, "userProperties");
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
