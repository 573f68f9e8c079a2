package ai.honeyhive.genai;

import static ai.honeyhive.testing.HoneyHiveAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.testing.OpenAiStandIn;
import ai.honeyhive.testing.RecordedSpan;
import ai.honeyhive.testing.RecordingHoneyHiveServer;
import ai.honeyhive.tracer.HoneyHiveTracer;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;

/**
 * What the tests of the LLM clients share: the tracer they trace with, the question they ask the stand-in and the
 * model event its answer must become, whichever client asked.
 */
public final class GenAiTests {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String SYSTEM_PROMPT = "Answer in one sentence.";
    static final String QUESTION = "How long do refunds take?";
    static final double TEMPERATURE = 0.2;
    static final int MAX_TOKENS = 100;

    private static final ObjectMapper JSON = new ObjectMapper();

    private GenAiTests() {}

    /** A tracer sending to the recording server, its spans exported every 50 ms. */
    static HoneyHiveTracer.Builder tracer(RecordingHoneyHiveServer honeyhive) {
        return HoneyHiveTracer.builder()
                .environment(Map.of())
                .serverUrl(honeyhive.baseUrl())
                .apiKey("hh-genai-key")
                .project("support-bot")
                .shutdownHook(false)
                .batchScheduleDelay(Duration.ofMillis(50));
    }

    /**
     * The same settings as MicroProfile Config, with the application's own, registered for the CDI extension to read;
     * release it after the test.
     */
    public static SmallRyeConfig registerConfig(RecordingHoneyHiveServer honeyhive, Map<String, String> application) {
        Map<String, String> properties = new java.util.HashMap<>(application);
        properties.putAll(Map.of(
                "honeyhive.api-key", "cdi-key",
                "honeyhive.project", "support-bot",
                "honeyhive.server-url", honeyhive.baseUrl(),
                "honeyhive.batch.schedule-delay", "50"));
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build();
        ConfigProviderResolver.instance()
                .registerConfig(config, Thread.currentThread().getContextClassLoader());
        return config;
    }

    /**
     * The model event of {@link #QUESTION} (after {@link #SYSTEM_PROMPT}, at {@link #TEMPERATURE} and {@link
     * #MAX_TOKENS}) answered by the stand-in: under the parent, in the session, with HoneyHive's keys.
     */
    static void assertAnsweredQuestion(RecordedSpan model, RecordedSpan parent, String session) throws Exception {
        assertThat(model)
                .hasParent(parent)
                .hasSessionId(session)
                .hasEventType("model")
                .hasAttribute("honeyhive_outputs.role", "assistant")
                .hasAttribute("honeyhive_outputs.content", OpenAiStandIn.DEFAULT_ANSWER)
                .hasAttribute("honeyhive_outputs.finish_reason", "stop")
                .hasAttribute("honeyhive_config.model", "gpt-4o-mini")
                .hasAttribute("honeyhive_config.provider", "openai")
                .hasAttribute("honeyhive_config.temperature", TEMPERATURE)
                .hasAttribute("honeyhive_config.max_tokens", (long) MAX_TOKENS)
                .hasAttribute("honeyhive_metadata.input_tokens", (long) OpenAiStandIn.PROMPT_TOKENS)
                .hasAttribute("honeyhive_metadata.output_tokens", 10L)
                .hasAttribute("honeyhive_metadata.total_tokens", OpenAiStandIn.PROMPT_TOKENS + 10L);
        assertThat(chatHistory(model))
                .containsExactly(
                        Map.of("role", "system", "content", SYSTEM_PROMPT),
                        Map.of("role", "user", "content", QUESTION));
    }

    /** A LangChain4j OpenAI chat model calling the stand-in as {@code gpt-4o-mini}, with HoneyHive's listener. */
    static OpenAiChatModel.OpenAiChatModelBuilder chatModel(OpenAiStandIn openAi, HoneyHiveTracer tracer) {
        return OpenAiChatModel.builder()
                .baseUrl(openAi.baseUrl())
                .apiKey("sk-test")
                .modelName("gpt-4o-mini")
                .listeners(List.of(new HoneyHiveChatModelListener(tracer)));
    }

    /** The span's {@code honeyhive_inputs.chat_history}, parsed. */
    static List<Map<String, Object>> chatHistory(RecordedSpan span) throws Exception {
        String history = span.stringAttribute("honeyhive_inputs.chat_history");
        assertThat(history).as("honeyhive_inputs.chat_history of " + span).isNotNull();
        return JSON.readValue(history, JSON.getTypeFactory().constructCollectionType(List.class, Map.class));
    }
}
