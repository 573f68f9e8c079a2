package ai.honeyhive.genai;

import static ai.honeyhive.genai.GenAiTests.WAIT;
import static ai.honeyhive.testing.HoneyHiveAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.testing.OpenAiStandIn;
import ai.honeyhive.testing.RecordedSpan;
import ai.honeyhive.testing.RecordingHoneyHiveServer;
import ai.honeyhive.tracer.EventType;
import ai.honeyhive.tracer.HoneyHiveTracer;
import ai.honeyhive.tracer.SessionScope;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.service.AiServices;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A real LangChain4j 1.19 AI service with a tool, against the OpenAI-compatible stand-in (which asks for the tool, then
 * answers): the tool's run is a tool event between the two model events, under the caller's span, in its session.
 */
class LangChain4jToolsIT {

    static final String POLICY = "Refunds take up to 30 days.";

    interface Assistant {
        String answer(String question);
    }

    static class PolicyTools {
        @Tool("Looks up the shop's policy on a subject")
        String lookupPolicy(String query) {
            return POLICY;
        }
    }

    static class BrokenTools {
        @Tool("Looks up the shop's policy on a subject")
        String lookupPolicy(String query) {
            throw new IllegalStateException("the policy store is down");
        }
    }

    private final RecordingHoneyHiveServer honeyhive = RecordingHoneyHiveServer.start();
    private final OpenAiStandIn openAi = OpenAiStandIn.start();

    @AfterEach
    void stop() {
        openAi.close();
        honeyhive.close();
    }

    private Assistant assistant(HoneyHiveTracer tracer, Object tools) {
        return AiServices.builder(Assistant.class)
                .chatModel(GenAiTests.chatModel(openAi, tracer).build())
                .tools(tools)
                .afterToolExecution(new HoneyHiveToolSpans(tracer))
                .build();
    }

    @Test
    void aToolRunIsAToolEventWithItsArgumentsAndResultBetweenTheModelEvents() throws Exception {
        String session;
        try (HoneyHiveTracer tracer = GenAiTests.tracer(honeyhive).build()) {
            Assistant assistant = assistant(tracer, new PolicyTools());
            try (SessionScope scope = tracer.withSession("chat")) {
                session = scope.sessionId();
                String answer = tracer.trace("answer", EventType.CHAIN, () -> assistant.answer("Refunds?"));
                assertThat(answer).isEqualTo(OpenAiStandIn.DEFAULT_ANSWER);
            }
            assertThat(tracer.flush(WAIT)).isTrue();
        }

        RecordedSpan caller = honeyhive.span("answer");
        RecordedSpan tool = honeyhive.span("execute_tool lookupPolicy");
        assertThat(tool)
                .hasParent(caller)
                .hasSessionId(session)
                .hasEventType("tool")
                .hasAttribute("honeyhive_config.tool_name", "lookupPolicy")
                .hasInput("query", "refunds")
                .hasOutput("result", POLICY)
                .hasAttribute("gen_ai.tool.call.id", "call_1");
        List<RecordedSpan> models = honeyhive.spans().stream()
                .filter(span -> "model".equals(span.eventType()))
                .sorted(Comparator.comparingLong(RecordedSpan::startEpochNanos))
                .toList();
        assertThat(models).hasSize(2).allSatisfy(model -> assertThat(model).hasParent(caller));
        assertThat(models.get(0)).hasAttribute("honeyhive_outputs.finish_reason", "tool_calls");
        // The tool ran after the first model call answered and before the second one was made.
        assertThat(tool.startEpochNanos()).isGreaterThanOrEqualTo(models.get(0).endEpochNanos());
        assertThat(tool.endEpochNanos()).isLessThanOrEqualTo(models.get(1).startEpochNanos());
        assertThat(GenAiTests.chatHistory(models.get(1)))
                .extracting(message -> message.get("role"))
                .containsExactly("user", "assistant", "tool");
    }

    @Test
    void aFailedToolIsAToolEventWithTheErrorAndTheServiceStillAnswers() throws Exception {
        try (HoneyHiveTracer tracer = GenAiTests.tracer(honeyhive).build()) {
            Assistant assistant = assistant(tracer, new BrokenTools());
            String answer = tracer.trace("answer", EventType.CHAIN, () -> assistant.answer("Refunds?"));
            assertThat(answer).isEqualTo(OpenAiStandIn.DEFAULT_ANSWER);
            assertThat(tracer.flush(WAIT)).isTrue();
        }

        RecordedSpan tool = honeyhive.span("execute_tool lookupPolicy");
        assertThat(tool).hasParent(honeyhive.span("answer")).hasEventType("tool");
        assertThat(tool.statusCode()).isEqualTo("STATUS_CODE_ERROR");
        assertThat(tool.stringAttribute("honeyhive_error")).contains("the policy store is down");
    }

    @Test
    void withContentCaptureOffTheToolEventKeepsItsNameButNotItsArgumentsOrResult() throws Exception {
        try (HoneyHiveTracer tracer =
                GenAiTests.tracer(honeyhive).genaiCaptureContent(false).build()) {
            Assistant assistant = assistant(tracer, new PolicyTools());
            tracer.trace("answer", EventType.CHAIN, () -> assistant.answer("Refunds?"));
            assertThat(tracer.flush(WAIT)).isTrue();
        }

        assertThat(honeyhive.span("execute_tool lookupPolicy"))
                .hasAttribute("honeyhive_config.tool_name", "lookupPolicy")
                .hasNoAttribute("honeyhive_inputs.query")
                .hasNoAttribute("honeyhive_outputs.result")
                .hasNoAttribute("gen_ai.tool.call.arguments");
        assertThat(honeyhive).hasNoBodyContaining(POLICY);
    }
}
