package ai.honeyhive.jaxrs;

import ai.honeyhive.tracer.SessionOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Map;

/** The application's hook: the tenant header goes on every request's session. */
@ApplicationScoped
public class TenantCustomizer implements RequestSessionCustomizer {

    @Override
    public void customize(ContainerRequestContext request, SessionOptions.Builder session) {
        String tenant = request.getHeaderString("X-Tenant");
        if (tenant != null) {
            session.userProperties(Map.of("tenant", tenant));
        }
    }
}
