package ai.honeyhive.benchmarks;

import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;

/**
 * The baseline of the JAX-RS benchmark: the server span an application without the tracer would make by hand with
 * the OpenTelemetry API, as the HTTP semantic conventions describe it: the inbound {@code traceparent} and
 * {@code baggage} continued (OpenTelemetry's default propagators), named {@code METHOD /route} from the matched
 * resource method, with method, route, path and status recorded and 5xx marked as an error.
 */
@Priority(100)
public class PlainOpenTelemetryFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String SPAN = PlainOpenTelemetryFilter.class.getName() + ".span";
    private static final String SCOPE = PlainOpenTelemetryFilter.class.getName() + ".scope";
    private static final TextMapPropagator PROPAGATORS =
            TextMapPropagator.composite(W3CTraceContextPropagator.getInstance(), W3CBaggagePropagator.getInstance());

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

    @jakarta.ws.rs.core.Context
    ResourceInfo resourceInfo;

    public PlainOpenTelemetryFilter(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Context parent = PROPAGATORS.extract(Context.root(), request, HEADERS);
        String route = route();
        Span span = tracer.spanBuilder(request.getMethod() + " " + route)
                .setParent(parent)
                .setSpanKind(SpanKind.SERVER)
                .setAttribute("http.request.method", request.getMethod())
                .setAttribute("http.route", route)
                .setAttribute("url.path", request.getUriInfo().getRequestUri().getRawPath())
                .startSpan();
        request.setProperty(SPAN, span);
        request.setProperty(SCOPE, parent.with(span).makeCurrent());
    }

    private String route() {
        Path onClass = resourceInfo.getResourceClass().getAnnotation(Path.class);
        Path onMethod = resourceInfo.getResourceMethod().getAnnotation(Path.class);
        return (onClass == null ? "" : onClass.value()) + (onMethod == null ? "" : "/" + onMethod.value());
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
