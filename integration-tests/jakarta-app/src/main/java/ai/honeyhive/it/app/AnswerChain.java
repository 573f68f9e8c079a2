package ai.honeyhive.it.app;

import ai.honeyhive.cdi.Traced;
import ai.honeyhive.tracer.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** The answer chain: retrieval, then the model; a chain event, synchronous, asynchronous or failing. */
@ApplicationScoped
public class AnswerChain {

    @Inject
    Retriever retriever;

    @Inject
    ModelClient model;

    @Inject
    Workers workers;

    @Traced(eventType = EventType.CHAIN)
    public String answer(String question) {
        return model.complete(question, retriever.search(question));
    }

    /** Completes later on a worker thread: the span ends then, not when this method returns. */
    @Traced(eventType = EventType.CHAIN)
    public CompletionStage<String> answerLater(String question) {
        return CompletableFuture.supplyAsync(
                workers.inCurrentContext(() -> "later: " + answer(question)),
                CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS, workers.executor()));
    }

    @Traced(eventType = EventType.CHAIN)
    public String refuse(String question) {
        throw new IllegalStateException("refused: " + question);
    }
}
