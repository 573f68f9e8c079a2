package ai.honeyhive.it.quarkus;

import ai.honeyhive.tracer.HoneyHiveTracer;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The support assistant's endpoints: blocking, Uni, CompletionStage, failing, and a client hop. */
@Path("/support")
public class SupportResource {

    @Inject
    Assistant assistant;

    @Inject
    HoneyHiveTracer tracer;

    @Inject
    AuditLog audit;

    @Inject
    @RestClient
    SelfClient self;

    @GET
    @Path("/answer")
    public String answer(@QueryParam("q") String question) {
        return assistant.answer(question);
    }

    @GET
    @Path("/audit")
    public String audit(@QueryParam("q") String question) {
        return audit.record(question);
    }

    @GET
    @Path("/uni")
    public Uni<String> uni(@QueryParam("q") String question) {
        return assistant.answerLater(question);
    }

    @GET
    @Path("/stage")
    public CompletionStage<String> stage(@QueryParam("q") String question) {
        return assistant.answerStage(question);
    }

    @GET
    @Path("/fail")
    public String fail(@QueryParam("q") String question) {
        return assistant.fail(question);
    }

    /** Calls this service again through the REST client: the trace continues across the hop. */
    @GET
    @Path("/relay")
    public String relay(@QueryParam("q") String question) {
        return "relayed: " + self.answer(question);
    }

    /** The session this request runs in, as the tracer sees it. */
    @GET
    @Path("/session")
    public String session() {
        return tracer.currentSessionId();
    }
}
