package ai.honeyhive.genai.jaxrs;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

@Path("/advice")
@RequestScoped
public class AdviceResource {

    @Inject
    Advisor advisor;

    @GET
    public String advise(@QueryParam("q") String question) {
        return advisor.advise(question);
    }
}
