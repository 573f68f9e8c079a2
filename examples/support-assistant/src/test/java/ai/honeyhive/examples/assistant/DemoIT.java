package ai.honeyhive.examples.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.testing.RecordedSpan;
import ai.honeyhive.testing.RecordingHoneyHiveServer;
import ai.honeyhive.testing.Route;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The packaged demo, without a key and with one (a loopback HoneyHive), checked on what it prints and sends. */
class DemoIT {

    private static final String SUMMARY =
            "Summary: 24 requests (21 answered), 24 sessions, 96 spans, 3 errors, 0 spans dropped";
    private static final String KEY = "hh-demo-key-0123456789";
    private static final String MODEL_SPAN = "chat " + ModelEndpoint.STAND_IN_MODEL;
    private static final ObjectMapper JSON = new ObjectMapper();

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
                .contains("    chat support-model-small [model]")
                .contains("      in  system: Answer the customer from these articles only. - Refunds are paid")
                .contains("      in  user: How long do refunds take to reach my card?")
                .contains("      out assistant: Refunds are paid to the original payment method within 30 days.")
                .contains("      out finish_reason = stop")
                .containsPattern("model support-model-small \\(openai\\), tokens \\d+ in / \\d+ out")
                .contains("out result = [\"refund-policy.md\"]")
                .contains("ERROR HTTP 502 Bad Gateway")
                .contains("ERROR ai.honeyhive.examples.assistant.ModelRefusedException")
                .contains("ERROR dev.langchain4j.exception.InvalidRequestException");
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
                            "POST /support/ask", "answer_question", "retrieve_documents", MODEL_SPAN));
            List<RecordedSpan> models = spans.stream()
                    .filter(span -> span.name().equals(MODEL_SPAN))
                    .toList();
            assertThat(models).allSatisfy(model -> {
                assertThat(model.eventType()).isEqualTo("model");
                assertThat(model.stringAttribute("honeyhive.project")).isEqualTo("demo-it");
                assertThat(model.stringAttribute("honeyhive_config.model")).isEqualTo(ModelEndpoint.STAND_IN_MODEL);
                assertThat(model.stringAttribute("honeyhive_config.provider")).isEqualTo("openai");
                assertThat(model.attribute("honeyhive_config.temperature")).contains(0.0);
                JsonNode history = JSON.readTree(model.stringAttribute("honeyhive_inputs.chat_history"));
                assertThat(history).hasSize(2);
                assertThat(history.get(0).path("role").asText()).isEqualTo("system");
                assertThat(history.get(0).path("content").asText())
                        .startsWith("Answer the customer from these articles only.\n");
                assertThat(history.get(1).path("role").asText()).isEqualTo("user");
                assertThat(SupportAssistantDemo.QUESTIONS)
                        .contains(history.get(1).path("content").asText());
            });
            assertThat(models)
                    .filteredOn(model -> model.statusCode().contains("ERROR"))
                    .hasSize(3)
                    .allSatisfy(refused -> assertThat(refused.stringAttribute("honeyhive_error"))
                            .contains(ModelEndpoint.REFUSAL));
            assertThat(models)
                    .filteredOn(model -> !model.statusCode().contains("ERROR"))
                    .hasSize(21)
                    .allSatisfy(answered -> {
                        assertThat(answered.stringAttribute("honeyhive_outputs.role"))
                                .isEqualTo("assistant");
                        assertThat(answered.stringAttribute("honeyhive_outputs.content"))
                                .isNotBlank();
                        assertThat(answered.stringAttribute("honeyhive_outputs.finish_reason"))
                                .isEqualTo("stop");
                        long input = (Long) answered.attribute("honeyhive_metadata.input_tokens")
                                .orElseThrow();
                        long output = (Long) answered.attribute("honeyhive_metadata.output_tokens")
                                .orElseThrow();
                        assertThat(input).isPositive();
                        assertThat(output).isPositive();
                        assertThat(answered.attribute("honeyhive_metadata.total_tokens"))
                                .contains(input + output);
                    });
            assertThat(honeyhive.requests(Route.TRACES))
                    .allSatisfy(request ->
                            assertThat(request.header("Authorization")).contains("Bearer " + KEY));
            assertThat(honeyhive.requests(Route.SESSION_START)).hasSize(24);
        }
    }
}
