package ai.honeyhive.tracer;

import ai.honeyhive.tracer.internal.span.OwnedScope;
import io.opentelemetry.context.Scope;

/**
 * The context a carrier was linked to by {@link HoneyHiveTracer#link}, current until this token is passed to
 * {@link HoneyHiveTracer#unlink} or closed. Close it on the thread that linked it.
 */
public final class LinkToken implements AutoCloseable {

    private final OwnedScope scope;

    LinkToken(Scope scope) {
        this.scope = new OwnedScope(scope, "A LinkToken");
    }

    /** Restores the context that was current before the link. Idempotent; never throws. */
    @Override
    public void close() {
        scope.close();
    }
}
