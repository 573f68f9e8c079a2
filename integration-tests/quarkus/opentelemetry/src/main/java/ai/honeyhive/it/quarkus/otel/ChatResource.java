package ai.honeyhive.it.quarkus.otel;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

@Path("/")
public class ChatResource {

    @Inject
    Assistant assistant;

    @Inject
    Tools tools;

    @GET
    @Path("chat")
    public String chat(@QueryParam("q") String question) {
        return assistant.reply(question);
    }

    /** Excluded from HoneyHive sessions (health paths are by default): its spans stay Quarkus's alone. */
    @GET
    @Path("health/ping")
    public String ping() {
        return tools.lookup("health");
    }
}
