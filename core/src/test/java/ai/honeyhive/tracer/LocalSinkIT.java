package ai.honeyhive.tracer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local view: HoneyHive events as JSON lines in a file, and a tree per trace on the console. */
class LocalSinkIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    private static String traceSomething(HoneyHiveTracer tracer) {
        String sessionId;
        try (SessionScope session = tracer.withSession(SessionOptions.builder()
                .sessionName("refund-question")
                .inputs(Map.of("channel", "chat"))
                .build())) {
            sessionId = session.sessionId();
            try (HoneyHiveSpan chain = tracer.trace("answer_question", EventType.CHAIN)) {
                tracer.enrichSpan(Enrichment.builder()
                        .inputs(Map.of("question", "How long do refunds take?"))
                        .outputs(Map.of("answer", "30 days", "citations", List.of("refund-policy.md")))
                        .metrics(Map.of("tokens", 412))
                        .build());
                try (HoneyHiveSpan model =
                        tracer.trace("generate_answer", EventType.MODEL, Map.of("gen_ai.request.model", "stand-in"))) {
                    model.setAttribute("gen_ai.usage.output_tokens", 12L);
                }
                try (HoneyHiveSpan failing = tracer.trace("lookup_order", EventType.TOOL)) {
                    failing.recordException(new IllegalStateException("order service down"));
                }
            }
            tracer.enrichSession(
                    SessionEnrichment.builder().feedback(Map.of("rating", 5)).build());
        }
        return sessionId;
    }

    private static List<JsonNode> lines(Path file) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private static JsonNode event(List<JsonNode> lines, String name) {
        return lines.stream()
                .filter(line -> "event".equals(line.path("type").asText())
                        && name.equals(line.path("event_name").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no event " + name + " in " + lines));
    }

    @Test
    void fileSinkWritesEverySpanAndSessionRecordAsHoneyHiveShapedJsonLines() throws Exception {
        Path file = directory.resolve("nested/honeyhive.jsonl");
        String sessionId;
        String tracerSession;
        try (HoneyHiveTracer tracer = TestTracers.inTestMode()
                .project("support-bot")
                .localSink(file.toString())
                .build()) {
            tracerSession = tracer.sessionId();
            sessionId = traceSomething(tracer);
        }

        List<JsonNode> lines = lines(file);
        assertThat(lines)
                .extracting(line -> line.get("type").asText())
                .containsOnly("event", "session_start", "event_update")
                .filteredOn("event"::equals)
                .hasSize(3);

        JsonNode chain = event(lines, "answer_question");
        assertThat(chain.get("event_type").asText()).isEqualTo("chain");
        assertThat(chain.get("session_id").asText()).isEqualTo(sessionId);
        assertThat(chain.get("project").asText()).isEqualTo("support-bot");
        assertThat(chain.has("parent_id")).isFalse();
        assertThat(chain.get("inputs")).isEqualTo(JSON.readTree("{\"question\":\"How long do refunds take?\"}"));
        assertThat(chain.get("outputs"))
                .isEqualTo(JSON.readTree("{\"answer\":\"30 days\",\"citations\":[\"refund-policy.md\"]}"));
        assertThat(chain.at("/metrics/tokens").asLong()).isEqualTo(412);
        assertThat(chain.get("duration").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(chain.get("end_time").asLong())
                .isGreaterThanOrEqualTo(chain.get("start_time").asLong());

        JsonNode model = event(lines, "generate_answer");
        assertThat(model.get("event_type").asText()).isEqualTo("model");
        assertThat(model.get("parent_id").asText())
                .isEqualTo(chain.get("event_id").asText());
        assertThat(model.at("/metadata/gen_ai.request.model").asText()).isEqualTo("stand-in");
        assertThat(model.at("/metadata/gen_ai.usage.output_tokens").asLong()).isEqualTo(12);

        JsonNode failing = event(lines, "lookup_order");
        assertThat(failing.get("error").asText()).isEqualTo("java.lang.IllegalStateException: order service down");

        assertThat(lines)
                .filteredOn(line -> line.get("type").asText().equals("session_start"))
                .extracting(line -> line.get("session_id").asText())
                .containsExactlyInAnyOrder(tracerSession, sessionId);
        assertThat(lines)
                .filteredOn(line -> line.get("type").asText().equals("event_update"))
                .singleElement()
                .satisfies(update -> {
                    assertThat(update.get("event_id").asText()).isEqualTo(sessionId);
                    assertThat(update.at("/feedback/rating").asInt()).isEqualTo(5);
                });
    }

    @Test
    void consoleSinkPrintsATreePerTraceHeadedByItsSession() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        String sessionId;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (HoneyHiveTracer tracer =
                TestTracers.inTestMode().localSink("console").build()) {
            sessionId = traceSomething(tracer);
            assertThat(tracer.flush(TestTracers.WAIT)).isTrue();
            // In test mode the SDK's counters are the local sink's: all three spans went there, none to HoneyHive.
            assertThat(tracer.spanStatistics()).isEqualTo(new SpanStatistics(3, 0, 0, 0, 0));
        } finally {
            System.setOut(original);
        }

        String output = captured.toString(StandardCharsets.UTF_8);
        assertThat(output)
                .contains("--- HoneyHive session " + sessionId)
                .contains("answer_question [chain]")
                .contains("  generate_answer [model]")
                .contains("  lookup_order [tool]")
                .contains("ERROR java.lang.IllegalStateException: order service down")
                .contains("in  question = How long do refunds take?")
                .contains("out answer = 30 days");
        assertThat(output.indexOf("answer_question")).isLessThan(output.indexOf("generate_answer"));
    }

    @Test
    void anUnwritableFileFailsStartupNamingTheKey() throws Exception {
        Path notADirectory = Files.writeString(directory.resolve("file"), "x");

        assertThatThrownBy(() -> TestTracers.inTestMode()
                        .localSink(notADirectory.resolve("sink.jsonl").toString())
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("localSink")
                .hasMessageContaining("HH_LOCAL_SINK");
    }

    @Test
    void theSinkIsReadFromTheEnvironment() throws Exception {
        Path file = directory.resolve("from-env.jsonl");
        try (HoneyHiveTracer tracer = HoneyHiveTracer.builder()
                .environment(Map.of("HH_TEST_MODE", "true", "HH_LOCAL_SINK", file.toString()))
                .shutdownHook(false)
                .build()) {
            tracer.trace("from-env").close();
        }

        assertThat(lines(file))
                .anySatisfy(line -> assertThat(line.path("event_name").asText()).isEqualTo("from-env"));
    }
}
