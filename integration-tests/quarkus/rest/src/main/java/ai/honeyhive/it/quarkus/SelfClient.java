package ai.honeyhive.it.quarkus;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** This service's own answer endpoint, through the Quarkus REST client. */
@RegisterRestClient(configKey = "self")
@Path("/support")
public interface SelfClient {

    @GET
    @Path("/answer")
    String answer(@QueryParam("q") String question);
}
