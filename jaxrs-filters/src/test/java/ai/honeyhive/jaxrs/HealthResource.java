package ai.honeyhive.jaxrs;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

@Path("/health")
@RequestScoped
public class HealthResource {

    @GET
    public String health() {
        return "UP";
    }
}
