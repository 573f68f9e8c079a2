package ai.honeyhive.quarkus.runtime.internal;

import ai.honeyhive.cdi.internal.TracerRegistry;
import ai.honeyhive.jaxrs.HoneyHiveServerFilter;
import ai.honeyhive.jaxrs.internal.RequestTrace;
import ai.honeyhive.tracer.HoneyHiveTracer;
import ai.honeyhive.tracer.internal.ThrottledLogger;
import io.opentelemetry.context.ContextStorage;
import io.quarkus.arc.Arc;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;
import org.jboss.resteasy.reactive.server.spi.ServerHttpRequest;
import org.jspecify.annotations.Nullable;

/**
 * The JAX-RS server filter on Quarkus REST, registered by a build step as a request filter only (Vert.x says when the
 * response is done): the request's OpenTelemetry context lives
 * in its Vert.x duplicated context, so the session follows the request from the event loop to worker and virtual
 * threads and into Mutiny continuations, and the request span continues Quarkus's own server span when
 * {@code quarkus-opentelemetry} makes one.
 */
public class QuarkusServerFilter extends HoneyHiveServerFilter {

    private static final Logger logger = Logger.getLogger(QuarkusServerFilter.class.getName());
    private static final ThrottledLogger failures = new ThrottledLogger(logger);

    public QuarkusServerFilter() {
        super(contextFollowsRequests());
    }

    /** Per-request context only where the storage keeps it per request: ours, or quarkus-opentelemetry's. */
    private static boolean contextFollowsRequests() {
        ContextStorage storage = ContextStorage.get();
        return storage instanceof VertxContextStorage
                || storage.getClass().getName().startsWith("io.quarkus.opentelemetry.");
    }

    /**
     * Quarkus REST writes some responses (an exception no mapper handles) without running response filters: the
     * session header goes on when the response headers are written and the span ends when Vert.x has sent the
     * response, whatever wrote it.
     */
    @Override
    public void filter(ContainerRequestContext request) {
        super.filter(request);
        if (!(request.getProperty(RequestTrace.PROPERTY) instanceof RequestTrace trace)) {
            return;
        }
        try {
            RoutingContext routing = routingContext(request);
            if (routing == null) {
                throw new IllegalStateException("no Vert.x routing context for the request");
            }
            routing.addHeadersEndHandler(ignored -> routing.response().putHeader(SESSION_HEADER, trace.sessionId()));
            routing.addEndHandler(sent -> responseSent(
                    request,
                    routing.response().getStatusCode(),
                    // A connection closed after the whole response was written is not the request's failure.
                    sent.failed() && !routing.response().ended() ? sent.cause() : null));
        } catch (RuntimeException e) {
            failures.log(Level.WARNING, "Could not follow the response of a request; its span ends now", e);
            responseSent(request, 500, e);
        }
    }

    private static @Nullable RoutingContext routingContext(ContainerRequestContext request) {
        if (request instanceof ResteasyReactiveContainerRequestContext quarkus
                && quarkus.getServerRequestContext().serverResponse() instanceof ServerHttpRequest http) {
            return http.unwrap(RoutingContext.class);
        }
        return null;
    }

    /**
     * From the tracers the application started: on Quarkus, beans exist only for the tracer names the code injects,
     * while {@code honeyhive.jaxrs.tracer} may name any configured one.
     */
    @Override
    protected HoneyHiveTracer tracer(String tracerName) {
        return Arc.container().instance(TracerRegistry.class).get().tracer(tracerName);
    }

    @Override
    protected @Nullable ResourceInfo resourceInfo(ContainerRequestContext request) {
        return request instanceof ResteasyReactiveContainerRequestContext quarkus
                ? quarkus.getServerRequestContext().getResteasyReactiveResourceInfo()
                : null;
    }
}
