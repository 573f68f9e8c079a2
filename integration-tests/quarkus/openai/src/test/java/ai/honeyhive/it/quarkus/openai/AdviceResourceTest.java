package ai.honeyhive.it.quarkus.openai;

import static ai.honeyhive.testing.HoneyHiveAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.testing.OpenAiStandIn;
import ai.honeyhive.testing.RecordedSpan;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On Quarkus: an {@code OpenAIClient} that the application's producer instruments with {@code HoneyHiveOpenAi},
 * injected into a {@code @Traced} bean that a REST request calls. Each call is one model event with HoneyHive's keys,
 * the child of the bean's span, in the request's session; checked on the decoded OTLP the recording server got.
 */
@QuarkusTest
@QuarkusTestResource(ModelAndHoneyHiveResource.class)
class AdviceResourceTest {

    private static final String QUESTION = "How long do refunds take?";
    private static final String CHAT_HISTORY = "[{\"role\":\"user\",\"content\":\"" + QUESTION + "\"}]";

    @BeforeEach
    void startHoneyHive() {
        ModelAndHoneyHiveResource.HONEYHIVE.server();
    }

    @Test
    void aModelCallIsAModelEventUnderTheTracedBeanInTheRequestsSession() {
        String session = askFor("/advice", OpenAiStandIn.DEFAULT_ANSWER);

        RecordedSpan request = awaitInSession(session, "GET /advice");
        RecordedSpan advisor = awaitInSession(session, "Advisor.advise");
        RecordedSpan model = awaitModelEventUnder(advisor);
        assertThat(advisor).hasParent(request).hasSessionId(session);
        assertThat(model)
                .hasSessionId(session)
                .hasAttribute("honeyhive_config.model", Advisor.MODEL)
                .hasAttribute("honeyhive_config.provider", "openai")
                .hasAttribute("honeyhive_inputs.chat_history", CHAT_HISTORY)
                .hasAttribute("honeyhive_outputs.role", "assistant")
                .hasAttribute("honeyhive_outputs.content", OpenAiStandIn.DEFAULT_ANSWER)
                .hasAttribute("honeyhive_outputs.finish_reason", "stop")
                .hasAttribute("honeyhive_metadata.input_tokens", (long) OpenAiStandIn.PROMPT_TOKENS)
                .hasAttribute("honeyhive_metadata.output_tokens", 10L)
                .hasAttribute("honeyhive_metadata.total_tokens", OpenAiStandIn.PROMPT_TOKENS + 10L);
    }

    @Test
    void aStreamedCallIsOneModelEventWhoseOutputIsTheStreamedAnswer() {
        String session = askFor("/advice/streamed", OpenAiStandIn.DEFAULT_ANSWER);

        RecordedSpan advisor = awaitInSession(session, "Advisor.adviseStreamed");
        RecordedSpan model = awaitModelEventUnder(advisor);
        assertThat(model)
                .hasSessionId(session)
                .hasAttribute("honeyhive_inputs.chat_history", CHAT_HISTORY)
                .hasAttribute("honeyhive_outputs.content", OpenAiStandIn.DEFAULT_ANSWER);
        List<RecordedSpan> models = ModelAndHoneyHiveResource.HONEYHIVE.server().spans().stream()
                .filter(span -> advisor.spanId().equals(span.parentSpanId()))
                .toList();
        assertThat(models).as("model events under " + advisor).hasSize(1);
    }

    /** Asks the question at the path, checks the answer, and returns the request's session. */
    private static String askFor(String path, String answer) {
        Response response = RestAssured.given().queryParam("q", QUESTION).get(path);
        response.then().statusCode(200);
        assertThat(response.body().asString()).isEqualTo(answer);
        return response.header("X-Session-ID");
    }

    private static RecordedSpan awaitInSession(String session, String name) {
        return ModelAndHoneyHiveResource.HONEYHIVE.awaitSpan(
                span -> name.equals(span.name()) && session.equals(span.sessionId()));
    }

    private static RecordedSpan awaitModelEventUnder(RecordedSpan parent) {
        return ModelAndHoneyHiveResource.HONEYHIVE.awaitSpan(
                span -> "model".equals(span.eventType()) && parent.spanId().equals(span.parentSpanId()));
    }
}
