package ai.honeyhive.it.quarkus;

import ai.honeyhive.cdi.Traced;
import ai.honeyhive.tracer.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Finds documents for a question: a tool. */
@ApplicationScoped
public class Retriever {

    @Traced(eventType = EventType.TOOL)
    public List<String> search(String question) {
        return List.of("doc about " + question, "faq about " + question);
    }
}
