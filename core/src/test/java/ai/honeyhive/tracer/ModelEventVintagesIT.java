package ai.honeyhive.tracer;

import static ai.honeyhive.testing.HoneyHiveAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.testing.RecordedSpan;
import ai.honeyhive.testing.RecordingHoneyHiveServer;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The wire contract's table of key vintages: one model call, written by hand in each vintage on a span of the
 * tracer's provider (as that producer writes it), normalises to the same HoneyHive bucket keys at the recording
 * server.
 */
class ModelEventVintagesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SYSTEM = "Answer in one sentence.";
    private static final String QUESTION = "How long do refunds take?";
    private static final String ANSWER = "Up to 30 days.";
    private static final List<Map<String, String>> HISTORY =
            List.of(Map.of("role", "system", "content", SYSTEM), Map.of("role", "user", "content", QUESTION));

    private final RecordingHoneyHiveServer server = RecordingHoneyHiveServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    static Stream<Arguments> vintages() {
        return Stream.of(
                Arguments.of(
                        "GenAI semconv 1.37+",
                        Attributes.builder()
                                .put("gen_ai.provider.name", "openai")
                                .put("gen_ai.request.model", "gpt-4o-mini")
                                .put("gen_ai.response.model", "gpt-4o-mini-2024-07-18")
                                .put("gen_ai.request.temperature", 0.2)
                                .put("gen_ai.request.max_tokens", 100L)
                                .put("gen_ai.usage.input_tokens", 21L)
                                .put("gen_ai.usage.output_tokens", 5L)
                                .put(
                                        "gen_ai.system_instructions",
                                        "[{\"type\":\"text\",\"content\":\"" + SYSTEM + "\"}]")
                                .put(
                                        "gen_ai.input.messages",
                                        "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"" + QUESTION
                                                + "\"}]}]")
                                .put(
                                        "gen_ai.output.messages",
                                        "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\"," + "\"content\":\""
                                                + ANSWER + "\"}],\"finish_reason\":\"stop\"}]")
                                .build()),
                Arguments.of(
                        "Traceloop",
                        Attributes.builder()
                                .put("gen_ai.system", "openai")
                                .put("gen_ai.request.model", "gpt-4o-mini")
                                .put("gen_ai.response.model", "gpt-4o-mini-2024-07-18")
                                .put("gen_ai.request.temperature", 0.2)
                                .put("gen_ai.request.max_tokens", 100L)
                                .put("gen_ai.usage.prompt_tokens", 21L)
                                .put("gen_ai.usage.completion_tokens", 5L)
                                .put("gen_ai.prompt.0.role", "system")
                                .put("gen_ai.prompt.0.content", SYSTEM)
                                .put("gen_ai.prompt.1.role", "user")
                                .put("gen_ai.prompt.1.content", QUESTION)
                                .put("gen_ai.completion.0.role", "assistant")
                                .put("gen_ai.completion.0.content", ANSWER)
                                .put("gen_ai.completion.0.finish_reason", "stop")
                                .build()),
                Arguments.of(
                        "OpenInference",
                        Attributes.builder()
                                .put("openinference.span.kind", "LLM")
                                .put("llm.provider", "openai")
                                .put("llm.model_name", "gpt-4o-mini-2024-07-18")
                                .put("llm.invocation_parameters", "{\"temperature\":0.2,\"max_tokens\":100}")
                                .put("llm.token_count.prompt", 21L)
                                .put("llm.token_count.completion", 5L)
                                .put("llm.input_messages.0.message.role", "system")
                                .put("llm.input_messages.0.message.content", SYSTEM)
                                .put("llm.input_messages.1.message.role", "user")
                                .put("llm.input_messages.1.message.content", QUESTION)
                                .put("llm.output_messages.0.message.role", "assistant")
                                .put("llm.output_messages.0.message.content", ANSWER)
                                .build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vintages")
    void everyVintageNormalisesToTheSameBucketKeys(String vintage, Attributes written) throws Exception {
        RecordedSpan span = export(written);

        assertThat(span)
                .hasEventType("model")
                .hasAttribute("honeyhive_config.model", "gpt-4o-mini-2024-07-18")
                .hasAttribute("honeyhive_config.provider", "openai")
                .hasAttribute("honeyhive_config.temperature", 0.2)
                .hasAttribute("honeyhive_config.max_tokens", 100L)
                .hasAttribute("honeyhive_metadata.input_tokens", 21L)
                .hasAttribute("honeyhive_metadata.prompt_tokens", 21L)
                .hasAttribute("honeyhive_metadata.output_tokens", 5L)
                .hasAttribute("honeyhive_metadata.completion_tokens", 5L)
                .hasAttribute("honeyhive_metadata.total_tokens", 26L)
                .hasAttribute("honeyhive_outputs.role", "assistant")
                .hasAttribute("honeyhive_outputs.content", ANSWER);
        assertThat(JSON.readValue(span.stringAttribute("honeyhive_inputs.chat_history"), List.class))
                .as(vintage)
                .isEqualTo(HISTORY);
        written.forEach((key, value) -> assertThat(span.attributes()).as("kept").containsKey(key.getKey()));
    }

    @Test
    void quarkusLangchain4jsLegacyPromptTextAndToolSpansToo() throws Exception {
        RecordedSpan chat = export(Attributes.builder()
                .put("gen_ai.system", "openai")
                .put("gen_ai.request.model", "gpt-4o-mini")
                .put("gen_ai.usage.prompt_tokens", 12L)
                .put("gen_ai.usage.completion_tokens", 7L)
                .put("gen_ai.prompt", QUESTION)
                .put("gen_ai.completion", ANSWER)
                .build());
        assertThat(chat)
                .hasEventType("model")
                .hasAttribute("honeyhive_outputs.content", ANSWER)
                .hasAttribute("honeyhive_metadata.total_tokens", 19L);
        assertThat(JSON.readValue(chat.stringAttribute("honeyhive_inputs.chat_history"), List.class))
                .isEqualTo(List.of(Map.of("role", "user", "content", QUESTION)));

        server.reset();
        RecordedSpan tool = export(Attributes.builder()
                .put("gen_ai.operation.name", "execute_tool")
                .put("gen_ai.tool.name", "lookup_policy")
                .put("gen_ai.tool.call.arguments", "{\"topic\":\"refunds\",\"limit\":3}")
                .put("gen_ai.tool.call.result", "Refunds: 30 days.")
                .build());
        assertThat(tool)
                .hasEventType("tool")
                .hasAttribute("honeyhive_config.tool_name", "lookup_policy")
                .hasInput("topic", "refunds")
                .hasInput("limit", 3L)
                .hasOutput("result", "Refunds: 30 days.");
    }

    @Test
    void theVintageThatWritesPromptAndCompletionAsSpanEventsIsReadAndWithCaptureOffNotExported() throws Exception {
        for (boolean capture : new boolean[] {true, false}) {
            server.reset();
            try (HoneyHiveTracer tracer =
                    TestTracers.against(server).genaiCaptureContent(capture).build()) {
                Span span = tracer.provider()
                        .get("producer")
                        .spanBuilder("chat gpt-4o-mini")
                        .setAttribute("gen_ai.system", "openai")
                        .setAttribute("gen_ai.request.model", "gpt-4o-mini")
                        .startSpan();
                span.addEvent(
                        "gen_ai.content.prompt", Attributes.of(AttributeKey.stringKey("gen_ai.prompt"), QUESTION));
                span.addEvent(
                        "gen_ai.content.completion",
                        Attributes.of(AttributeKey.stringKey("gen_ai.completion"), ANSWER));
                span.end();
                assertThat(tracer.flush(TestTracers.WAIT)).isTrue();
            }
            RecordedSpan chat = server.span("chat gpt-4o-mini");
            String sent = server.requests().stream()
                    .map(request -> new String(request.body(), StandardCharsets.ISO_8859_1))
                    .reduce("", String::concat);
            if (capture) {
                assertThat(chat).hasAttribute("honeyhive_outputs.content", ANSWER);
                assertThat(chat.stringAttribute("honeyhive_inputs.chat_history"))
                        .contains(QUESTION);
                assertThat(chat.events()).hasSize(2);
            } else {
                assertThat(chat).hasNoAttribute("honeyhive_outputs.content");
                assertThat(chat.events()).isEmpty();
                assertThat(sent).doesNotContain(QUESTION).doesNotContain(ANSWER);
            }
        }
    }

    @Test
    void aChatHistoryOverItsCapIsCutAtAMessageBoundaryAndMalformedJsonCostsOnlyItsKeys() throws Exception {
        StringBuilder messages = new StringBuilder("[");
        for (int i = 0; i < 10_000; i++) {
            messages.append(i == 0 ? "" : ",")
                    .append(i == 0 ? "{\"role\":\"system\"" : "{\"role\":\"user\"")
                    .append(",\"parts\":[{\"type\":\"text\",\"content\":\"message ")
                    .append(i)
                    .append("\"}]}");
        }
        RecordedSpan long10k = export(Attributes.builder()
                .put("gen_ai.request.model", "gpt-4o-mini")
                .put("gen_ai.input.messages", messages.append(']').toString())
                .put("gen_ai.output.messages", "{not json")
                .build());
        String history = long10k.stringAttribute("honeyhive_inputs.chat_history");
        assertThat(history.length()).isLessThanOrEqualTo(64 * 1024);
        List<?> kept = JSON.readValue(history, List.class);
        // The system prompt and the latest messages are kept, the oldest after the prompt left out.
        assertThat(kept.get(0).toString()).contains("system").contains("message 0");
        assertThat(kept.get(1).toString()).contains("earlier messages left out: over 65536 characters");
        assertThat(kept.get(kept.size() - 1).toString()).contains("message 9999");
        assertThat(long10k)
                .hasAttribute("honeyhive_config.model", "gpt-4o-mini")
                .hasNoAttribute("honeyhive_outputs.role");
    }

    @Test
    void aDeveloperPromptIsKeptAndWhenTheLongestMessageHasNoTextTheNextLongestIsCut() throws Exception {
        String prompt = "Answer as the support desk. ".repeat(1_100);
        String arguments = "{\"query\":\"" + "refund ".repeat(6_000) + "\"}";
        String messages = JSON.writeValueAsString(List.of(
                Map.of("role", "developer", "parts", List.of(Map.of("type", "text", "content", prompt))),
                Map.of("role", "user", "parts", List.of(Map.of("type", "text", "content", "where is my refund?"))),
                Map.of(
                        "role",
                        "assistant",
                        "parts",
                        List.of(Map.of(
                                "type", "tool_call", "id", "call-1", "name", "lookup", "arguments", arguments)))));
        RecordedSpan chat = export(Attributes.builder()
                .put("gen_ai.request.model", "gpt-4o-mini")
                .put("gen_ai.input.messages", messages)
                .build());

        String history = chat.stringAttribute("honeyhive_inputs.chat_history");
        assertThat(history.length()).isLessThanOrEqualTo(64 * 1024);
        List<Map<String, Object>> kept = JSON.readValue(history, new TypeReference<>() {});
        assertThat(kept).extracting(message -> message.get("role")).containsExactly("developer", "system", "assistant");
        assertThat(kept.get(0).get("content").toString())
                .as("the prompt, cut since the tool call has no text to cut")
                .startsWith("Answer as the support desk.")
                .endsWith("...[truncated]")
                .hasSizeLessThan(prompt.length());
        assertThat(kept.get(1).get("content").toString()).contains("1 earlier messages left out");
        assertThat(kept.get(2).toString()).contains("lookup").contains("refund refund");
    }

    private RecordedSpan export(Attributes attributes) {
        try (HoneyHiveTracer tracer =
                TestTracers.against(server).maxAttributeValueLength(1024 * 1024).build()) {
            Span span = tracer.provider()
                    .get("producer")
                    .spanBuilder("chat gpt-4o-mini")
                    .startSpan();
            attributes.forEach((key, value) -> set(span, key, value));
            span.end();
            assertThat(tracer.flush(TestTracers.WAIT)).isTrue();
        }
        return server.span("chat gpt-4o-mini");
    }

    @SuppressWarnings("unchecked")
    private static void set(Span span, AttributeKey<?> key, Object value) {
        span.setAttribute((AttributeKey<Object>) key, value);
    }
}
