package ai.honeyhive.jaxrs;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.Span;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Runs before everything else on the container thread and records whether an earlier request's context is there. */
@Provider
@PreMatching
@Priority(1)
public class ContextProbeFilter implements ContainerRequestFilter {

    static final List<String> LEFTOVERS = new CopyOnWriteArrayList<>();

    @Override
    public void filter(ContainerRequestContext request) {
        if (Span.current().getSpanContext().isValid() || !Baggage.current().isEmpty()) {
            LEFTOVERS.add(request.getUriInfo().getPath() + " saw "
                    + Span.current().getSpanContext().getSpanId() + " "
                    + Baggage.current().asMap().keySet());
        }
    }
}
