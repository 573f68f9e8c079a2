package ai.honeyhive.quarkus.runtime.internal;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextStorage;
import io.opentelemetry.context.Scope;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Vertx;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the current OpenTelemetry context in the Vert.x duplicated context of the request when there is one, else
 * in the thread, as {@code quarkus-opentelemetry} does. Quarkus runs one request on event-loop, worker and virtual
 * threads in turn, all sharing the request's duplicated context: the session in baggage follows the request, and a
 * thread never sees another request's context. Installed only when {@code quarkus-opentelemetry} is absent.
 */
final class VertxContextStorage implements ContextStorage {

    private static final String KEY = "ai.honeyhive.otel.context";

    private final ContextStorage threads;

    VertxContextStorage(ContextStorage threads) {
        this.threads = threads;
    }

    @Override
    public Scope attach(@Nullable Context toAttach) {
        if (toAttach == null) {
            return Scope.noop();
        }
        io.vertx.core.Context request = requestContext();
        if (request == null) {
            return threads.attach(toAttach);
        }
        Context before = request.getLocal(KEY);
        if (before == toAttach) {
            return Scope.noop();
        }
        request.putLocal(KEY, toAttach);
        AtomicBoolean closed = new AtomicBoolean();
        return () -> {
            // Once, and only while still current: a late or repeated close must not undo a newer attachment.
            if (closed.compareAndSet(false, true) && request.getLocal(KEY) == toAttach) {
                if (before == null) {
                    request.removeLocal(KEY);
                } else {
                    request.putLocal(KEY, before);
                }
            }
        };
    }

    @Override
    public @Nullable Context current() {
        io.vertx.core.Context request = requestContext();
        return request == null ? threads.current() : request.getLocal(KEY);
    }

    @Override
    public Context root() {
        return threads.root();
    }

    private static io.vertx.core.@Nullable Context requestContext() {
        io.vertx.core.Context context = Vertx.currentContext();
        return context != null && VertxContext.isDuplicatedContext(context) ? context : null;
    }
}
