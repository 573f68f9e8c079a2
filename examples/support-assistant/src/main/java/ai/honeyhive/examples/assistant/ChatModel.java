package ai.honeyhive.examples.assistant;

import ai.honeyhive.cdi.Traced;
import ai.honeyhive.tracer.EventType;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * A deterministic, in-process stand-in for a chat model, so the demo needs no key and no network. It records the
 * {@code gen_ai.*} attributes of the OpenTelemetry GenAI conventions that a real model client sets, answers after a
 * short delay on another thread, and refuses legal questions, so that some requests fail.
 */
@ApplicationScoped
public class ChatModel {

    static final String MODEL = "support-model-small";

    private static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("gen_ai.system");
    private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("gen_ai.operation.name");
    private static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
    private static final AttributeKey<Double> TEMPERATURE = AttributeKey.doubleKey("gen_ai.request.temperature");
    private static final AttributeKey<Long> MAX_TOKENS = AttributeKey.longKey("gen_ai.request.max_tokens");
    private static final AttributeKey<String> RESPONSE_MODEL = AttributeKey.stringKey("gen_ai.response.model");
    private static final AttributeKey<List<String>> FINISH_REASONS =
            AttributeKey.stringArrayKey("gen_ai.response.finish_reasons");
    private static final AttributeKey<Long> INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
    private static final AttributeKey<Long> OUTPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.output_tokens");

    @Traced(name = "generate_answer", eventType = EventType.MODEL)
    public Uni<Completion> complete(String prompt) {
        // The span @Traced started for this call: the reply arrives on another thread, where it is not current.
        Span span = Span.current();
        span.setAttribute(SYSTEM, "demo-stand-in");
        span.setAttribute(OPERATION, "chat");
        span.setAttribute(REQUEST_MODEL, MODEL);
        span.setAttribute(TEMPERATURE, 0.0);
        span.setAttribute(MAX_TOKENS, 256L);
        return Uni.createFrom()
                .item(() -> reply(prompt))
                // A model takes a while; how long depends only on the prompt, so every run looks the same.
                .onItem()
                .delayIt()
                .by(Duration.ofMillis(10 + Math.floorMod(prompt.hashCode(), 30)))
                .invoke(completion -> {
                    span.setAttribute(RESPONSE_MODEL, MODEL);
                    span.setAttribute(FINISH_REASONS, List.of("stop"));
                    span.setAttribute(INPUT_TOKENS, (long) completion.inputTokens());
                    span.setAttribute(OUTPUT_TOKENS, (long) completion.outputTokens());
                });
    }

    private static Completion reply(String prompt) {
        String question = prompt.substring(prompt.lastIndexOf('\n') + 1);
        if (question.toLowerCase(Locale.ROOT).contains("legal")) {
            throw new ModelRefusedException("the model declined: legal advice is out of scope");
        }
        String context = prompt.lines()
                .filter(line -> line.startsWith("- "))
                .findFirst()
                .map(line -> line.substring(2))
                .orElse("I could not find this in the help centre; a colleague will follow up.");
        return new Completion(context, words(prompt), words(context));
    }

    private static int words(String text) {
        return text.split("\\s+").length;
    }
}
