package ai.honeyhive.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecordingHoneyHiveServerTest {

    private final RecordingHoneyHiveServer server = RecordingHoneyHiveServer.start();
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void answersScriptedStatusesInOrderThenTheDefault() throws Exception {
        server.enqueue(Route.SESSION_START, Response.status(503), Response.retryAfter(429, Duration.ofSeconds(2)));

        HttpResponse<String> first = post("/session/start", "{}");
        HttpResponse<String> second = post("/session/start", "{}");
        HttpResponse<String> third = post("/session/start", "{\"session\":{\"project\":\"p\"}}");

        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(second.headers().firstValue("Retry-After")).contains("2");
        assertThat(third.statusCode()).isEqualTo(200);
        assertThat(server.requests(Route.SESSION_START)).hasSize(3);
        assertThat(server.requests(Route.SESSION_START)
                        .get(2)
                        .json()
                        .at("/session/project")
                        .asText())
                .isEqualTo("p");
        assertThat(server.requests(Route.SESSION_START))
                .extracting(RecordedRequest::answeredStatus)
                .containsExactly(503, 429, 200);
    }

    @Test
    void unknownRoutesGet404() throws Exception {
        assertThat(post("/nowhere", "{}").statusCode()).isEqualTo(404);
        assertThat(server.requests())
                .singleElement()
                .extracting(RecordedRequest::route)
                .isEqualTo(Route.OTHER);
    }

    @Test
    void closedConnectionEndsTheExchangeWithoutAStatus() {
        server.enqueue(Route.EVENTS, Response.closeConnection());

        assertThatThrownBy(() -> send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/events"))
                        .PUT(HttpRequest.BodyPublishers.ofString("{}"))
                        .build()))
                .isInstanceOf(IOException.class);
        assertThat(server.requests(Route.EVENTS))
                .singleElement()
                .extracting(RecordedRequest::answeredStatus)
                .isEqualTo(0);
    }

    @Test
    void hangingRequestIsReleasedWithoutAnAnswerAndOthersAreServedMeanwhile() throws Exception {
        server.enqueue(Route.SESSION_START, Response.hang());
        CompletableFuture<HttpResponse<String>> hanging = client.sendAsync(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/session/start"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        server.awaitRequests(Route.SESSION_START, 1, Duration.ofSeconds(10));

        assertThat(post("/session/start", "{}").statusCode())
                .as("a second request while the first hangs")
                .isEqualTo(200);
        assertThat(hanging).isNotDone();

        server.releaseHangs();
        assertThat(hanging).failsWithin(Duration.ofSeconds(10));
    }

    @Test
    void malformedBodyIsNotJson() throws Exception {
        server.enqueue(Route.SESSION_START, Response.malformedBody(200));

        HttpResponse<String> response = post("/session/start", "{}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotStartWith("{");
    }

    @Test
    void decodesOtlpProtobufIntoSpansWithJavaAttributeValues() throws Exception {
        byte[] traceId = new byte[16];
        traceId[15] = 1;
        Span span = Span.newBuilder()
                .setName("retrieve")
                .setTraceId(ByteString.copyFrom(traceId))
                .setSpanId(ByteString.copyFrom(new byte[] {0, 0, 0, 0, 0, 0, 0, 2}))
                .addAttributes(
                        keyValue("honeyhive.session_id", AnyValue.newBuilder().setStringValue("s-1")))
                .addAttributes(
                        keyValue("honeyhive_inputs.k", AnyValue.newBuilder().setIntValue(3)))
                .addAttributes(
                        keyValue("honeyhive_duration_ms", AnyValue.newBuilder().setDoubleValue(1.5)))
                .build();
        ExportTraceServiceRequest export = ExportTraceServiceRequest.newBuilder()
                .addResourceSpans(ResourceSpans.newBuilder()
                        .addScopeSpans(ScopeSpans.newBuilder().addSpans(span)))
                .build();

        HttpResponse<String> response =
                send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/opentelemetry/v1/traces"))
                        .header("Content-Type", "application/x-protobuf")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(export.toByteArray()))
                        .build());

        assertThat(response.statusCode()).isEqualTo(200);
        RecordedSpan decoded = server.awaitSpans(1).get(0);
        assertThat(decoded.traceId()).isEqualTo("00000000000000000000000000000001");
        assertThat(decoded.spanId()).isEqualTo("0000000000000002");
        assertThat(decoded.isRoot()).isTrue();
        HoneyHiveAssertions.assertThat(server)
                .inSession("s-1")
                .hasSpanNamed("retrieve")
                .hasInput("k", 3)
                .hasAttribute("honeyhive_duration_ms", 1.5);
    }

    @Test
    void spansOfRejectedRequestsAreNotCountedAsDelivered() throws Exception {
        server.enqueue(Route.TRACES, Response.status(503));
        ExportTraceServiceRequest export = ExportTraceServiceRequest.newBuilder()
                .addResourceSpans(ResourceSpans.newBuilder()
                        .addScopeSpans(ScopeSpans.newBuilder()
                                .addSpans(Span.newBuilder().setName("x"))))
                .build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/opentelemetry/v1/traces"))
                .header("Content-Type", "application/x-protobuf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(export.toByteArray()))
                .build();

        send(request);
        assertThat(server.spans()).isEmpty();
        send(request);
        assertThat(server.spans()).extracting(RecordedSpan::name).containsExactly("x");
    }

    @Test
    void awaitFailsWithWhatWasReceivedWhenTimedOut() {
        assertThatThrownBy(() -> server.awaitSpans(1, Duration.ofMillis(50)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("1 delivered spans");
    }

    @Test
    void bodyAssertionFindsASecret() throws Exception {
        post("/session/start", "{\"key\":\"canary-123\"}");

        HoneyHiveAssertions.assertThat(server).hasNoBodyContaining("other-secret");
        assertThatThrownBy(() -> HoneyHiveAssertions.assertThat(server).hasNoBodyContaining("canary-123"))
                .isInstanceOf(AssertionError.class);
    }

    private static KeyValue keyValue(String key, AnyValue.Builder value) {
        return KeyValue.newBuilder().setKey(key).setValue(value).build();
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
