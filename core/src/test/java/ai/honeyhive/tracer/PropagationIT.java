package ai.honeyhive.tracer;

import static ai.honeyhive.testing.HoneyHiveAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.testing.RecordedSpan;
import ai.honeyhive.testing.RecordingHoneyHiveServer;
import ai.honeyhive.testing.Route;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** W3C trace context and baggage between tracers, over real HTTP on loopback. */
class PropagationIT {

    private final RecordingHoneyHiveServer server = RecordingHoneyHiveServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void injectWritesTraceparentAndBaggageWithTheCurrentSession() {
        try (HoneyHiveTracer tracer = TestTracers.inTestMode().build()) {
            Map<String, String> outside = tracer.inject();
            assertThat(outside).containsKey("baggage").doesNotContainKey("traceparent");
            assertThat(outside.get("baggage")).contains("session_id=" + tracer.sessionId());

            try (SessionScope session = tracer.withSession("request");
                    HoneyHiveSpan span = tracer.trace("call-downstream")) {
                Map<String, String> headers = tracer.inject(new HashMap<>(Map.of("Content-Type", "text/plain")));

                assertThat(headers.get("traceparent"))
                        .isEqualTo("00-" + span.getSpanContext().getTraceId() + "-"
                                + span.getSpanContext().getSpanId() + "-"
                                + span.getSpanContext().getTraceFlags().asHex());
                assertThat(headers.get("baggage")).contains("session_id=" + session.sessionId());
                assertThat(headers).containsEntry("Content-Type", "text/plain");
            }
        }
    }

    @Test
    void linkMakesTheCarriersContextCurrentUntilUnlinked() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        try (HoneyHiveTracer tracer = TestTracers.inTestMode().build()) {
            LinkToken token = tracer.link(Map.of(
                    "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01",
                    "baggage", "session_id=" + "0e8c6c1a-7a3b-4c55-9a0e-1f2d3c4b5a69,tenant=acme"));
            try {
                assertThat(Span.current().getSpanContext().getTraceId()).isEqualTo(traceId);
                assertThat(Baggage.current().getEntryValue("tenant")).isEqualTo("acme");
            } finally {
                tracer.unlink(token);
            }

            assertThat(Span.current().getSpanContext().isValid()).isFalse();
            assertThat(Baggage.current().isEmpty()).isTrue();
        }
    }

    @Test
    void invalidTraceparentIsIgnoredByLink() {
        try (HoneyHiveTracer tracer = TestTracers.inTestMode().build();
                LinkToken ignored = tracer.link(Map.of("traceparent", "00-trace-id-span-id-01"))) {
            assertThat(Span.current().getSpanContext().isValid()).isFalse();
        }
    }

    @Test
    void aTraceThroughInjectIntoAnotherServiceAndLinkThereIsOneTraceInOneSession() throws Exception {
        try (HoneyHiveTracer frontend =
                        TestTracers.against(server).project("frontend").build();
                HoneyHiveTracer backend =
                        TestTracers.against(server).project("backend").build()) {
            HttpServer backendService =
                    HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            backendService.createContext("/answer", exchange -> {
                Map<String, String> headers = new HashMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
                try (LinkToken link = backend.link(headers);
                        HoneyHiveSpan span = backend.trace("backend-answer", EventType.MODEL)) {
                    byte[] body = "42".getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            backendService.start();
            try {
                String sessionId;
                try (SessionScope session = frontend.withSession("user-question");
                        HoneyHiveSpan span = frontend.trace("frontend-request", EventType.CHAIN)) {
                    sessionId = session.sessionId();
                    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(
                            "http://127.0.0.1:" + backendService.getAddress().getPort() + "/answer"));
                    frontend.inject().forEach(request::header);
                    HttpResponse<String> response =
                            HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(response.body()).isEqualTo("42");
                }
                assertThat(frontend.flush(TestTracers.WAIT)).isTrue();
                assertThat(backend.flush(TestTracers.WAIT)).isTrue();

                RecordedSpan front = server.spans().stream()
                        .filter(s -> s.name().equals("frontend-request"))
                        .findFirst()
                        .orElseThrow();
                assertThat(server)
                        .hasSpanNamed("backend-answer")
                        .hasParent(front)
                        .hasSessionId(sessionId)
                        .as("the session's project travels with it, as the reference's baggage carries it")
                        .hasAttribute("honeyhive.project", "frontend");
                assertThat(front).hasSessionId(sessionId);
            } finally {
                backendService.stop(0);
            }
        }
    }

    @Test
    void aPlainOpenTelemetryPropagatorCarriesTheCallersSessionProjectSourceAndEvaluationIds() throws Exception {
        try (HoneyHiveTracer frontend = TestTracers.against(server)
                        .project("frontend")
                        .source("ci")
                        .evaluation(true)
                        .runId("run-7")
                        .datasetId("dataset-3")
                        .datapointId("datapoint-11")
                        .build();
                HoneyHiveTracer backend = TestTracers.against(server)
                        .project("backend")
                        .source("production")
                        .build()) {
            HttpServer backendService = linkingService(backend);
            try {
                String url = "http://127.0.0.1:" + backendService.getAddress().getPort() + "/answer?step=";
                // A traced function outside any session of its own: the tracer's session travels.
                frontend.trace("ask", EventType.CHAIN, () -> sendWithPropagator(frontend, url + "own"));
                String requestSession;
                try (SessionScope session = frontend.withSession("user-question")) {
                    requestSession = session.sessionId();
                    frontend.trace(
                            "ask-in-session", EventType.CHAIN, () -> sendWithPropagator(frontend, url + "scoped"));
                }
                assertThat(frontend.flush(TestTracers.WAIT)).isTrue();
                assertThat(backend.flush(TestTracers.WAIT)).isTrue();

                RecordedSpan own = server.span("backend-own");
                assertThat(own)
                        .hasParent(server.span("ask"))
                        .hasSessionId(frontend.sessionId())
                        .hasAttribute("honeyhive.project", "frontend")
                        .hasAttribute("honeyhive.source", "ci")
                        .hasAttribute("honeyhive_metadata.run_id", "run-7")
                        .hasAttribute("honeyhive_metadata.dataset_id", "dataset-3")
                        .hasAttribute("honeyhive_metadata.datapoint_id", "datapoint-11");
                assertThat(server.span("backend-scoped"))
                        .as("the session of withSession wins over the tracer's")
                        .hasParent(server.span("ask-in-session"))
                        .hasSessionId(requestSession)
                        .hasAttribute("honeyhive.project", "frontend")
                        .hasAttribute("honeyhive.source", "ci")
                        .hasAttribute("honeyhive_metadata.run_id", "run-7");
                assertThat(server.requests(Route.SESSION_START))
                        .extracting(
                                start -> start.json().at("/session/session_id").asText())
                        .as("the backend starts no session of its own: it has only the caller's")
                        .containsExactlyInAnyOrder(frontend.sessionId(), requestSession, backend.sessionId());
            } finally {
                backendService.stop(0);
            }
        }
    }

    @Test
    void aSessionCarriesTheProjectOfTheTracerThatOpenedItWhicheverTracersPropagatorWritesIt() {
        try (HoneyHiveTracer support =
                        TestTracers.inTestMode().project("support").build();
                HoneyHiveTracer billing = TestTracers.inTestMode()
                        .project("billing")
                        .source("production")
                        .build();
                SessionScope session = billing.withSession("invoice-question")) {
            Map<String, String> headers = new HashMap<>();
            support.openTelemetry()
                    .getPropagators()
                    .getTextMapPropagator()
                    .inject(Context.current(), headers, Map::put);

            assertThat(headers.get("baggage").split(","))
                    .contains("session_id=" + session.sessionId(), "project=billing", "source=production");
        }
    }

    /** Sends a GET with only what the OpenTelemetry propagator of the tracer writes: no HoneyHive API involved. */
    private static String sendWithPropagator(HoneyHiveTracer tracer, String url) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        tracer.openTelemetry()
                .getPropagators()
                .getTextMapPropagator()
                .inject(Context.current(), request, HttpRequest.Builder::header);
        return HttpClient.newHttpClient()
                .send(request.build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    /** A service that continues the caller's trace and session, naming its span after the {@code step} query. */
    private static HttpServer linkingService(HoneyHiveTracer backend) throws IOException {
        HttpServer service = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        service.createContext("/answer", exchange -> {
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            String step = exchange.getRequestURI().getQuery().substring("step=".length());
            try (LinkToken link = backend.link(headers);
                    HoneyHiveSpan span = backend.trace("backend-" + step, EventType.MODEL)) {
                byte[] body = step.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        service.start();
        return service;
    }
}
