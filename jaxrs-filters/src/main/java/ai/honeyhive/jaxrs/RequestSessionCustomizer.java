package ai.honeyhive.jaxrs;

import ai.honeyhive.tracer.SessionOptions;
import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * Adds what only the application knows, such as the user or the tenant, to the session of each request. Implement it
 * as a CDI bean (every bean of this type is applied, in no particular order) or pass instances to
 * {@link HoneyHiveServerFilter#HoneyHiveServerFilter(ai.honeyhive.tracer.HoneyHiveTracer, JaxrsSessionSettings,
 * java.util.List)}.
 *
 * <pre>{@code
 * @ApplicationScoped
 * class TenantOnSessions implements RequestSessionCustomizer {
 *     public void customize(ContainerRequestContext request, SessionOptions.Builder session) {
 *         session.userProperties(Map.of("tenant", request.getHeaderString("X-Tenant")));
 *     }
 * }
 * }</pre>
 *
 * <p>It runs on the request thread before the resource method; keep it fast. An exception it throws is logged and
 * the session goes on without its additions.
 */
@FunctionalInterface
public interface RequestSessionCustomizer {

    /** Adds to the session the request is about to start. */
    void customize(ContainerRequestContext request, SessionOptions.Builder session);
}
