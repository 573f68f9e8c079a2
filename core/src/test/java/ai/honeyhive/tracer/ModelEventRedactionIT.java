package ai.honeyhive.tracer;

import static ai.honeyhive.testing.HoneyHiveAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.honeyhive.testing.RecordedSpan;
import ai.honeyhive.testing.RecordingHoneyHiveServer;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code honeyhive.genai.redact.<key>}: the matches of its patterns in model and tool events are replaced before they
 * leave the process, whichever way the messages came (span attributes or gen_ai log records), and the producers' own
 * message keys, which would carry them unredacted, are left out.
 */
class ModelEventRedactionIT {

    private static final String EMAIL = "jane.doe@example.com";
    private static final String CARD = "4111 1111 1111 1111";
    private static final Map<String, String> PATTERNS =
            Map.of("email", "[\\w.+-]+@[\\w-]+\\.[\\w.]+", "card", "\\b(?:\\d[ -]?){13,16}\\b");

    private final RecordingHoneyHiveServer server = RecordingHoneyHiveServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void messagesToolArgumentsAndResultsAreRedactedAndNoMatchLeavesTheProcess() {
        try (HoneyHiveTracer tracer =
                TestTracers.against(server).genaiRedact(PATTERNS).build()) {
            io.opentelemetry.api.trace.Tracer producer = tracer.provider().get("producer");
            Span chat = producer.spanBuilder("chat gpt-4o-mini").startSpan();
            chat.setAttribute("gen_ai.operation.name", "chat");
            chat.setAttribute("gen_ai.request.model", "gpt-4o-mini");
            chat.setAttribute(
                    "gen_ai.input.messages",
                    "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"I am " + EMAIL + ", card " + CARD
                            + "\"}]}]");
            chat.setAttribute(
                    "gen_ai.output.messages",
                    "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"Thanks, " + EMAIL + "\"}]}]");
            chat.end();

            Span folded = producer.spanBuilder("chat folded").startSpan();
            folded.setAttribute("gen_ai.request.model", "gpt-4o-mini");
            try (Scope ignored = folded.makeCurrent()) {
                Logger logs = tracer.openTelemetry().getLogsBridge().get("producer");
                logs.logRecordBuilder()
                        .setEventName("gen_ai.user.message")
                        .setBody(Value.of(Map.of("content", Value.of("Mail " + EMAIL))))
                        .emit();
            }
            folded.end();

            Span tool = producer.spanBuilder("execute_tool find_order").startSpan();
            tool.setAttribute("gen_ai.operation.name", "execute_tool");
            tool.setAttribute("gen_ai.tool.name", "find_order");
            tool.setAttribute("gen_ai.tool.call.arguments", "{\"email\":\"" + EMAIL + "\",\"limit\":3}");
            tool.setAttribute("gen_ai.tool.call.result", "Order 42 for " + EMAIL);
            tool.end();
            assertThat(tracer.flush(TestTracers.WAIT)).isTrue();
        }

        RecordedSpan chat = server.span("chat gpt-4o-mini");
        assertThat(chat)
                .hasAttribute(
                        "honeyhive_inputs.chat_history",
                        "[{\"role\":\"user\",\"content\":\"I am [REDACTED:email], card [REDACTED:card]\"}]")
                .hasAttribute("honeyhive_outputs.content", "Thanks, [REDACTED:email]")
                .hasAttribute("honeyhive_config.model", "gpt-4o-mini")
                .hasNoAttribute("gen_ai.input.messages")
                .hasNoAttribute("gen_ai.output.messages");
        assertThat(server.span("chat folded"))
                .hasAttribute(
                        "honeyhive_inputs.chat_history", "[{\"role\":\"user\",\"content\":\"Mail [REDACTED:email]\"}]");
        assertThat(server.span("execute_tool find_order"))
                .hasInput("email", "[REDACTED:email]")
                .hasInput("limit", 3L)
                .hasOutput("result", "Order 42 for [REDACTED:email]")
                .hasNoAttribute("gen_ai.tool.call.arguments")
                .hasNoAttribute("gen_ai.tool.call.result");
        assertThat(server).hasNoBodyContaining(EMAIL).hasNoBodyContaining(CARD);
    }

    @Test
    void anInvalidPatternFailsTheBuildNamingItsKeyAndEntry() {
        assertThatThrownBy(() -> TestTracers.against(server)
                        .genaiRedact(Map.of("broken", "[unclosed"))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("honeyhive.genai.redact")
                .hasMessageContaining("'broken'")
                .hasMessageContaining("regular expression");
    }
}
