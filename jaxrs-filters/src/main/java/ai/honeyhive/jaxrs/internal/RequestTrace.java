package ai.honeyhive.jaxrs.internal;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;

/**
 * What the server filter keeps for one request between its request and response halves: the request span, the scope
 * that made it current and the thread that scope belongs to, and the request's session.
 *
 * @param span the request span
 * @param scope the scope opened on the request thread
 * @param owner the request thread
 * @param sessionId the request's session
 */
public record RequestTrace(Span span, Scope scope, Thread owner, String sessionId) {

    /** The request property the trace is kept under. */
    public static final String PROPERTY = RequestTrace.class.getName();

    /** Set when the span ends only after the response entity has been written. */
    public static final String END_AFTER_WRITE = RequestTrace.class.getName() + ".endAfterWrite";

    /** Closes the scope if called on the thread that opened it; another thread must leave it alone. */
    public boolean closeScopeOnOwnerThread() {
        if (owner == Thread.currentThread()) {
            scope.close();
            return true;
        }
        return false;
    }
}
