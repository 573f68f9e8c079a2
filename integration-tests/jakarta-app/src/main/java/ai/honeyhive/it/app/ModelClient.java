package ai.honeyhive.it.app;

import ai.honeyhive.cdi.Traced;
import ai.honeyhive.tracer.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** A deterministic stand-in for a model call: a model event. */
@ApplicationScoped
public class ModelClient {

    @Traced(eventType = EventType.MODEL)
    public String complete(String question, List<String> documents) {
        return "answer to " + question + " from " + documents.size() + " documents";
    }
}
