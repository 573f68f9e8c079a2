package ai.honeyhive.jaxrs.internal;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * What the server filter keeps for one request between its request and response halves: the request span, the scope
 * that made it current on the request thread, and the request's session.
 *
 * <p>The scope is released on the request thread as soon as that is possible: when the resource method returns (by
 * {@link ResourceMethodScopeInterceptor}, for resources that are CDI beans), else by the response filter if it runs on
 * that thread, else by the next request on that thread. A suspended request's response filter runs on another thread
 * and must leave the scope alone.
 */
public final class RequestTrace {

    /** The request property the trace is kept under. */
    public static final String PROPERTY = RequestTrace.class.getName();

    /** Set when the span ends only after the response entity has been written. */
    public static final String END_AFTER_WRITE = RequestTrace.class.getName() + ".endAfterWrite";

    private static final ThreadLocal<RequestTrace> OPEN_ON_THIS_THREAD = new ThreadLocal<>();

    private final Span span;
    private final Scope scope;
    // Null when the runtime keeps the context per request (Quarkus): then any thread may release the scope.
    private final @Nullable Thread owner;
    private final String sessionId;
    private final AtomicBoolean released = new AtomicBoolean();

    private RequestTrace(Span span, Scope scope, String sessionId, @Nullable Thread owner) {
        this.span = span;
        this.scope = scope;
        this.sessionId = sessionId;
        this.owner = owner;
    }

    /** Records a request whose scope was just opened on this thread, releasing any an earlier request left here. */
    public static RequestTrace opened(Span span, Scope scope, String sessionId) {
        RequestTrace trace = new RequestTrace(span, scope, sessionId, Thread.currentThread());
        OPEN_ON_THIS_THREAD.set(trace);
        return trace;
    }

    /**
     * Records a request whose scope was opened in a context storage that belongs to the request rather than the
     * thread (Quarkus's Vert.x duplicated contexts): it is released when the response has been sent, on whatever thread.
     */
    public static RequestTrace openedInRequestStorage(Span span, Scope scope, String sessionId) {
        return new RequestTrace(span, scope, sessionId, null);
    }

    /** Releases the scope an earlier request left open on this thread, if any. */
    public static void releaseLeftover() {
        RequestTrace leftover = OPEN_ON_THIS_THREAD.get();
        if (leftover != null) {
            leftover.releaseScope();
        }
    }

    /** The request whose scope is open on this thread, or null. */
    public static @Nullable RequestTrace openOnThisThread() {
        return OPEN_ON_THIS_THREAD.get();
    }

    public Span span() {
        return span;
    }

    public String sessionId() {
        return sessionId;
    }

    /** Closes the scope if on the thread that opened it and not closed yet; another thread leaves it alone. */
    public void releaseScope() {
        if ((owner == null || owner == Thread.currentThread()) && released.compareAndSet(false, true)) {
            scope.close();
            if (OPEN_ON_THIS_THREAD.get() == this) {
                OPEN_ON_THIS_THREAD.remove();
            }
        }
    }
}
