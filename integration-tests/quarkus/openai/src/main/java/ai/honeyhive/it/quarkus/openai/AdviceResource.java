package ai.honeyhive.it.quarkus.openai;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

@Path("/advice")
public class AdviceResource {

    @Inject
    Advisor advisor;

    @GET
    public String advise(@QueryParam("q") String question) {
        return advisor.advise(question);
    }

    @GET
    @Path("/streamed")
    public String adviseStreamed(@QueryParam("q") String question) {
        return advisor.adviseStreamed(question);
    }
}
