package ai.honeyhive.it.quarkus.otel;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.testing.RecordedSpan;
import ai.honeyhive.testing.RecordingHoneyHiveResource;
import ai.honeyhive.testing.RecordingHoneyHiveServer;
import ai.honeyhive.tracer.HoneyHiveTracer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With quarkus-opentelemetry in the application: Quarkus's server span, @WithSpan spans, a GenAI client span made
 * with Quarkus's Tracer (as quarkus-langchain4j makes them) and @Traced spans form one trace; HoneyHive gets the
 * spans of the session once each, through its own exporter, and Quarkus keeps exporting its own.
 */
@QuarkusTest
@QuarkusTestResource(StubOpenAiResource.class)
@QuarkusTestResource(
        value = RecordingHoneyHiveResource.class,
        initArgs = @ResourceArg(name = "api-key", value = "hh-it-key"))
class CoexistenceTest {

    @Inject
    CollectedSpans quarkusSpans;

    @Inject
    HoneyHiveTracer tracer;

    RecordingHoneyHiveServer honeyhive;

    @BeforeEach
    void startServer() {
        honeyhive = RecordingHoneyHiveResource.server();
    }

    @Test
    void quarkusSpansAndTracedSpansFormOneTraceAndHoneyHiveGetsTheSessionsSpansOnce() {
        Response response = RestAssured.given().queryParam("q", "returns").get("/chat");
        response.then().statusCode(200);
        String session = response.header("X-Session-ID");

        RecordedSpan request = awaitInSession(session, "GET /chat");
        RecordedSpan chain = awaitInSession(session, "Assistant.reply");
        RecordedSpan tool = awaitInSession(session, "tool lookup");
        RecordedSpan chat = awaitInSession(session, "chat gpt-4o-mini");

        SpanData server = awaitQuarkusSpan(
                span -> span.getKind() == SpanKind.SERVER && span.getTraceId().equals(request.traceId()));
        // One tree: Quarkus's server span > HoneyHive's request span > @Traced > @WithSpan and the chat span.
        assertThat(request.parentSpanId()).isEqualTo(server.getSpanId());
        assertThat(chain.parentSpanId()).isEqualTo(request.spanId());
        assertThat(tool.parentSpanId()).isEqualTo(chain.spanId());
        assertThat(chat.parentSpanId()).isEqualTo(chain.spanId());
        assertThat(List.of(chain, tool, chat)).allMatch(span -> span.traceId().equals(server.getTraceId()));

        // Other instrumentation's spans arrive stamped with the session, their event type detected.
        assertThat(chat.eventType()).isEqualTo("model");
        assertThat(chat.stringAttribute("honeyhive.project")).isEqualTo("quarkus-otel-it");
        assertThat(chat.attribute("gen_ai.usage.input_tokens")).contains(12L);
        assertThat(tool.stringAttribute("topic")).isEqualTo("returns");

        // Each span reaches HoneyHive once; Quarkus's server span (started before the session) does not.
        List<String> ids = honeyhive.spans().stream().map(RecordedSpan::spanId).toList();
        assertThat(ids).doesNotHaveDuplicates().doesNotContain(server.getSpanId());
        // HoneyHive's own spans stay out of Quarkus's exporter; Quarkus's spans stay in it.
        awaitQuarkusSpan(span -> span.getSpanId().equals(tool.spanId()));
        assertThat(quarkusSpans.spans()).noneMatch(span -> span.getSpanId().equals(chain.spanId()));
    }

    @Test
    void quarkusLangchain4jSpansInARequestReachHoneyHiveInItsSessionAsModelEvents() {
        Response response = RestAssured.given().queryParam("q", "refunds?").get("/bot");
        response.then().statusCode(200);
        assertThat(response.asString()).isEqualTo("Refunds take 30 days.");
        String session = response.header("X-Session-ID");
        RecordedSpan chain = awaitInSession(session, "BotResource.answer");
        // The AI service span, and its chat span with the gen_ai attributes langchain4j sets, under the @Traced chain.
        RecordedSpan service = RecordingHoneyHiveResource.awaitSpan(
                span -> session.equals(span.sessionId()) && span.name().startsWith("langchain4j.aiservices."));
        RecordedSpan chat = RecordingHoneyHiveResource.awaitSpan(
                span -> session.equals(span.sessionId()) && span.attributes().containsKey("gen_ai.request.model"));
        assertThat(service.parentSpanId()).isEqualTo(chain.spanId());
        assertThat(chat.parentSpanId()).isEqualTo(service.spanId());
        assertThat(chat.eventType()).as(chat.toString()).isEqualTo("model");
        assertThat(chat.stringAttribute("gen_ai.response.model")).isEqualTo("gpt-4o-mini");
        assertThat(chat.attribute("gen_ai.usage.prompt_tokens")).contains(12L);
        // Normalised to HoneyHive's keys at export, from Quarkus LangChain4j's legacy ones.
        assertThat(chat.attribute("honeyhive_config.model")).contains("gpt-4o-mini");
        assertThat(chat.attribute("honeyhive_metadata.input_tokens")).contains(12L);
        assertThat(chat.attribute("honeyhive_metadata.prompt_tokens")).contains(12L);
        assertThat(chat.attribute("honeyhive_metadata.output_tokens")).contains(7L);
        assertThat(chat.attribute("honeyhive_metadata.total_tokens")).contains(19L);
        assertThat(chat.stringAttribute("honeyhive_inputs.chat_history")).contains("refunds?");
        assertThat(chat.attribute("honeyhive_outputs.content")).contains("Refunds take 30 days.");
    }

    @Test
    void quarkusRestClientCallsCarryTheSessionThroughQuarkusOwnInstrumentation() {
        Response response =
                RestAssured.given().queryParam("q", StubOpenAi.ECHO_HEADERS).get("/bot");
        response.then().statusCode(200);
        String session = response.header("X-Session-ID");
        // The headers as the OpenAI stand-in received them. quarkus-opentelemetry writes them once for its REST client
        // span, and once more for quarkus-langchain4j's span around the call; HoneyHive's client filter stays out.
        String sent = response.asString();
        List<String> traceparents = List.of(between(sent, "traceparent=[", "]").split(", "));
        List<String> baggages = List.of(between(sent, "baggage=[", "]").split(", "));

        RecordedSpan chain = awaitInSession(session, "BotResource.answer");
        List<SpanData> parents = traceparents.stream()
                .map(value -> value.split("-")[2])
                .map(id -> awaitQuarkusSpan(span -> span.getSpanId().equals(id)))
                .toList();
        assertThat(parents).allSatisfy(parent -> assertThat(parent.getTraceId()).isEqualTo(chain.traceId()));
        assertThat(parents).anySatisfy(parent -> assertThat(parent.getKind()).isEqualTo(SpanKind.CLIENT));
        assertThat(baggages).hasSameSizeAs(traceparents).allSatisfy(baggage -> assertThat(List.of(baggage.split(",")))
                .contains("session_id=" + session, "project=quarkus-otel-it", "source=dev"));
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from));
    }

    @Test
    void spansOutsideAnySessionAreNotSentToHoneyHiveWhateverTheInboundBaggageSays() {
        // Quarkus takes the caller's baggage into its context; a session id in it is not a HoneyHive session.
        RestAssured.given()
                .header("baggage", "session_id=0b5b1c5e-6e1f-4c5e-9f3a-2d2f6f0c9a11,project=someone-else")
                .get("/health/ping")
                .then()
                .statusCode(200)
                .header("X-Session-ID", (String) null);
        SpanData tool = awaitQuarkusSpan(span -> span.getName().equals("tool lookup")
                && "health"
                        .equals(span.getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey("topic"))));
        // Had it been in a session, it would have been delivered by now.
        assertThat(tracer.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(honeyhive.spans()).noneMatch(span -> span.spanId().equals(tool.getSpanId()));
    }

    @Test
    void quarkusOwnBaggagePropagatorCarriesTheRequestsSessionAndNeverACallersHoneyHiveKeys() {
        String untrusted = "session_id=0b5b1c5e-6e1f-4c5e-9f3a-2d2f6f0c9a11,project=attacker,source=evil,tenant=acme";
        Response response = RestAssured.given().header("baggage", untrusted).get("/propagate");
        response.then().statusCode(200);
        String session = response.header("X-Session-ID");

        assertThat(List.of(response.asString().split(",")))
                .containsExactlyInAnyOrder(
                        "session_id=" + session, "project=quarkus-otel-it", "source=dev", "tenant=acme");

        String outside = RestAssured.given()
                .header("baggage", untrusted)
                .get("/health/propagate")
                .asString();
        assertThat(outside)
                .as("a request outside any HoneyHive session passes on no HoneyHive key")
                .isEqualTo("tenant=acme");
    }

    private RecordedSpan awaitInSession(String session, String name) {
        return RecordingHoneyHiveResource.awaitSpan(
                span -> name.equals(span.name()) && session.equals(span.sessionId()));
    }

    private SpanData awaitQuarkusSpan(Predicate<SpanData> wanted) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            for (SpanData span : quarkusSpans.spans()) {
                if (wanted.test(span)) {
                    return span;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("No matching span among Quarkus's " + quarkusSpans.spans());
    }
}
