package ai.honeyhive.examples.assistant;

import ai.honeyhive.cdi.Traced;
import ai.honeyhive.tracer.EventType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.Collectors;

/** The answer chain: retrieval, a prompt built from what was found, then the model. */
@ApplicationScoped
public class AnswerChain {

    @Inject
    KnowledgeBase knowledgeBase;

    @Inject
    ChatModel model;

    @Traced(name = "answer_question", eventType = EventType.CHAIN)
    public Uni<Answer> answer(String question) {
        // Retrieval starts now, while this chain's span is current, so it becomes the chain's child.
        return Uni.createFrom()
                .completionStage(knowledgeBase.retrieve(question))
                .chain(sources -> model.complete(prompt(question, sources))
                        .map(completion -> new Answer(completion.text(), sources)));
    }

    private String prompt(String question, List<String> sources) {
        String context = sources.stream()
                .map(title -> "- " + knowledgeBase.article(title).body())
                .collect(Collectors.joining("\n"));
        return "Answer the customer from these articles only.\n" + context + "\n" + question;
    }
}
