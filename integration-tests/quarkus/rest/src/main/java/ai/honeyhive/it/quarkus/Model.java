package ai.honeyhive.it.quarkus;

import ai.honeyhive.cdi.Traced;
import ai.honeyhive.tracer.EventType;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** A deterministic stand-in for a model call. */
@ApplicationScoped
public class Model {

    @Traced(eventType = EventType.MODEL)
    public String complete(String question, List<String> documents) {
        return "answer to " + question + " from " + documents.size() + " documents";
    }

    /** Completes on a worker pool thread, as a reactive model client would. */
    @Traced(name = "Model.completeAsync", eventType = EventType.MODEL)
    public Uni<String> completeAsync(String question) {
        return Uni.createFrom()
                .item(() -> "async answer to " + question)
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
