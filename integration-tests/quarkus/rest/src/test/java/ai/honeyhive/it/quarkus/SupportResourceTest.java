package ai.honeyhive.it.quarkus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.honeyhive.testing.RecordedRequest;
import ai.honeyhive.testing.RecordedSpan;
import ai.honeyhive.testing.RecordingHoneyHiveResource;
import ai.honeyhive.testing.RecordingHoneyHiveServer;
import ai.honeyhive.testing.Route;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

/** A real Quarkus REST application with the extension, checked on the decoded OTLP the recording server got. */
@QuarkusTest
@QuarkusTestResource(
        value = RecordingHoneyHiveResource.class,
        initArgs = @ResourceArg(name = "api-key", value = "hh-it-key"))
class SupportResourceTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    RecordingHoneyHiveServer honeyhive;

    @BeforeEach
    void startServer() {
        honeyhive = RecordingHoneyHiveResource.server();
    }

    @Test
    void eachRequestGetsItsOwnSessionWithTheTracedBeansUnderTheRequestSpan() {
        Response response = RestAssured.given().queryParam("q", "refunds").get("/support/answer");
        response.then().statusCode(200);
        String session = response.header("X-Session-ID");
        assertThat(session).matches(UUID);

        RecordedSpan request = awaitInSession(session, "GET /support/answer");
        RecordedSpan answer = awaitInSession(session, "Assistant.answer");
        RecordedSpan search = awaitInSession(session, "Retriever.search");
        RecordedSpan model = awaitInSession(session, "Model.complete");
        assertThat(request.kind()).isEqualTo("SPAN_KIND_SERVER");
        // Without quarkus-opentelemetry or an inbound traceparent, the request span is the root, and there is one.
        assertThat(request.isRoot()).isTrue();
        assertThat(honeyhive.spans())
                .filteredOn(
                        span -> session.equals(span.sessionId()) && span.name().equals("GET /support/answer"))
                .hasSize(1);
        assertThat(request.stringAttribute("http.route")).isEqualTo("/support/answer");
        assertThat(answer.parentSpanId()).isEqualTo(request.spanId());
        assertThat(search.parentSpanId()).isEqualTo(answer.spanId());
        assertThat(model.parentSpanId()).isEqualTo(answer.spanId());
        assertThat(answer.eventType()).isEqualTo("chain");
        assertThat(search.eventType()).isEqualTo("tool");
        assertThat(model.eventType()).isEqualTo("model");
        assertThat(answer.stringAttribute("honeyhive_inputs.question")).isEqualTo("refunds");
        assertThat(model.stringAttribute("honeyhive_outputs.result")).isEqualTo("answer to refunds from 2 documents");
        assertThat(request.stringAttribute("honeyhive.project")).isEqualTo("quarkus-it");
        assertThat(request.stringAttribute("honeyhive.source")).isEqualTo("integration-test");

        RecordedRequest start = awaitSessionStart(session);
        assertThat(start.json().at("/session/metadata/service").asText()).isEqualTo("support-assistant");
        assertThat(start.header("Authorization")).contains("Bearer hh-it-key");
    }

    @Test
    void aUniResultKeepsTheSessionAcrossThreadsAndEndsItsSpanWhenTheItemArrives() {
        Response response = RestAssured.given().queryParam("q", "shipping").get("/support/uni");
        response.then().statusCode(200);
        assertThat(response.asString()).isEqualTo("async answer to shipping (2)");
        String session = response.header("X-Session-ID");

        RecordedSpan request = awaitInSession(session, "GET /support/uni");
        RecordedSpan chain = awaitInSession(session, "Assistant.answerLater");
        RecordedSpan model = awaitInSession(session, "Model.completeAsync");
        assertThat(chain.parentSpanId()).isEqualTo(request.spanId());
        assertThat(model.parentSpanId()).isEqualTo(chain.spanId());
        assertThat(chain.stringAttribute("honeyhive_outputs.result")).isEqualTo("async answer to shipping (2)");
        // The second search runs in the continuation, on the worker thread the model answered on.
        awaitSpan(span -> session.equals(span.sessionId())
                && "async answer to shipping".equals(span.stringAttribute("honeyhive_inputs.question")));
    }

    @Test
    void aCompletionStageResultEndsItsSpanWhenItCompletes() {
        Response response = RestAssured.given().queryParam("q", "invoices").get("/support/stage");
        response.then().statusCode(200);
        String session = response.header("X-Session-ID");
        RecordedSpan stage = awaitInSession(session, "Assistant.answerStage");
        RecordedSpan answer = awaitInSession(session, "Assistant.answer");
        assertThat(answer.parentSpanId()).isEqualTo(stage.spanId());
        assertThat(stage.stringAttribute("honeyhive_outputs.result")).isEqualTo("answer to invoices from 2 documents");
    }

    @Test
    @EnabledForJreRange(
            min = JRE.JAVA_21,
            disabledReason = "@RunOnVirtualThread needs JDK 21+: Quarkus fails the build on 17, so the endpoint is"
                    + " only built by the virtual-threads profile (Maven on JDK 21+)")
    void aVirtualThreadEndpointRunsInTheRequestsSession() {
        Response response = RestAssured.given().queryParam("q", "loom").get("/support/virtual");
        response.then().statusCode(200);
        String session = response.header("X-Session-ID");
        RecordedSpan request = awaitInSession(session, "GET /support/virtual");
        RecordedSpan answer = awaitInSession(session, "Assistant.answer");
        assertThat(answer.parentSpanId()).isEqualTo(request.spanId());
        assertThat(response.asString()).isEqualTo("answer to loom from 2 documents on a virtual thread");
    }

    @Test
    void aFailingResourceIsRecordedOnTheRequestAndTheBean() {
        Response response = RestAssured.given().queryParam("q", "oops").get("/support/fail");
        response.then().statusCode(500);
        String session = response.header("X-Session-ID");
        RecordedSpan request = awaitInSession(session, "GET /support/fail");
        RecordedSpan failed = awaitInSession(session, "Assistant.fail");
        assertThat(failed.stringAttribute("honeyhive_error")).contains("no answer for oops");
        assertThat(request.statusCode()).isEqualTo("STATUS_CODE_ERROR");
        assertThat(request.attribute("http.response.status_code")).contains(500L);
    }

    @Test
    void theRestClientCarriesTheTraceToTheNextService() {
        Response response = RestAssured.given().queryParam("q", "hop").get("/support/relay");
        response.then().statusCode(200);
        String session = response.header("X-Session-ID");
        RecordedSpan outer = awaitInSession(session, "GET /support/relay");
        RecordedSpan inner = awaitSpan(span ->
                span.name().equals("GET /support/answer") && outer.traceId().equals(span.traceId()));
        // The inbound baggage is not trusted by default: the called service starts its own session, same trace.
        assertThat(inner.sessionId()).isNotEqualTo(session);
        assertThat(inner.parentSpanId()).isNotEmpty();
    }

    @Test
    void withoutQuarkusOpenTelemetryNoneOfItIsOnTheClasspath() {
        assertThatThrownBy(() -> Class.forName("io.quarkus.opentelemetry.runtime.QuarkusContextStorage"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void concurrentRequestsNeverSeeEachOthersSession() throws Exception {
        int requests = 40;
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Map.Entry<String, String>>> sessions = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                String question = "isolation-" + i;
                String path = i % 2 == 0 ? "/support/answer" : "/support/uni";
                sessions.add(clients.submit(() -> {
                    Response response =
                            RestAssured.given().queryParam("q", question).get(path);
                    response.then().statusCode(200);
                    return Map.entry(question, response.header("X-Session-ID"));
                }));
            }
            List<String> seen = new ArrayList<>();
            for (Future<Map.Entry<String, String>> future : sessions) {
                Map.Entry<String, String> sent = future.get();
                seen.add(sent.getValue());
                RecordedSpan chain =
                        awaitSpan(span -> sent.getKey().equals(span.stringAttribute("honeyhive_inputs.question"))
                                && span.name().startsWith("Assistant."));
                assertThat(chain.sessionId()).as(sent.getKey()).isEqualTo(sent.getValue());
            }
            assertThat(seen).doesNotHaveDuplicates().hasSize(requests);
            // Every span that carries one request's question carries that request's session, and no other.
            for (RecordedSpan span : honeyhive.spans()) {
                String question = span.stringAttribute("honeyhive_inputs.question");
                if (question != null && question.startsWith("isolation-")) {
                    int index = Integer.parseInt(question.substring("isolation-".length()));
                    assertThat(span.sessionId())
                            .as(span.toString())
                            .isEqualTo(sessions.get(index).get().getValue());
                }
            }
        } finally {
            clients.shutdownNow();
        }
    }

    private RecordedSpan awaitInSession(String session, String name) {
        return awaitSpan(span -> name.equals(span.name()) && session.equals(span.sessionId()));
    }

    private RecordedSpan awaitSpan(Predicate<RecordedSpan> wanted) {
        return RecordingHoneyHiveResource.awaitSpan(wanted);
    }

    private RecordedRequest awaitSessionStart(String session) {
        return honeyhive.awaitRequest(
                Route.SESSION_START,
                request ->
                        session.equals(request.json().at("/session/session_id").asText()),
                Duration.ofSeconds(20));
    }
}
