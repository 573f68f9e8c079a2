package ai.honeyhive.examples.assistant;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The support assistant's endpoint; each request is a HoneyHive session of its own. */
@Path("/support")
public class SupportResource {

    @Inject
    AnswerChain chain;

    @POST
    @Path("/ask")
    public Uni<Answer> ask(Question question) {
        return chain.answer(question.text());
    }

    /** The model's refusal is the upstream's failure: 502, which marks the request's span and session as failed. */
    @ServerExceptionMapper
    public RestResponse<String> refused(ModelRefusedException refusal) {
        return RestResponse.status(Response.Status.BAD_GATEWAY, refusal.getMessage());
    }
}
