package ai.honeyhive.it.app;

import ai.honeyhive.jaxrs.HoneyHiveClientFilter;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.concurrent.CompletionStage;

/** The support assistant: synchronous, {@code CompletionStage}, {@code AsyncResponse}, failing and relayed. */
@Path("/assistant")
@RequestScoped
public class AssistantResource {

    @Inject
    AnswerChain chain;

    @Inject
    Workers workers;

    @Context
    UriInfo uriInfo;

    @GET
    @Path("/answer")
    public String answer(@QueryParam("q") String question) {
        return chain.answer(question);
    }

    @GET
    @Path("/stage")
    public CompletionStage<String> stage(@QueryParam("q") String question) {
        return chain.answerLater(question);
    }

    @GET
    @Path("/async")
    public void async(@QueryParam("q") String question, @Suspended AsyncResponse response) {
        workers.runInCurrentContext(() -> response.resume("async: " + chain.answer(question)));
    }

    @GET
    @Path("/fail")
    public String fail(@QueryParam("q") String question) {
        return chain.refuse(question);
    }

    /** Calls {@code /answer} of this application through a JAX-RS client that carries the trace and session. */
    @GET
    @Path("/relay")
    public String relay(@QueryParam("q") String question) {
        Client client = ClientBuilder.newClient().register(HoneyHiveClientFilter.class);
        try {
            return "relayed: "
                    + client.target(uriInfo.getBaseUriBuilder().path("assistant/answer"))
                            .queryParam("q", question)
                            .request()
                            .get(String.class);
        } finally {
            client.close();
        }
    }
}
