package ai.honeyhive.it.app;

import ai.honeyhive.cdi.Traced;
import ai.honeyhive.tracer.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The retrieval step: a tool event. */
@ApplicationScoped
public class Retriever {

    @Traced(eventType = EventType.TOOL)
    public List<String> search(String question) {
        return List.of("doc about " + question, "faq on " + question);
    }
}
