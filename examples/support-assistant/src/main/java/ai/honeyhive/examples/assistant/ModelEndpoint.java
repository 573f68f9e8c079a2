package ai.honeyhive.examples.assistant;

import ai.honeyhive.testing.OpenAiStandIn;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where the model is: OpenAI (or any compatible service) when {@code OPENAI_API_KEY} is set, with {@code
 * OPENAI_BASE_URL} and {@code OPENAI_MODEL} choosing the service and the model; otherwise an OpenAI-compatible stand-in
 * on loopback, started in this process, so that the demo needs no key and no network. The stand-in answers from the
 * articles in the system message, after a delay that depends only on the question, and refuses legal questions with
 * an error, as a provider's content policy would.
 */
@ApplicationScoped
public class ModelEndpoint {

    static final String STAND_IN_MODEL = "support-model-small";
    static final String REFUSAL = "the model declined: legal advice is out of scope";

    private static final String FALLBACK = "I could not find this in the help centre; a colleague will follow up.";

    private final @Nullable OpenAiStandIn standIn;
    private final String baseUrl;
    private final String apiKey;
    private final String model;

    ModelEndpoint() {
        Optional<String> key = env("OPENAI_API_KEY");
        if (key.isPresent()) {
            standIn = null;
            apiKey = key.get();
            baseUrl = env("OPENAI_BASE_URL").orElse("https://api.openai.com/v1");
            model = env("OPENAI_MODEL").orElse("gpt-4o-mini");
        } else {
            standIn = OpenAiStandIn.start().answerWith(ModelEndpoint::answer);
            apiKey = "sk-demo-stand-in";
            baseUrl = standIn.baseUrl();
            model = STAND_IN_MODEL;
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String apiKey() {
        return apiKey;
    }

    public String model() {
        return model;
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (standIn != null) {
            standIn.close();
        }
    }

    private static String answer(JsonNode request) {
        String articles = "";
        String question = "";
        for (JsonNode message : request.path("messages")) {
            switch (message.path("role").asText()) {
                case "system" -> articles = message.path("content").asText();
                case "user" -> question = message.path("content").asText();
                default -> {}
            }
        }
        pause(Duration.ofMillis(10 + Math.floorMod(question.hashCode(), 30)));
        if (question.toLowerCase(Locale.ROOT).contains("legal")) {
            throw new IllegalArgumentException(REFUSAL);
        }
        return articles.lines()
                .filter(line -> line.startsWith("- "))
                .findFirst()
                .map(line -> line.substring(2))
                .orElse(FALLBACK);
    }

    /** A model takes a while; how long depends only on the question, so every run looks the same. */
    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank());
    }
}
