package ai.honeyhive.tracer.internal.session;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The tracer's own session, the one spans and enrichments outside any other session go to. Its start is sent at
 * most once: when the tracer is built, or on the first span, enrichment or propagated call that lands in it, so that
 * a server application whose requests all have sessions of their own does not leave an empty one behind.
 */
public final class OwnSession {

    /** How the tracer starts its own session. */
    public enum Start {
        /** Never: the session exists already, or the tracer is not to make one. */
        NEVER,
        /** When the tracer is built, as the Python SDK does. */
        AT_BUILD,
        /** When the first span, enrichment or propagated call lands in it. */
        ON_FIRST_USE
    }

    private final String id;
    private final Start when;
    private final Runnable start;
    private final AtomicBoolean startPending;

    /**
     * @param id the session id, a lowercase UUID
     * @param start sends the session's start; called at most once, and must not throw
     */
    public OwnSession(String id, Start when, Runnable start) {
        this.id = id;
        this.when = when;
        this.start = start;
        this.startPending = new AtomicBoolean(when != Start.NEVER);
    }

    /** A session that is never started, for tests and for identities that only carry the id. */
    public static OwnSession existing(String id) {
        return new OwnSession(id, Start.NEVER, () -> {});
    }

    /** Called once the tracer is built: sends the start now if that is when it is due. */
    public void tracerBuilt() {
        if (when == Start.AT_BUILD) {
            use();
        }
    }

    /** The id, without starting the session: for display and comparison. */
    public String id() {
        return id;
    }

    /** The id, for something that lands in the session: its start is sent first, if it has not been. */
    public String use() {
        if (startPending.get() && startPending.compareAndSet(true, false)) {
            start.run();
        }
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}
