package ai.honeyhive.it.quarkus.openai;

import ai.honeyhive.cdi.Traced;
import ai.honeyhive.tracer.EventType;
import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.stream.Collectors;

/** A traced bean that asks the model through the injected, instrumented client, in one piece or streamed. */
@ApplicationScoped
public class Advisor {

    static final String MODEL = "gpt-4o-mini";

    @Inject
    OpenAIClient client;

    @Traced(name = "Advisor.advise", eventType = EventType.CHAIN)
    public String advise(String question) {
        return client.chat()
                .completions()
                .create(question(question))
                .choices()
                .get(0)
                .message()
                .content()
                .orElse("");
    }

    @Traced(name = "Advisor.adviseStreamed", eventType = EventType.CHAIN)
    public String adviseStreamed(String question) {
        try (StreamResponse<ChatCompletionChunk> stream =
                client.chat().completions().createStreaming(question(question))) {
            return stream.stream()
                    .flatMap(chunk -> chunk.choices().stream())
                    .map(choice -> choice.delta().content().orElse(""))
                    .collect(Collectors.joining());
        }
    }

    private static ChatCompletionCreateParams question(String question) {
        return ChatCompletionCreateParams.builder()
                .model(MODEL)
                .addUserMessage(question)
                .build();
    }
}
