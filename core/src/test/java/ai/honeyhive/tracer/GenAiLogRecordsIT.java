package ai.honeyhive.tracer;

import static ai.honeyhive.testing.HoneyHiveAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import ai.honeyhive.testing.RecordedSpan;
import ai.honeyhive.testing.RecordingHoneyHiveServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * gen_ai log records, emitted through the tracer's {@code OpenTelemetry} as LLM clients' instrumentations emit them,
 * folded into their model span: in order, bounded, and never at the caller's expense.
 */
class GenAiLogRecordsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RecordingHoneyHiveServer server = RecordingHoneyHiveServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void recordsOfAnOpenSpanAreFoldedIntoItAndLaterOnesAreDropped() throws Exception {
        try (HoneyHiveTracer tracer = TestTracers.against(server).build()) {
            Logger logs = tracer.openTelemetry().getLogsBridge().get("producer");
            Span model = tracer.provider()
                    .get("producer")
                    .spanBuilder("chat gpt-4o-mini")
                    .setAttribute("gen_ai.operation.name", "chat")
                    .setAttribute("gen_ai.request.model", "gpt-4o-mini")
                    .startSpan();
            try (Scope ignored = model.makeCurrent()) {
                emit(logs, "gen_ai.system.message", Map.of("content", "Be brief."));
                emit(logs, "gen_ai.user.message", Map.of("content", "Refunds?"));
                emit(logs, "gen_ai.evaluation.result", Map.of("content", "not a message"));
                emit(logs, "app.log", Map.of("content", "not a gen_ai record"));
                logs.logRecordBuilder()
                        .setAttribute(io.opentelemetry.api.common.AttributeKey.stringKey("event.name"), "gen_ai.choice")
                        .setBody(Value.of(Map.of(
                                "index", Value.of(0L),
                                "finish_reason", Value.of("stop"),
                                "message", Value.of(Map.of("content", Value.of("30 days."))))))
                        .emit();
            }
            model.end();
            try (Scope ignored = model.makeCurrent()) {
                emit(logs, "gen_ai.user.message", Map.of("content", "after the end"));
            }
            emit(logs, "gen_ai.user.message", Map.of("content", "outside any span"));
            assertThat(tracer.flush(TestTracers.WAIT)).isTrue();
            // The record after the end and the one outside any span; records that are not gen_ai messages are
            // not the fold's, so not counted.
            assertThat(tracer.droppedGenAiRecords()).isEqualTo(2);
        }

        RecordedSpan span = server.span("chat gpt-4o-mini");
        assertThat(span)
                .hasEventType("model")
                .hasAttribute("honeyhive_outputs.content", "30 days.")
                .hasAttribute("honeyhive_outputs.finish_reason", "stop");
        JsonNode history = JSON.readTree(span.stringAttribute("honeyhive_inputs.chat_history"));
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("role").asText()).isEqualTo("system");
        assertThat(history.get(1).get("content").asText()).isEqualTo("Refunds?");
        assertThat(span.attributes().toString())
                .doesNotContain("after the end", "outside any span", "not a gen_ai", "not a message");
    }

    @Test
    void aFiveMegabyteMessageAndTenThousandMessagesKeepTheBoundsAndNeverThrow() throws Exception {
        String huge = "x".repeat(5 * 1024 * 1024);
        try (HoneyHiveTracer tracer = TestTracers.against(server).build()) {
            Logger logs = tracer.openTelemetry().getLogsBridge().get("producer");
            Span model = chatSpan(tracer);
            try (Scope ignored = model.makeCurrent()) {
                assertThatCode(() -> {
                            emit(logs, "gen_ai.user.message", Map.of("content", huge));
                            for (int i = 0; i < 10_000; i++) {
                                emit(logs, "gen_ai.user.message", Map.of("content", "message " + i));
                            }
                        })
                        .doesNotThrowAnyException();
            }
            model.end();
            assertThat(tracer.flush(TestTracers.WAIT)).isTrue();
            // Past the span's 128 KiB of text (the 5 MB message cut to fit), most of the ten thousand are dropped.
            assertThat(tracer.droppedGenAiRecords()).isBetween(5_000L, 10_000L);
            tracer.close();
            assertThatCode(() -> emit(logs, "gen_ai.user.message", Map.of("content", "after close")))
                    .doesNotThrowAnyException();
        }
        RecordedSpan span = server.span("chat");
        String history = span.stringAttribute("honeyhive_inputs.chat_history");
        assertThat(history.length()).isLessThanOrEqualTo(64 * 1024);
        JsonNode kept = JSON.readTree(history);
        // The oldest messages (the 5 MB one first) are left out, the latest kept, with a marker where they were.
        assertThat(kept.get(0).get("content").asText())
                .matches("\\[\\d+ earlier messages left out: over 65536 characters]");
        assertThat(kept.get(kept.size() - 1).get("content").asText()).startsWith("message ");
        assertThat(history).doesNotContain("xxxx");
        assertThat(span.request().body().length).isLessThan(1024 * 1024);
    }

    @Test
    void aCompletionLongerThanTheSpanValueLimitIsCutToItWithTheMarker() throws Exception {
        String longAnswer = "y".repeat(100_000);
        try (HoneyHiveTracer tracer = TestTracers.against(server).build()) {
            Logger logs = tracer.openTelemetry().getLogsBridge().get("producer");
            Span model = chatSpan(tracer);
            try (Scope ignored = model.makeCurrent()) {
                logs.logRecordBuilder()
                        .setEventName("gen_ai.choice")
                        .setBody(Value.of(Map.of(
                                "index", Value.of(0L),
                                "message", Value.of(Map.of("content", Value.of(longAnswer))))))
                        .emit();
            }
            model.end();
            assertThat(tracer.flush(TestTracers.WAIT)).isTrue();
        }
        String content = server.span("chat").stringAttribute("honeyhive_outputs.content");
        assertThat(content).hasSize(16 * 1024).startsWith("yyyy").endsWith("...[truncated]");
    }

    /** A model span named {@code chat}, as a producer starts one. */
    private static Span chatSpan(HoneyHiveTracer tracer) {
        return tracer.provider()
                .get("producer")
                .spanBuilder("chat")
                .setAttribute("gen_ai.operation.name", "chat")
                .startSpan();
    }

    private static void emit(Logger logs, String eventName, Map<String, String> body) {
        Map<String, Value<?>> values = new java.util.LinkedHashMap<>();
        body.forEach((key, value) -> values.put(key, Value.of(value)));
        logs.logRecordBuilder()
                .setEventName(eventName)
                .setBody(Value.of(values))
                .emit();
    }
}
