package ai.honeyhive.genai.jaxrs;

import ai.honeyhive.cdi.Traced;
import ai.honeyhive.tracer.EventType;
import com.openai.client.OpenAIClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A traced bean that asks the model through the injected, instrumented client. */
@ApplicationScoped
public class Advisor {

    @Inject
    OpenAIClient client;

    @Traced(name = "Advisor.advise", eventType = EventType.CHAIN)
    public String advise(String question) {
        return client.chat()
                .completions()
                .create(ChatCompletionCreateParams.builder()
                        .model("gpt-4o-mini")
                        .addUserMessage(question)
                        .build())
                .choices()
                .get(0)
                .message()
                .content()
                .orElse("");
    }
}
