package ai.honeyhive.quarkus.runtime.internal;

import ai.honeyhive.jaxrs.HoneyHiveServerFilter;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;
import org.jspecify.annotations.Nullable;

/**
 * The JAX-RS server filter on Quarkus REST, registered by a build step: the request's OpenTelemetry context lives
 * in its Vert.x duplicated context, so the session follows the request from the event loop to worker and virtual
 * threads and into Mutiny continuations, and the request span continues Quarkus's own server span when
 * {@code quarkus-opentelemetry} makes one.
 */
public class QuarkusServerFilter extends HoneyHiveServerFilter {

    public QuarkusServerFilter() {
        super(true);
    }

    @Override
    protected @Nullable ResourceInfo resourceInfo(ContainerRequestContext request) {
        return request instanceof ResteasyReactiveContainerRequestContext quarkus
                ? quarkus.getServerRequestContext().getResteasyReactiveResourceInfo()
                : null;
    }
}
