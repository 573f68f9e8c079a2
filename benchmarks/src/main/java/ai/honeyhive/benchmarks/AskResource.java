package ai.honeyhive.benchmarks;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

/** The endpoint both filters wrap. */
@Path("/support/ask")
public class AskResource {

    @GET
    public String ask(@QueryParam("q") String question) {
        return Assistant.work(question, "acme");
    }
}
