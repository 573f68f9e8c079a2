package ai.honeyhive.benchmarks;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * The baseline of the JAX-RS benchmark: a server span made by hand with the OpenTelemetry API, as an application
 * without the tracer would: the inbound {@code traceparent} continued, method, path and status recorded.
 */
@Priority(100)
public class PlainOpenTelemetryFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String SPAN = PlainOpenTelemetryFilter.class.getName() + ".span";
    private static final String SCOPE = PlainOpenTelemetryFilter.class.getName() + ".scope";

    private static final TextMapGetter<ContainerRequestContext> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(ContainerRequestContext request) {
            return request.getHeaders().keySet();
        }

        @Override
        public String get(ContainerRequestContext request, String key) {
            return request == null ? null : request.getHeaderString(key);
        }
    };

    private final Tracer tracer;

    public PlainOpenTelemetryFilter(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Context parent = W3CTraceContextPropagator.getInstance().extract(Context.current(), request, HEADERS);
        String path = request.getUriInfo().getRequestUri().getRawPath();
        Span span = tracer.spanBuilder(request.getMethod() + " " + path)
                .setParent(parent)
                .setSpanKind(SpanKind.SERVER)
                .setAttribute("http.request.method", request.getMethod())
                .setAttribute("url.path", path)
                .startSpan();
        request.setProperty(SPAN, span);
        request.setProperty(SCOPE, parent.with(span).makeCurrent());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(SPAN) instanceof Span span && request.getProperty(SCOPE) instanceof Scope scope) {
            span.setAttribute("http.response.status_code", response.getStatus());
            if (response.getStatus() >= 500) {
                span.setStatus(StatusCode.ERROR);
            }
            scope.close();
            span.end();
        }
    }
}
