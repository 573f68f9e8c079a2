package ai.honeyhive.jaxrs;

import ai.honeyhive.cdi.Traced;
import ai.honeyhive.tracer.EventType;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class Answerer {

    @Traced(eventType = EventType.MODEL)
    public String answer(String question) {
        return "answer to " + question;
    }
}
