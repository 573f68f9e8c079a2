package ai.honeyhive.genai;

import static ai.honeyhive.genai.GenAiTests.MAX_TOKENS;
import static ai.honeyhive.genai.GenAiTests.QUESTION;
import static ai.honeyhive.genai.GenAiTests.SYSTEM_PROMPT;
import static ai.honeyhive.genai.GenAiTests.TEMPERATURE;
import static ai.honeyhive.genai.GenAiTests.WAIT;
import static ai.honeyhive.genai.GenAiTests.assertAnsweredQuestion;
import static ai.honeyhive.genai.GenAiTests.chatHistory;
import static ai.honeyhive.testing.HoneyHiveAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.honeyhive.testing.OpenAiStandIn;
import ai.honeyhive.testing.RecordedSpan;
import ai.honeyhive.testing.RecordingHoneyHiveServer;
import ai.honeyhive.tracer.EventType;
import ai.honeyhive.tracer.HoneyHiveTracer;
import ai.honeyhive.tracer.SessionScope;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The real {@code openai-java} client, instrumented by OpenTelemetry's wrapper through {@link HoneyHiveOpenAi},
 * against an OpenAI-compatible stand-in on loopback: its model spans reach the recording server as complete HoneyHive
 * model events, decoded with the real OTLP classes.
 */
class OpenAiClientIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RecordingHoneyHiveServer honeyhive = RecordingHoneyHiveServer.start();
    private final OpenAiStandIn openAi = OpenAiStandIn.start();

    @AfterEach
    void stop() {
        openAi.close();
        honeyhive.close();
    }

    private HoneyHiveTracer.Builder tracer() {
        return GenAiTests.tracer(honeyhive);
    }

    private OpenAIClient client(HoneyHiveTracer tracer) {
        return HoneyHiveOpenAi.instrument(
                tracer,
                OpenAIOkHttpClient.builder()
                        .baseUrl(openAi.baseUrl())
                        .apiKey("sk-test")
                        .maxRetries(0)
                        .build());
    }

    private static ChatCompletionCreateParams.Builder question() {
        return ChatCompletionCreateParams.builder()
                .model("gpt-4o-mini")
                .addSystemMessage(SYSTEM_PROMPT)
                .addUserMessage(QUESTION)
                .temperature(TEMPERATURE)
                .maxCompletionTokens(MAX_TOKENS);
    }

    @Test
    void aChatCompletionIsAModelEventWithItsChatHistoryOutputModelSettingsAndTokens() throws Exception {
        String session;
        try (HoneyHiveTracer tracer = tracer().build()) {
            OpenAIClient client = client(tracer);
            session = tracer.sessionId();
            ChatCompletion completion = tracer.trace("answer", EventType.CHAIN, () -> client.chat()
                    .completions()
                    .create(question().build()));
            assertThat(completion.choices().get(0).message().content()).contains(OpenAiStandIn.DEFAULT_ANSWER);
            assertThat(tracer.flush(WAIT)).isTrue();
        }

        RecordedSpan model = modelSpan();
        assertAnsweredQuestion(model, honeyhive.span("answer"), session);
        assertThat(model)
                .hasAttribute("honeyhive_metadata.prompt_tokens", (long) OpenAiStandIn.PROMPT_TOKENS)
                .hasAttribute("honeyhive_metadata.completion_tokens", 10L)
                .hasAttribute("honeyhive_metadata.response_id", "chatcmpl-1");
        // The producer's own keys stay.
        assertThat(model).hasAttribute("gen_ai.request.model", "gpt-4o-mini");
    }

    @Test
    void aStreamedCompletionIsOneModelEventWhoseOutputIsTheConcatenatedDeltas() throws Exception {
        openAi.answer("Refunds are paid back within thirty days.");
        StringBuilder streamed = new StringBuilder();
        try (HoneyHiveTracer tracer = tracer().build()) {
            OpenAIClient client = client(tracer);
            ChatCompletionCreateParams params = question()
                    .streamOptions(ChatCompletionStreamOptions.builder()
                            .includeUsage(true)
                            .build())
                    .build();
            try (StreamResponse<ChatCompletionChunk> stream =
                    client.chat().completions().createStreaming(params)) {
                stream.stream()
                        .flatMap(chunk -> chunk.choices().stream())
                        .forEach(choice -> choice.delta().content().ifPresent(streamed::append));
            }
            assertThat(tracer.flush(WAIT)).isTrue();
        }

        assertThat(streamed).hasToString("Refunds are paid back within thirty days.");
        RecordedSpan model = modelSpan();
        assertThat(model)
                .hasAttribute("honeyhive_outputs.content", "Refunds are paid back within thirty days.")
                .hasAttribute("honeyhive_outputs.finish_reason", "stop")
                .hasAttribute("honeyhive_metadata.input_tokens", (long) OpenAiStandIn.PROMPT_TOKENS)
                .hasAttribute("honeyhive_metadata.output_tokens", 7L);
        assertThat(chatHistory(model)).hasSize(2);
    }

    @Test
    void aStreamClosedHalfWayIsOneModelEventEndedOnceAndItsCloseDoesNotThrow() throws Exception {
        StringBuilder received = new StringBuilder();
        try (HoneyHiveTracer tracer = tracer().build()) {
            OpenAIClient client = client(tracer);
            try (StreamResponse<ChatCompletionChunk> stream =
                    client.chat().completions().createStreaming(question().build())) {
                stream.stream()
                        .limit(3)
                        .flatMap(chunk -> chunk.choices().stream())
                        .forEach(choice -> choice.delta().content().ifPresent(received::append));
            }
            assertThat(tracer.flush(WAIT)).isTrue();
        }
        assertThat(OpenAiStandIn.DEFAULT_ANSWER).startsWith(received.toString());
        assertThat(honeyhive.spans().stream().filter(span -> "model".equals(span.eventType())))
                .singleElement()
                .satisfies(model -> assertThat(chatHistory(model)).hasSize(2));
    }

    @Test
    void aStreamBrokenOffMidStreamIsOneFailedModelEventAndTheClientsExceptionReachesTheCaller() throws Exception {
        openAi.breakStreamsAfter(2);
        try (HoneyHiveTracer tracer = tracer().build()) {
            OpenAIClient client = client(tracer);
            assertThatThrownBy(() -> {
                        try (StreamResponse<ChatCompletionChunk> stream = client.chat()
                                .completions()
                                .createStreaming(question().build())) {
                            stream.stream().forEach(chunk -> {});
                        }
                    })
                    .isInstanceOf(RuntimeException.class);
            assertThat(tracer.flush(WAIT)).isTrue();
        }

        assertThat(honeyhive.spans().stream().filter(span -> "model".equals(span.eventType())))
                .as("one span for the streamed call, ended once")
                .singleElement()
                .satisfies(model -> {
                    assertThat(model.statusCode()).isEqualTo("STATUS_CODE_ERROR");
                    assertThat(chatHistory(model)).hasSize(2);
                });
    }

    @Test
    void aHundredConcurrentStreamsInAHundredSessionsEachLandInTheirOwnSessionUnderTheirOwnParent() throws Exception {
        Map<String, String> sessionByChain = new java.util.concurrent.ConcurrentHashMap<>();
        try (HoneyHiveTracer tracer = tracer().batchMaxQueueSize(10_000).build()) {
            OpenAIClient client = client(tracer);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
            try {
                List<java.util.concurrent.Future<?>> calls = new java.util.ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    int call = i;
                    calls.add(pool.submit(() -> {
                        try (SessionScope session = tracer.withSession("chat-" + call)) {
                            tracer.trace("chat-" + call, EventType.CHAIN, () -> {
                                sessionByChain.put("chat-" + call, session.sessionId());
                                StringBuilder text = new StringBuilder();
                                try (StreamResponse<ChatCompletionChunk> stream = client.chat()
                                        .completions()
                                        .createStreaming(question().build())) {
                                    stream.stream()
                                            .flatMap(chunk -> chunk.choices().stream())
                                            .forEach(choice ->
                                                    choice.delta().content().ifPresent(text::append));
                                }
                                assertThat(text).hasToString(OpenAiStandIn.DEFAULT_ANSWER);
                            });
                        }
                        return null;
                    }));
                }
                for (java.util.concurrent.Future<?> call : calls) {
                    call.get();
                }
            } finally {
                pool.shutdown();
            }
            assertThat(tracer.flush(WAIT)).isTrue();
        }

        Map<String, RecordedSpan> byId =
                honeyhive.spans().stream().collect(Collectors.toMap(RecordedSpan::spanId, span -> span));
        List<RecordedSpan> models = honeyhive.spans().stream()
                .filter(span -> "model".equals(span.eventType()))
                .toList();
        assertThat(models).hasSize(100);
        assertThat(models).allSatisfy(model -> {
            RecordedSpan chain = byId.get(model.parentSpanId());
            assertThat(chain).as("the parent of " + model).isNotNull();
            assertThat(model).hasSessionId(sessionByChain.get(chain.name()));
            assertThat(model).hasAttribute("honeyhive_outputs.content", OpenAiStandIn.DEFAULT_ANSWER);
            assertThat(chatHistory(model)).hasSize(2);
        });
    }

    @Test
    void aToolCallAndItsResultAreInTheOutputAndInTheNextCallsChatHistory() throws Exception {
        ChatCompletionFunctionTool lookup = ChatCompletionFunctionTool.builder()
                .function(FunctionDefinition.builder()
                        .name("lookup_policy")
                        .description("Looks up a policy")
                        .parameters(FunctionParameters.builder()
                                .putAdditionalProperty("type", JsonValue.from("object"))
                                .build())
                        .build())
                .build();
        try (HoneyHiveTracer tracer = tracer().build()) {
            OpenAIClient client = client(tracer);
            ChatCompletion first = client.chat()
                    .completions()
                    .create(question().addTool(lookup).build());
            ChatCompletionMessageToolCall call =
                    first.choices().get(0).message().toolCalls().orElseThrow().get(0);
            client.chat()
                    .completions()
                    .create(question()
                            .addTool(lookup)
                            .addMessage(first.choices().get(0).message())
                            .addMessage(ChatCompletionToolMessageParam.builder()
                                    .toolCallId(call.asFunction().id())
                                    .content("Refunds: 30 days.")
                                    .build())
                            .build());
            assertThat(tracer.flush(WAIT)).isTrue();
        }

        List<RecordedSpan> models = honeyhive.spans().stream()
                .filter(span -> "model".equals(span.eventType()))
                .sorted((a, b) -> Long.compare(a.startEpochNanos(), b.startEpochNanos()))
                .toList();
        assertThat(models).hasSize(2);
        assertThat(models.get(0)).hasAttribute("honeyhive_outputs.finish_reason", "tool_calls");
        JsonNode toolCalls = JSON.readTree(models.get(0).stringAttribute("honeyhive_outputs.tool_calls"));
        assertThat(toolCalls.get(0).at("/function/name").asText()).isEqualTo("lookup_policy");
        assertThat(toolCalls.get(0).at("/function/arguments").asText()).isEqualTo("{\"query\":\"refunds\"}");
        assertThat(toolCalls.get(0).get("id").asText()).isEqualTo("call_1");

        List<Map<String, Object>> history = chatHistory(models.get(1));
        assertThat(history)
                .extracting(message -> message.get("role"))
                .containsExactly("system", "user", "assistant", "tool");
        assertThat(history.get(3))
                .containsEntry("tool_call_id", "call_1")
                .containsEntry("content", "Refunds: 30 days.");
        assertThat(history.get(2)).containsKey("tool_calls");
    }

    @Test
    void withContentCaptureOffNoMessageTextLeavesTheProcessButRolesSettingsAndTokensDo() throws Exception {
        try (HoneyHiveTracer tracer = tracer().genaiCaptureContent(false).build()) {
            client(tracer).chat().completions().create(question().build());
            assertThat(tracer.flush(WAIT)).isTrue();
        }

        RecordedSpan model = modelSpan();
        assertThat(model)
                .hasAttribute("honeyhive_config.model", "gpt-4o-mini")
                .hasAttribute("honeyhive_config.temperature", 0.2)
                .hasAttribute("honeyhive_metadata.total_tokens", OpenAiStandIn.PROMPT_TOKENS + 10L)
                .hasNoAttribute("honeyhive_outputs.content");
        String everythingSent = honeyhive.requests().stream()
                .map(request -> new String(request.body(), StandardCharsets.ISO_8859_1))
                .collect(Collectors.joining());
        assertThat(everythingSent)
                .doesNotContain(QUESTION)
                .doesNotContain(SYSTEM_PROMPT)
                .doesNotContain(OpenAiStandIn.DEFAULT_ANSWER);
    }

    @Test
    void eachTracersClientReportsOnlyToItsOwnTracer() throws Exception {
        try (RecordingHoneyHiveServer other = RecordingHoneyHiveServer.start();
                HoneyHiveTracer support = tracer().project("support").build();
                HoneyHiveTracer billing =
                        tracer().serverUrl(other.baseUrl()).project("billing").build()) {
            client(support).chat().completions().create(question().build());
            client(billing).chat().completions().create(question().build());
            client(billing).chat().completions().create(question().build());
            assertThat(support.flush(WAIT)).isTrue();
            assertThat(billing.flush(WAIT)).isTrue();

            assertThat(honeyhive.spans()).singleElement().satisfies(span -> assertThat(span)
                    .hasAttribute("honeyhive.project", "support"));
            assertThat(other.spans()).hasSize(2).allSatisfy(span -> assertThat(span)
                    .hasAttribute("honeyhive.project", "billing")
                    .hasAttribute("honeyhive_config.model", "gpt-4o-mini"));
        }
    }

    @Test
    void aFailedCallIsAModelEventWithItsErrorAndTheClientsExceptionReachesTheCallerUnchanged() throws Exception {
        openAi.failNext(429, 500);
        try (HoneyHiveTracer tracer = tracer().build();
                SessionScope ignored = tracer.withSession("failing")) {
            OpenAIClient client = client(tracer);
            assertThatThrownBy(
                            () -> client.chat().completions().create(question().build()))
                    .isInstanceOf(com.openai.errors.RateLimitException.class);
            assertThatThrownBy(
                            () -> client.chat().completions().create(question().build()))
                    .isInstanceOf(com.openai.errors.InternalServerException.class);
            assertThat(tracer.flush(WAIT)).isTrue();
        }
        List<RecordedSpan> models = honeyhive.spans().stream()
                .filter(span -> "model".equals(span.eventType()))
                .toList();
        assertThat(models).hasSize(2).allSatisfy(span -> {
            assertThat(span.statusCode()).isEqualTo("STATUS_CODE_ERROR");
            assertThat(chatHistory(span)).hasSize(2);
        });
    }

    @Test
    void theLocalSinksTreeShowsTheChatTheOutputTheModelAndTheTokens() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream console = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try (HoneyHiveTracer tracer = HoneyHiveTracer.builder()
                .environment(Map.of())
                .testMode(true)
                .localSink("console")
                .shutdownHook(false)
                .build()) {
            client(tracer).chat().completions().create(question().build());
            assertThat(tracer.flush(WAIT)).isTrue();
        } finally {
            System.setOut(console);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("chat gpt-4o-mini [model]")
                .contains("  in  system: " + SYSTEM_PROMPT)
                .contains("  in  user: " + QUESTION)
                .contains("  out assistant: " + OpenAiStandIn.DEFAULT_ANSWER)
                .contains("  model gpt-4o-mini (openai), tokens 21 in / 10 out");
    }

    private RecordedSpan modelSpan() {
        return honeyhive.spans().stream()
                .filter(span -> "model".equals(span.eventType()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No model span among " + honeyhive.spans()));
    }
}
