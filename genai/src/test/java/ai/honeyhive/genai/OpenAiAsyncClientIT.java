package ai.honeyhive.genai;

import static ai.honeyhive.genai.GenAiTests.QUESTION;
import static ai.honeyhive.genai.GenAiTests.SYSTEM_PROMPT;
import static ai.honeyhive.genai.GenAiTests.WAIT;
import static ai.honeyhive.testing.HoneyHiveAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.testing.OpenAiStandIn;
import ai.honeyhive.testing.RecordedSpan;
import ai.honeyhive.testing.RecordingHoneyHiveServer;
import ai.honeyhive.tracer.EventType;
import ai.honeyhive.tracer.HoneyHiveTracer;
import ai.honeyhive.tracer.SessionScope;
import com.openai.client.OpenAIClientAsync;
import com.openai.client.okhttp.OpenAIOkHttpClientAsync;
import com.openai.core.http.AsyncStreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Real {@code openai-java} 4.105 asynchronous clients instrumented with {@link HoneyHiveOpenAi}: plain and streamed
 * calls are model events under the span current where they are made; a stream closed half way or broken off still
 * ends its model event once, and closing it never throws (OpenTelemetry's wrapper 2.31 throws there, and leaves the
 * span open).
 */
class OpenAiAsyncClientIT {

    private final RecordingHoneyHiveServer honeyhive = RecordingHoneyHiveServer.start();
    private final OpenAiStandIn openAi = OpenAiStandIn.start();

    @AfterEach
    void stop() {
        openAi.close();
        honeyhive.close();
    }

    private OpenAIClientAsync client(HoneyHiveTracer tracer) {
        return HoneyHiveOpenAi.instrument(
                tracer,
                OpenAIOkHttpClientAsync.builder()
                        .baseUrl(openAi.baseUrl())
                        .apiKey("sk-test")
                        .maxRetries(0)
                        .build());
    }

    private static ChatCompletionCreateParams question() {
        return ChatCompletionCreateParams.builder()
                .model("gpt-4o-mini")
                .addSystemMessage(SYSTEM_PROMPT)
                .addUserMessage(QUESTION)
                .build();
    }

    /** The model events, once there are this many; the span of a stream may end just after its future completes. */
    private List<RecordedSpan> modelEvents(int count) {
        return honeyhive.awaitSpans(span -> "model".equals(span.eventType()), count, WAIT);
    }

    @Test
    void aPlainAndAStreamedCallAreModelEventsUnderTheCallersSpanInItsSession() throws Exception {
        StringBuilder streamed = new StringBuilder();
        String session;
        try (HoneyHiveTracer tracer = GenAiTests.tracer(honeyhive).build()) {
            OpenAIClientAsync client = client(tracer);
            try (SessionScope scope = tracer.withSession("async")) {
                session = scope.sessionId();
                String answer = tracer.trace("plain", EventType.CHAIN, () -> client.chat()
                        .completions()
                        .create(question())
                        .get(30, TimeUnit.SECONDS)
                        .choices()
                        .get(0)
                        .message()
                        .content()
                        .orElse(""));
                assertThat(answer).isEqualTo(OpenAiStandIn.DEFAULT_ANSWER);
                AsyncStreamResponse<ChatCompletionChunk> stream =
                        tracer.trace("streamed", EventType.CHAIN, () -> client.chat()
                                .completions()
                                .createStreaming(question()));
                stream.subscribe(chunk -> chunk.choices()
                                .forEach(choice -> choice.delta().content().ifPresent(streamed::append)))
                        .onCompleteFuture()
                        .get(30, TimeUnit.SECONDS);
            }
            assertThat(modelEvents(2)).hasSize(2);
        }

        assertThat(streamed).hasToString(OpenAiStandIn.DEFAULT_ANSWER);
        for (String parent : new String[] {"plain", "streamed"}) {
            RecordedSpan caller = honeyhive.span(parent);
            RecordedSpan model = honeyhive.spans().stream()
                    .filter(span -> caller.spanId().equals(span.parentSpanId()))
                    .findFirst()
                    .orElseThrow();
            assertThat(model)
                    .hasSessionId(session)
                    .hasEventType("model")
                    .hasAttribute("honeyhive_outputs.content", OpenAiStandIn.DEFAULT_ANSWER)
                    .hasAttribute("honeyhive_config.model", "gpt-4o-mini");
            assertThat(GenAiTests.chatHistory(model)).hasSize(2);
            assertThat(model.statusCode()).isNotEqualTo("STATUS_CODE_ERROR");
        }
    }

    @Test
    void aStreamClosedHalfWayIsOneModelEventEndedOnceAndItsCloseDoesNotThrow() throws Exception {
        AtomicInteger chunks = new AtomicInteger();
        AtomicReference<RuntimeException> closing = new AtomicReference<>();
        try (HoneyHiveTracer tracer = GenAiTests.tracer(honeyhive).build()) {
            AsyncStreamResponse<ChatCompletionChunk> stream =
                    client(tracer).chat().completions().createStreaming(question());
            stream.subscribe(chunk -> {
                        if (chunks.incrementAndGet() == 2) {
                            try {
                                stream.close();
                            } catch (RuntimeException e) {
                                closing.set(e);
                            }
                        }
                    })
                    .onCompleteFuture()
                    .get(30, TimeUnit.SECONDS);
            assertThat(modelEvents(1)).singleElement().satisfies(model -> assertThat(model.statusCode())
                    .isNotEqualTo("STATUS_CODE_ERROR"));
        }
        assertThat(closing.get()).as("close() threw").isNull();
        assertThat(chunks.get()).as("no chunk after close()").isEqualTo(2);
        assertThat(honeyhive.spans())
                .filteredOn(span -> "model".equals(span.eventType()))
                .hasSize(1);
    }

    @Test
    void aStreamBrokenOffMidStreamIsOneFailedModelEvent() throws Exception {
        openAi.breakStreamsAfter(2);
        try (HoneyHiveTracer tracer = GenAiTests.tracer(honeyhive).build()) {
            AsyncStreamResponse<ChatCompletionChunk> stream =
                    client(tracer).chat().completions().createStreaming(question());
            stream.subscribe(chunk -> {})
                    .onCompleteFuture()
                    .handle((ignored, error) -> null)
                    .get(30, TimeUnit.SECONDS);
            assertThat(modelEvents(1)).singleElement().satisfies(model -> {
                assertThat(model.statusCode()).isEqualTo("STATUS_CODE_ERROR");
                assertThat(GenAiTests.chatHistory(model)).hasSize(2);
            });
        }
        assertThat(honeyhive.spans())
                .filteredOn(span -> "model".equals(span.eventType()))
                .hasSize(1);
    }
}
