package ai.honeyhive.it.quarkus;

import ai.honeyhive.cdi.Traced;
import ai.honeyhive.tracer.EventType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.context.ManagedExecutor;

/** The answer chain: retrieval, then the model. */
@ApplicationScoped
public class Assistant {

    @Inject
    Retriever retriever;

    @Inject
    Model model;

    // Propagates the current context, the OpenTelemetry one included, to the task.
    @Inject
    ManagedExecutor executor;

    @Traced(eventType = EventType.CHAIN)
    public String answer(String question) {
        return model.complete(question, retriever.search(question));
    }

    /** Retrieval now, the model later on another thread, then retrieval again in the continuation. */
    @Traced(name = "Assistant.answerLater", eventType = EventType.CHAIN)
    public Uni<String> answerLater(String question) {
        retriever.search(question);
        return model.completeAsync(question)
                .map(answer -> answer + " (" + retriever.search(answer).size() + ")");
    }

    @Traced(name = "Assistant.answerStage", eventType = EventType.CHAIN)
    public CompletionStage<String> answerStage(String question) {
        return executor.supplyAsync(() -> answer(question));
    }

    @Traced(eventType = EventType.CHAIN)
    public String fail(String question) {
        throw new IllegalStateException("no answer for " + question);
    }
}
