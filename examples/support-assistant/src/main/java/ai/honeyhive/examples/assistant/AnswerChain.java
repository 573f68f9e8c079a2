package ai.honeyhive.examples.assistant;

import ai.honeyhive.cdi.Traced;
import ai.honeyhive.tracer.EventType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.Collectors;

/** The answer chain: retrieval, then the model, asked to answer from the articles found. */
@ApplicationScoped
public class AnswerChain {

    @Inject
    KnowledgeBase knowledgeBase;

    @Inject
    AnswerModel model;

    @Traced(name = "answer_question", eventType = EventType.CHAIN)
    public Uni<Answer> answer(String question) {
        // Retrieval starts now, while this chain's span is current, so it becomes the chain's child.
        return Uni.createFrom()
                .completionStage(knowledgeBase.retrieve(question))
                .chain(sources -> model.complete(articles(sources), question).map(text -> new Answer(text, sources)));
    }

    private String articles(List<String> sources) {
        return sources.stream()
                .map(title -> "- " + knowledgeBase.article(title).body())
                .collect(Collectors.joining("\n"));
    }
}
