package ai.honeyhive.it.quarkus.otel;

import ai.honeyhive.cdi.Traced;
import ai.honeyhive.tracer.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

/** A quarkus-langchain4j AI service called from a @Traced chain, inside the request's HoneyHive session. */
@Path("/bot")
@ApplicationScoped
public class BotResource {

    @Inject
    SupportBot bot;

    @GET
    public String ask(@QueryParam("q") String question) {
        return answer(question);
    }

    @Traced(name = "BotResource.answer", eventType = EventType.CHAIN)
    String answer(String question) {
        return bot.chat(question);
    }
}
