package ai.honeyhive.genai;

import static ai.honeyhive.genai.GenAiTests.MAX_TOKENS;
import static ai.honeyhive.genai.GenAiTests.QUESTION;
import static ai.honeyhive.genai.GenAiTests.SYSTEM_PROMPT;
import static ai.honeyhive.genai.GenAiTests.TEMPERATURE;
import static ai.honeyhive.genai.GenAiTests.WAIT;
import static ai.honeyhive.genai.GenAiTests.assertAnsweredQuestion;
import static ai.honeyhive.testing.HoneyHiveAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.testing.OpenAiStandIn;
import ai.honeyhive.testing.RecordedSpan;
import ai.honeyhive.testing.RecordingHoneyHiveServer;
import ai.honeyhive.tracer.EventType;
import ai.honeyhive.tracer.HoneyHiveTracer;
import ai.honeyhive.tracer.SessionScope;
import ai.honeyhive.tracer.internal.span.AttributeFlattener;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Real LangChain4j 1.19 OpenAI models with {@link HoneyHiveChatModelListener}, against the OpenAI-compatible stand-in:
 * each call is a complete model event, a child of the caller's span in the caller's session, streamed ones too.
 */
class LangChain4jIT {

    private final RecordingHoneyHiveServer honeyhive = RecordingHoneyHiveServer.start();
    private final OpenAiStandIn openAi = OpenAiStandIn.start();

    @AfterEach
    void stop() {
        openAi.close();
        honeyhive.close();
    }

    private HoneyHiveTracer tracer() {
        return GenAiTests.tracer(honeyhive).build();
    }

    @Test
    void aChatModelCallIsAModelEventUnderTheCallersSpanInItsSession() throws Exception {
        String session;
        try (HoneyHiveTracer tracer = tracer()) {
            ChatModel model = OpenAiChatModel.builder()
                    .baseUrl(openAi.baseUrl())
                    .apiKey("sk-test")
                    .modelName("gpt-4o-mini")
                    .temperature(TEMPERATURE)
                    .maxTokens(MAX_TOKENS)
                    .listeners(List.of(new HoneyHiveChatModelListener(tracer)))
                    .build();
            try (SessionScope scope = tracer.withSession("chat")) {
                session = scope.sessionId();
                ChatResponse response = tracer.trace(
                        "answer",
                        EventType.CHAIN,
                        () -> model.chat(SystemMessage.from(SYSTEM_PROMPT), UserMessage.from(QUESTION)));
                assertThat(response.aiMessage().text()).isEqualTo(OpenAiStandIn.DEFAULT_ANSWER);
            }
            assertThat(tracer.flush(WAIT)).isTrue();
        }

        assertAnsweredQuestion(honeyhive.span("chat gpt-4o-mini"), honeyhive.span("answer"), session);
    }

    @Test
    void aStreamedCallEndsItsSpanWhenTheResponseCompletesOnAnotherThreadUnderTheCallersSpan() throws Exception {
        openAi.answer("Refunds are paid back within thirty days.");
        try (HoneyHiveTracer tracer = tracer()) {
            StreamingChatModel model = OpenAiStreamingChatModel.builder()
                    .baseUrl(openAi.baseUrl())
                    .apiKey("sk-test")
                    .modelName("gpt-4o-mini")
                    .listeners(List.of(new HoneyHiveChatModelListener(tracer)))
                    .build();
            CompletableFuture<ChatResponse> done = new CompletableFuture<>();
            StringBuilder streamed = new StringBuilder();
            tracer.trace(
                    "answer",
                    EventType.CHAIN,
                    () -> model.chat("Stream it", new StreamingChatResponseHandler() {
                        @Override
                        public void onPartialResponse(String partial) {
                            streamed.append(partial);
                        }

                        @Override
                        public void onCompleteResponse(ChatResponse response) {
                            done.complete(response);
                        }

                        @Override
                        public void onError(Throwable error) {
                            done.completeExceptionally(error);
                        }
                    }));
            done.get(30, TimeUnit.SECONDS);
            assertThat(streamed).hasToString("Refunds are paid back within thirty days.");
            assertThat(tracer.flush(WAIT)).isTrue();
        }

        RecordedSpan chat = honeyhive.span("chat gpt-4o-mini");
        assertThat(chat)
                .hasParent(honeyhive.span("answer"))
                .hasAttribute("honeyhive_outputs.content", "Refunds are paid back within thirty days.");
        assertThat(honeyhive.spans())
                .filteredOn(span -> "model".equals(span.eventType()))
                .hasSize(1);
    }

    @Test
    void aFailedCallIsAModelEventWithItsError() throws Exception {
        openAi.failNext(500);
        try (HoneyHiveTracer tracer = tracer()) {
            ChatModel model = OpenAiChatModel.builder()
                    .baseUrl(openAi.baseUrl())
                    .apiKey("sk-test")
                    .modelName("gpt-4o-mini")
                    .maxRetries(0)
                    .listeners(List.of(new HoneyHiveChatModelListener(tracer)))
                    .build();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> model.chat("Hello"))
                    .isInstanceOf(RuntimeException.class);
            assertThat(tracer.flush(WAIT)).isTrue();
        }
        RecordedSpan chat = honeyhive.span("chat gpt-4o-mini");
        assertThat(chat.statusCode()).isEqualTo("STATUS_CODE_ERROR");
        assertThat(chat.stringAttribute("honeyhive_error")).isNotBlank();
    }

    @Test
    void aChatHistoryPastTheSpanValueLimitLeavesOutItsOldestMessagesAndStaysReadable() throws Exception {
        int limit = 4096;
        String longAlone = "y".repeat(10_000);
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(SystemMessage.from(SYSTEM_PROMPT));
        for (int turn = 0; turn < 20; turn++) {
            messages.add(UserMessage.from("Question " + turn + ": " + "x".repeat(400)));
            messages.add(AiMessage.from("Answer " + turn + "."));
        }
        messages.add(UserMessage.from(QUESTION));
        try (HoneyHiveTracer tracer =
                GenAiTests.tracer(honeyhive).maxAttributeValueLength(limit).build()) {
            ChatModel model = GenAiTests.chatModel(openAi, tracer).build();
            tracer.trace("long history", EventType.CHAIN, () -> model.chat(messages));
            tracer.trace("long message", EventType.CHAIN, () -> model.chat(UserMessage.from(longAlone)));
            assertThat(tracer.flush(WAIT)).isTrue();
        }

        RecordedSpan longHistory = modelEventUnder("long history");
        assertThat(longHistory.stringAttribute("gen_ai.input.messages")).hasSizeLessThanOrEqualTo(limit);
        List<Map<String, Object>> history = GenAiTests.chatHistory(longHistory);
        assertThat(history.get(0)).containsEntry("role", "system").containsEntry("content", SYSTEM_PROMPT);
        assertThat(history.get(1).get("content").toString())
                .matches("\\[\\d+ earlier messages left out: over 4096 characters]");
        assertThat(history.get(history.size() - 1))
                .containsEntry("role", "user")
                .containsEntry("content", QUESTION);
        assertThat(history).hasSizeBetween(4, messages.size());
        // Each message kept is whole.
        history.subList(2, history.size() - 1)
                .forEach(message ->
                        assertThat(message.get("content").toString()).matches("Question \\d+: x{400}|Answer \\d+\\."));

        List<Map<String, Object>> alone = GenAiTests.chatHistory(modelEventUnder("long message"));
        assertThat(alone).singleElement().satisfies(message -> assertThat(
                        message.get("content").toString())
                .startsWith("yyyy")
                .endsWith(AttributeFlattener.TRUNCATION_MARKER)
                .hasSizeLessThan(limit));
    }

    @Test
    void withContentCaptureOffTheChatHistoryHasOnlyTheRolesAndNoTextLeavesTheProcess() throws Exception {
        try (HoneyHiveTracer tracer =
                GenAiTests.tracer(honeyhive).genaiCaptureContent(false).build()) {
            ChatModel model = GenAiTests.chatModel(openAi, tracer).build();
            tracer.trace(
                    "answer",
                    EventType.CHAIN,
                    () -> model.chat(SystemMessage.from(SYSTEM_PROMPT), UserMessage.from(QUESTION)));
            assertThat(tracer.flush(WAIT)).isTrue();
        }

        RecordedSpan chat = modelEventUnder("answer");
        assertThat(GenAiTests.chatHistory(chat)).containsExactly(Map.of("role", "system"), Map.of("role", "user"));
        assertThat(chat)
                .hasAttribute("honeyhive_outputs.role", "assistant")
                .hasAttribute("honeyhive_config.model", "gpt-4o-mini")
                .hasNoAttribute("honeyhive_outputs.content");
        assertThat(honeyhive)
                .hasNoBodyContaining(SYSTEM_PROMPT)
                .hasNoBodyContaining(QUESTION)
                .hasNoBodyContaining(OpenAiStandIn.DEFAULT_ANSWER);
    }

    private RecordedSpan modelEventUnder(String parent) {
        RecordedSpan caller = honeyhive.span(parent);
        return honeyhive.spans().stream()
                .filter(span ->
                        "model".equals(span.eventType()) && caller.spanId().equals(span.parentSpanId()))
                .findFirst()
                .orElseThrow();
    }
}
