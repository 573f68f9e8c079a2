package ai.honeyhive.quarkus.runtime.internal.devui;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.tracer.EventType;
import ai.honeyhive.tracer.HoneyHiveSpan;
import ai.honeyhive.tracer.HoneyHiveTracer;
import ai.honeyhive.tracer.SessionOptions;
import ai.honeyhive.tracer.SessionScope;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Dev UI reads what a real tracer's local sink wrote. */
class LocalSinkSessionsTest {

    @TempDir
    Path directory;

    /** A test-mode tracer whose local sink writes the file the Dev UI reads. */
    private static HoneyHiveTracer writingTo(Path file) {
        return HoneyHiveTracer.builder()
                .testMode(true)
                .project("dev-ui")
                .localSink(file.toString())
                .build();
    }

    @Test
    void sessionsAndTheirEventTreesAreReadBackFromTheLocalSinksFile() throws Exception {
        Path file = directory.resolve("events.jsonl");
        String sessionId;
        try (HoneyHiveTracer tracer = writingTo(file)) {
            try (SessionScope session = tracer.withSession(
                    SessionOptions.builder().sessionName("support chat").build())) {
                sessionId = session.sessionId();
                try (HoneyHiveSpan chain = tracer.trace("answer", EventType.CHAIN)) {
                    chain.setAttribute("honeyhive_inputs.question", "refunds");
                    try (HoneyHiveSpan tool = tracer.trace("search", EventType.TOOL)) {
                        tool.setAttribute("honeyhive_error", "index offline");
                    }
                    try (HoneyHiveSpan model = tracer.trace("complete", EventType.MODEL)) {
                        model.setAttribute("honeyhive_outputs.text", "sorry");
                    }
                }
            }
            assertThat(tracer.flush(Duration.ofSeconds(10))).isTrue();
        }
        // A line cut short while being written is skipped.
        Files.writeString(file, "{\"type\":\"event\",\"session_id", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        LocalSinkSessions read = LocalSinkSessions.read(file);

        assertThat(read.sessions()).singleElement().satisfies(session -> {
            assertThat(session.sessionId()).isEqualTo(sessionId);
            assertThat(session.name()).isEqualTo("support chat");
            assertThat(session.events()).isEqualTo(3);
            assertThat(session.errors()).isEqualTo(1);
        });
        List<LocalSinkSessions.Event> events = read.events(sessionId);
        assertThat(events).extracting(LocalSinkSessions.Event::name).containsExactly("answer", "search", "complete");
        assertThat(events).extracting(LocalSinkSessions.Event::depth).containsExactly(0, 1, 1);
        assertThat(events.get(0).inputs()).contains("refunds");
        assertThat(events.get(1).error()).isEqualTo("index offline");
        assertThat(events.get(2).outputs()).contains("sorry");
        assertThat(events.get(2).eventType()).isEqualTo("model");
    }

    @Test
    void aModelEventShowsItsChatItsReplyAndItsModelAndTokens() throws Exception {
        Path file = directory.resolve("events.jsonl");
        String sessionId;
        try (HoneyHiveTracer tracer = writingTo(file)) {
            try (SessionScope session = tracer.withSession("support chat")) {
                sessionId = session.sessionId();
                // The keys an LLM client's instrumentation writes (GenAI conventions 1.37); the tracer adds
                // HoneyHive's.
                tracer.provider()
                        .get("llm-client")
                        .spanBuilder("chat gpt-4o-mini")
                        .setAttribute("gen_ai.operation.name", "chat")
                        .setAttribute("gen_ai.provider.name", "openai")
                        .setAttribute("gen_ai.request.model", "gpt-4o-mini")
                        .setAttribute(
                                "gen_ai.input.messages",
                                "[{\"role\":\"system\",\"parts\":[{\"type\":\"text\",\"content\":\"Be brief.\"}]},"
                                        + "{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Refunds?\"}]}]")
                        .setAttribute(
                                "gen_ai.output.messages",
                                "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"30 days.\"}],"
                                        + "\"finish_reason\":\"stop\"}]")
                        .setAttribute("gen_ai.usage.input_tokens", 21L)
                        .setAttribute("gen_ai.usage.output_tokens", 3L)
                        .startSpan()
                        .end();
            }
            assertThat(tracer.flush(Duration.ofSeconds(10))).isTrue();
        }

        LocalSinkSessions.Event model =
                LocalSinkSessions.read(file).events(sessionId).get(0);

        assertThat(model.eventType()).isEqualTo("model");
        assertThat(model.chat()).containsExactly("system: Be brief.", "user: Refunds?", "assistant: 30 days.");
        assertThat(model.model()).isEqualTo("gpt-4o-mini (openai), tokens 21 in / 3 out");
        assertThat(model.inputs()).doesNotContain("chat_history");
        assertThat(model.outputs()).contains("\"finish_reason\":\"stop\"");
    }

    @Test
    void aFileThatDoesNotExistYetHasNoSessions() throws Exception {
        assertThat(LocalSinkSessions.read(directory.resolve("missing.jsonl")).sessions())
                .isEmpty();
    }
}
