package ai.honeyhive.examples.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.testing.RecordedSpan;
import ai.honeyhive.testing.RecordingHoneyHiveServer;
import ai.honeyhive.testing.Route;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The packaged demo, without a key and with one (a loopback HoneyHive), checked on what it prints and sends. */
class DemoIT {

    private static final String SUMMARY =
            "Summary: 24 requests (21 answered), 24 sessions, 96 spans, 3 errors, 0 spans dropped";
    private static final String KEY = "hh-demo-key-0123456789";

    @Test
    void withoutAKeyItTracesInTestModeAndPrintsEachSessionAsATree() throws Exception {
        DemoProcess demo = DemoProcess.run(Map.of());

        assertThat(demo.exitCode()).as(demo.output()).isZero();
        assertThat(demo.output())
                .contains(SUMMARY)
                .contains("Test mode: nothing was sent.")
                .contains("POST /support/ask [chain]")
                .contains("  answer_question [chain]")
                .contains("    retrieve_documents [tool]")
                .contains("    generate_answer [model]")
                .contains("out result = [\"refund-policy.md\"]")
                .contains("ERROR HTTP 502 Bad Gateway")
                .contains("ERROR ai.honeyhive.examples.assistant.ModelRefusedException");
        assertThat(demo.output().split("--- HoneyHive session ", -1)).hasSize(24 + 1);
    }

    @Test
    void withAKeyItSendsEverySessionAndSpanToHoneyHive() throws Exception {
        try (RecordingHoneyHiveServer honeyhive = RecordingHoneyHiveServer.start()) {
            DemoProcess demo = DemoProcess.run(
                    Map.of("HH_API_KEY", KEY, "HH_PROJECT", "demo-it", "HH_SERVER_URL", honeyhive.baseUrl()));

            assertThat(demo.exitCode()).as(demo.output()).isZero();
            assertThat(demo.output())
                    .contains(SUMMARY)
                    .contains("Sent to HoneyHive (delivered: 96 spans, failed: 0)")
                    .contains("project demo-it")
                    .doesNotContain(KEY);
            List<RecordedSpan> spans = honeyhive.spans();
            assertThat(spans).hasSize(96);
            Map<String, List<RecordedSpan>> sessions =
                    spans.stream().collect(Collectors.groupingBy(RecordedSpan::sessionId));
            assertThat(sessions).hasSize(24);
            assertThat(sessions.values()).allSatisfy(session -> assertThat(session)
                    .extracting(RecordedSpan::name)
                    .containsExactlyInAnyOrder(
                            "POST /support/ask", "answer_question", "retrieve_documents", "generate_answer"));
            List<RecordedSpan> models = spans.stream()
                    .filter(span -> span.name().equals("generate_answer"))
                    .toList();
            assertThat(models).allSatisfy(model -> {
                assertThat(model.eventType()).isEqualTo("model");
                assertThat(model.stringAttribute("honeyhive.project")).isEqualTo("demo-it");
                assertThat(model.stringAttribute("gen_ai.request.model")).isEqualTo(ChatModel.MODEL);
                assertThat(model.stringAttribute("gen_ai.system")).isEqualTo("demo-stand-in");
            });
            assertThat(models)
                    .filteredOn(model -> model.statusCode().contains("ERROR"))
                    .hasSize(3)
                    .allSatisfy(refused -> assertThat(refused.stringAttribute("honeyhive_error"))
                            .contains("legal advice is out of scope"));
            assertThat(models)
                    .filteredOn(model -> !model.statusCode().contains("ERROR"))
                    .hasSize(21)
                    .allSatisfy(answered -> assertThat(answered.attribute("gen_ai.usage.output_tokens"))
                            .isPresent());
            assertThat(honeyhive.requests(Route.TRACES))
                    .allSatisfy(request ->
                            assertThat(request.header("Authorization")).contains("Bearer " + KEY));
            assertThat(honeyhive.requests(Route.SESSION_START)).hasSize(24);
        }
    }
}
