package ai.honeyhive.jaxrs;

import static java.util.Objects.requireNonNull;

import ai.honeyhive.jaxrs.internal.HttpRoutes;
import ai.honeyhive.tracer.HoneyHiveTracer;
import ai.honeyhive.tracer.internal.ThrottledLogger;
import ai.honeyhive.tracer.internal.TracerInternals;
import ai.honeyhive.tracer.internal.span.HoneyHiveAttributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Carries the trace and the HoneyHive session to the services a request calls: writes {@code traceparent} and a
 * {@code baggage} with the current session into every outgoing JAX-RS (or MicroProfile REST) client request and,
 * when HTTP tracing is on ({@code honeyhive.disable-http-tracing=false}), records a client span with the method, the
 * URL without query string or credentials, and the status.
 *
 * <p>Register it on the client ({@code client.register(HoneyHiveClientFilter.class)}), or an instance built with a
 * tracer. It never fails a call.
 */
@Provider
@Priority(HoneyHiveClientFilter.PRIORITY)
public class HoneyHiveClientFilter implements ClientRequestFilter, ClientResponseFilter {

    /** Late among request filters, so the headers reflect the final request. */
    public static final int PRIORITY = 5000;

    private static final String SPAN_PROPERTY = HoneyHiveClientFilter.class.getName() + ".span";
    private static final Logger logger = Logger.getLogger(HoneyHiveClientFilter.class.getName());
    private static final ThrottledLogger failures = new ThrottledLogger(logger);

    private volatile @Nullable HoneyHiveTracer tracer;

    /** For discovery and registration by class: the default tracer comes from CDI on the first call. */
    public HoneyHiveClientFilter() {}

    /** For registration by hand. */
    public HoneyHiveClientFilter(HoneyHiveTracer tracer) {
        this.tracer = requireNonNull(tracer, "tracer");
    }

    @Override
    public void filter(ClientRequestContext request) {
        HoneyHiveTracer resolved = tracer();
        if (resolved == null) {
            return;
        }
        try {
            Span span = null;
            if (!resolved.config().disableHttpTracing()) {
                String method = request.getMethod();
                span = TracerInternals.spans(resolved)
                        .startClientCall(method, HttpRoutes.withoutSecrets(request.getUri()));
                request.setProperty(SPAN_PROPERTY, span);
            }
            try (Scope ignored = span == null ? Scope.noop() : span.makeCurrent()) {
                resolved.inject(
                        request, (carrier, key, value) -> carrier.getHeaders().putSingle(key, value));
            }
        } catch (RuntimeException e) {
            failures.log(Level.WARNING, "Could not add the trace context to an outgoing request", e);
        }
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        if (!(request.getProperty(SPAN_PROPERTY) instanceof Span span)) {
            return;
        }
        try {
            int status = response.getStatus();
            span.setAttribute(HoneyHiveAttributes.HTTP_RESPONSE_STATUS_CODE, (long) status);
            if (status >= 400) {
                span.setStatus(StatusCode.ERROR, "HTTP " + status);
                span.setAttribute(HoneyHiveAttributes.ERROR, "HTTP " + status);
            }
        } catch (RuntimeException e) {
            failures.log(Level.WARNING, "Could not record the status of an outgoing request", e);
        } finally {
            span.end();
        }
    }

    private @Nullable HoneyHiveTracer tracer() {
        HoneyHiveTracer resolved = tracer;
        if (resolved == null) {
            try {
                resolved = CDI.current().select(HoneyHiveTracer.class).get();
                tracer = resolved;
            } catch (RuntimeException | LinkageError e) {
                failures.log(
                        Level.WARNING,
                        "No HoneyHiveTracer for outgoing requests: register"
                                + " new HoneyHiveClientFilter(tracer), or add ai.honeyhive:honeyhive-cdi",
                        e);
            }
        }
        return resolved;
    }
}
