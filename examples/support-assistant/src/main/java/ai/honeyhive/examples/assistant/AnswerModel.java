package ai.honeyhive.examples.assistant;

import ai.honeyhive.genai.HoneyHiveChatModelListener;
import ai.honeyhive.tracer.HoneyHiveTracer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The model step: a LangChain4j streaming chat model, an OpenAI client, with HoneyHive's listener. The listener makes
 * each call a HoneyHive model event (chat history, completion, model, tokens) under the span current when the call is
 * made, and ends it when the stream completes or fails; the application code is only LangChain4j's.
 */
@ApplicationScoped
public class AnswerModel {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StreamingChatModel model;

    @Inject
    AnswerModel(ModelEndpoint endpoint, HoneyHiveTracer tracer) {
        this.model = OpenAiStreamingChatModel.builder()
                .baseUrl(endpoint.baseUrl())
                .apiKey(endpoint.apiKey())
                .modelName(endpoint.model())
                .temperature(0.0)
                .maxTokens(256)
                .timeout(Duration.ofSeconds(20))
                .listeners(List.of(new HoneyHiveChatModelListener(tracer)))
                .build();
    }

    /** Asks the model to answer the question from the articles; the reply streams in on the client's thread. */
    public Uni<String> complete(String articles, String question) {
        CompletableFuture<String> reply = new CompletableFuture<>();
        model.chat(
                List.of(
                        SystemMessage.from("Answer the customer from these articles only.\n" + articles),
                        UserMessage.from(question)),
                new StreamingChatResponseHandler() {
                    @Override
                    public void onPartialResponse(String partial) {}

                    @Override
                    public void onCompleteResponse(ChatResponse response) {
                        reply.complete(response.aiMessage().text());
                    }

                    @Override
                    public void onError(Throwable error) {
                        reply.completeExceptionally(
                                error instanceof InvalidRequestException refused
                                        ? new ModelRefusedException(reason(refused))
                                        : error);
                    }
                });
        return Uni.createFrom().completionStage(reply);
    }

    /** The provider's reason, from the OpenAI error body LangChain4j gives as the message. */
    private static String reason(InvalidRequestException refused) {
        try {
            return JSON.readTree(refused.getMessage())
                    .path("error")
                    .path("message")
                    .asText(refused.getMessage());
        } catch (JsonProcessingException | RuntimeException notJson) {
            return String.valueOf(refused.getMessage());
        }
    }
}
