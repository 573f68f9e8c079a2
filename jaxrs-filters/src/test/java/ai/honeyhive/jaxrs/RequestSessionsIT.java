package ai.honeyhive.jaxrs;

import static ai.honeyhive.testing.HoneyHiveAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ai.honeyhive.testing.RecordedRequest;
import ai.honeyhive.testing.RecordedSpan;
import ai.honeyhive.testing.RecordingHoneyHiveServer;
import ai.honeyhive.testing.Response;
import ai.honeyhive.testing.Route;
import ai.honeyhive.tracer.EventType;
import ai.honeyhive.tracer.HoneyHiveTracer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One HoneyHive session per HTTP request, on Jersey 4 + Weld SE 6 + the JDK HTTP server. */
class RequestSessionsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Class<?>[] COMPONENTS = {
        AssistantResource.class, HealthResource.class, QuotaExceededMapper.class
    };

    private final RecordingHoneyHiveServer honeyhive = RecordingHoneyHiveServer.start();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        honeyhive.close();
    }

    private HttpResponse<String> get(JaxrsServer server, String path, String... headers) throws Exception {
        return get(http, server, path, headers);
    }

    private static HttpResponse<String> get(HttpClient client, JaxrsServer server, String path, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sessionOf(HttpResponse<?> response) {
        return response.headers()
                .firstValue(HoneyHiveServerFilter.SESSION_HEADER)
                .orElseThrow();
    }

    private static void flush(JaxrsServer server) {
        assertThat(server.get(HoneyHiveTracer.class).flush(WAIT)).isTrue();
    }

    @Test
    void oneRequestIsOneSessionWhoseChainSpanParentsTheTracedSpans() throws Exception {
        try (JaxrsServer server = JaxrsServer.start(JaxrsServer.exportingTo(honeyhive), COMPONENTS)) {
            HttpResponse<String> response = get(server, "/assistant/orders/42", "X-Tenant", "acme");
            flush(server);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("answer to order 42");
            String session = sessionOf(response);
            RecordedSpan request = honeyhive.span("GET /assistant/orders/{id}");
            assertThat(request)
                    .hasEventType("chain")
                    .hasSessionId(session)
                    .hasAttribute("http.request.method", "GET")
                    .hasAttribute("http.route", "/assistant/orders/{id}")
                    .hasAttribute("http.response.status_code", 200L);
            assertThat(request.kind()).isEqualTo("SPAN_KIND_SERVER");
            assertThat(honeyhive.span("Answerer.answer"))
                    .hasParent(request)
                    .hasSessionId(session)
                    .hasInput("question", "order 42");

            RecordedRequest start = honeyhive.requests(Route.SESSION_START).get(0);
            assertThat(start.json().at("/session/session_id").asText()).isEqualTo(session);
            assertThat(start.json().at("/session/session_name").asText()).isEqualTo("GET /assistant/orders/{id}");
            assertThat(start.json().at("/session/inputs/path").asText()).isEqualTo("/assistant/orders/42");
            assertThat(start.json().at("/session/user_properties/tenant").asText())
                    .as("the application's RequestSessionCustomizer bean")
                    .isEqualTo("acme");
            assertThat(honeyhive.requests(Route.EVENTS)).singleElement().satisfies(update -> {
                assertThat(update.json().get("event_id").asText()).isEqualTo(session);
                assertThat(update.json().at("/outputs/status_code").asInt()).isEqualTo(200);
            });
        }
    }

    @Test
    void fiveHundredConcurrentRequestsEachSeeOnlyTheirOwnSession() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(32);
        try (JaxrsServer server = JaxrsServer.start(JaxrsServer.exportingTo(honeyhive), COMPONENTS)) {
            List<Callable<Map.Entry<String, String>>> requests = new ArrayList<>();
            String[] kinds = {"answer", "async", "stage"};
            for (int i = 0; i < 500; i++) {
                String question = "q" + i;
                String kind = kinds[i % kinds.length];
                requests.add(() -> {
                    // A connection per request: a reused keep-alive connection can race with Grizzly closing it.
                    HttpResponse<String> response =
                            get(HttpClient.newHttpClient(), server, "/assistant/" + kind + "?q=" + question);
                    assertThat(response.body()).isEqualTo("answer to " + question);
                    return Map.entry(question, sessionOf(response));
                });
            }
            Map<String, String> sessionByQuestion = new java.util.HashMap<>();
            for (Future<Map.Entry<String, String>> future : clients.invokeAll(requests)) {
                Map.Entry<String, String> entry = future.get();
                sessionByQuestion.put(entry.getKey(), entry.getValue());
            }
            flush(server);

            assertThat(sessionByQuestion.values()).doesNotHaveDuplicates().hasSize(500);
            List<RecordedSpan> traced = honeyhive.spans().stream()
                    .filter(span -> span.name().equals("Answerer.answer"))
                    .toList();
            assertThat(traced).hasSize(500).allSatisfy(span -> assertThat(span.sessionId())
                    .isEqualTo(sessionByQuestion.get(span.stringAttribute("honeyhive_inputs.question"))));
            Map<String, List<RecordedSpan>> bySession =
                    honeyhive.spans().stream().collect(Collectors.groupingBy(RecordedSpan::sessionId));
            assertThat(bySession).hasSize(500).allSatisfy((session, spans) -> {
                assertThat(spans).hasSize(2);
                RecordedSpan requestSpan = spans.stream()
                        .filter(s -> s.kind().equals("SPAN_KIND_SERVER"))
                        .findFirst()
                        .orElseThrow();
                RecordedSpan tracedSpan = spans.stream()
                        .filter(s -> s.name().equals("Answerer.answer"))
                        .findFirst()
                        .orElseThrow();
                assertThat(tracedSpan).hasParent(requestSpan);
            });
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aHangingBackendDoesNotHoldUpRequests() throws Exception {
        honeyhive.respondByDefault(Route.SESSION_START, Response.hang());
        honeyhive.respondByDefault(Route.EVENTS, Response.hang());
        honeyhive.respondByDefault(Route.TRACES, Response.hang());
        java.util.Map<String, String> properties = JaxrsServer.exportingTo(honeyhive);
        properties.put("honeyhive.shutdown-timeout", "PT0.5S");
        try (JaxrsServer server = JaxrsServer.start(properties, COMPONENTS)) {
            // A generous bound that only catches a request waiting on HoneyHive; the benchmark measures the cost.
            List<Integer> statuses = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                List<Integer> codes = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    codes.add(get(server, "/assistant/answer?q=hang" + i).statusCode());
                }
                return codes;
            });

            assertThat(statuses).hasSize(20).containsOnly(200);
            assertThat(honeyhive.requests(Route.SESSION_START))
                    .as("the backend was hanging")
                    .isNotEmpty();
        } finally {
            honeyhive.releaseHangs();
        }
    }

    @Test
    void aValidSessionHeaderIsUsedOnlyWhenConfiguredAndNothingElseIsTrusted() throws Exception {
        String own = "0e8c6c1a-7a3b-4c55-9a0e-1f2d3c4b5a69";
        Map<String, String> accepting = JaxrsServer.exportingTo(honeyhive);
        accepting.put("honeyhive.jaxrs.accept-session-header", "true");
        try (JaxrsServer server = JaxrsServer.start(accepting, COMPONENTS)) {
            HttpResponse<String> adopted = get(server, "/assistant/answer?q=byo", "X-Session-ID", own.toUpperCase());
            HttpResponse<String> invalid = get(server, "/assistant/answer?q=bad", "X-Session-ID", "not-a-uuid");
            HttpResponse<String> baggage =
                    get(server, "/assistant/answer?q=bag", "baggage", "session_id=" + own + ",project=attacker");
            flush(server);

            assertThat(sessionOf(adopted)).isEqualTo(own);
            assertThat(invalid.statusCode()).isEqualTo(200);
            assertThat(sessionOf(invalid)).isNotEqualTo("not-a-uuid").matches("[0-9a-f-]{36}");
            assertThat(sessionOf(baggage))
                    .as("untrusted baggage does not choose the session")
                    .isNotEqualTo(own);
            assertThat(honeyhive.requests(Route.SESSION_START))
                    .extracting(r -> r.json().at("/session/session_id").asText())
                    .as("an adopted session is not started again")
                    .doesNotContain(own)
                    .hasSize(2);
            assertThat(honeyhive.spans())
                    .filteredOn(span -> sessionOf(baggage).equals(span.sessionId()))
                    .allSatisfy(span -> assertThat(span).hasAttribute("honeyhive.project", "support-bot"));
        }
        honeyhive.reset();
        try (JaxrsServer server = JaxrsServer.start(JaxrsServer.exportingTo(honeyhive), COMPONENTS)) {
            assertThat(sessionOf(get(server, "/assistant/answer?q=off", "X-Session-ID", own)))
                    .as("off by default")
                    .isNotEqualTo(own);
        }
    }

    @Test
    void inboundTraceContextIsContinuedUnlessTurnedOff() throws Exception {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String traceparent = "00-" + traceId + "-00f067aa0ba902b7-01";
        try (JaxrsServer server = JaxrsServer.start(JaxrsServer.exportingTo(honeyhive), COMPONENTS)) {
            get(server, "/assistant/answer?q=continued", "traceparent", traceparent);
            flush(server);
        }
        assertThat(honeyhive.span("GET /assistant/answer").traceId()).isEqualTo(traceId);
        assertThat(honeyhive.span("GET /assistant/answer").parentSpanId()).isEqualTo("00f067aa0ba902b7");

        honeyhive.reset();
        Map<String, String> properties = JaxrsServer.exportingTo(honeyhive);
        properties.put("honeyhive.jaxrs.accept-trace-context", "false");
        try (JaxrsServer server = JaxrsServer.start(properties, COMPONENTS)) {
            get(server, "/assistant/answer?q=fresh", "traceparent", traceparent);
            flush(server);
        }
        assertThat(honeyhive.span("GET /assistant/answer").traceId()).isNotEqualTo(traceId);
        assertThat(honeyhive.span("GET /assistant/answer").isRoot()).isTrue();
    }

    @Test
    void fuzzedAndOversizedHeadersNeverFailARequest() throws Exception {
        Map<String, String> properties = JaxrsServer.exportingTo(honeyhive);
        properties.put("honeyhive.jaxrs.accept-session-header", "true");
        SplittableRandom random = new SplittableRandom(6);
        String alphabet = "0123456789abcdef-=,;: xyz%";
        try (JaxrsServer server = JaxrsServer.start(properties, COMPONENTS)) {
            for (int i = 0; i < 200; i++) {
                int length = i % 20 == 0 ? 12 * 1024 : random.nextInt(120);
                StringBuilder value = new StringBuilder();
                for (int c = 0; c < length; c++) {
                    value.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                String header = new String[] {"traceparent", "baggage", "X-Session-ID", "tracestate"}[i % 4];
                HttpResponse<String> response = get(server, "/assistant/answer?q=fuzz" + i, header, value.toString());

                assertThat(response.statusCode()).as(header + ": " + value).isEqualTo(200);
                assertThat(sessionOf(response)).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
            }
        }
    }

    @Test
    void excludedPathsGetNoSessionAndNoSpan() throws Exception {
        try (JaxrsServer server = JaxrsServer.start(JaxrsServer.exportingTo(honeyhive), COMPONENTS)) {
            HttpResponse<String> health = get(server, "/health");
            flush(server);

            assertThat(health.body()).isEqualTo("UP");
            assertThat(health.headers().firstValue(HoneyHiveServerFilter.SESSION_HEADER))
                    .isEmpty();
            assertThat(honeyhive.requests()).isEmpty();
        }
    }

    @Test
    void serverErrorsFromExceptionMappersAndUnmappedExceptionsAreRecorded() throws Exception {
        try (JaxrsServer server = JaxrsServer.start(JaxrsServer.exportingTo(honeyhive), COMPONENTS)) {
            HttpResponse<String> mapped = get(server, "/assistant/quota");
            HttpResponse<String> crashed = get(server, "/assistant/crash");
            HttpResponse<String> empty = get(server, "/assistant/empty");
            flush(server);

            assertThat(mapped.statusCode()).isEqualTo(503);
            assertThat(crashed.statusCode()).isEqualTo(500);
            assertThat(empty.statusCode()).isEqualTo(204);
            assertThat(honeyhive.span("GET /assistant/quota"))
                    .hasError("HTTP 503 Service Unavailable")
                    .hasSessionId(sessionOf(mapped));
            assertThat(honeyhive.span("GET /assistant/crash")).hasError("HTTP 500 Internal Server Error");
            assertThat(honeyhive.span("GET /assistant/empty"))
                    .hasNoAttribute("honeyhive_error")
                    .hasAttribute("http.response.status_code", 204L);
            Optional<RecordedRequest> update = honeyhive.requests(Route.EVENTS).stream()
                    .filter(r -> r.json().get("event_id").asText().equals(sessionOf(mapped)))
                    .findFirst();
            assertThat(update).hasValueSatisfying(r -> assertThat(
                            r.json().at("/outputs/status_code").asInt())
                    .isEqualTo(503));
        }
    }

    @Test
    void theClientFilterMakesTwoServicesOneTraceAndOneSession() throws Exception {
        Map<String, String> properties = JaxrsServer.exportingTo(honeyhive);
        properties.put("honeyhive.jaxrs.trust-baggage", "true");
        properties.put("honeyhive.disable-http-tracing", "false");
        try (JaxrsServer server = JaxrsServer.start(properties, COMPONENTS)) {
            String downstream = server.baseUrl() + "/assistant/answer";
            HttpResponse<String> response =
                    get(server, "/assistant/downstream?url=" + URLEncoder.encode(downstream, StandardCharsets.UTF_8));
            flush(server);

            assertThat(response.body()).isEqualTo("answer to null");
            String session = sessionOf(response);
            RecordedSpan upstream = honeyhive.span("GET /assistant/downstream");
            RecordedSpan client = honeyhive.span("GET");
            RecordedSpan downstreamSpan = honeyhive.span("GET /assistant/answer");
            assertThat(client)
                    .hasParent(upstream)
                    .hasSessionId(session)
                    .hasAttribute("url.full", downstream)
                    .hasAttribute("http.response.status_code", 200L);
            assertThat(downstreamSpan).hasParent(client).hasSessionId(session);
            assertThat(honeyhive.spans())
                    .allSatisfy(span -> assertThat(span.traceId()).isEqualTo(upstream.traceId()));
            assertThat(honeyhive.requests(Route.SESSION_START))
                    .as("one session, started once")
                    .hasSize(1);
        }
    }

    @Test
    void aCallerUsingOnlyTheOpenTelemetryPropagatorBringsItsSessionWhenTrustedAndNothingOtherwise() throws Exception {
        try (HoneyHiveTracer caller = HoneyHiveTracer.builder()
                .environment(Map.of())
                .serverUrl(honeyhive.baseUrl())
                .apiKey("caller-key")
                .project("caller")
                .source("ci")
                .evaluation(true)
                .runId("run-7")
                .datasetId("dataset-3")
                .datapointId("datapoint-11")
                .shutdownHook(false)
                .build()) {
            Map<String, String> trusting = JaxrsServer.exportingTo(honeyhive);
            trusting.put("honeyhive.jaxrs.trust-baggage", "true");
            try (JaxrsServer server = JaxrsServer.start(trusting, COMPONENTS)) {
                String trace = caller.trace("ask", EventType.CHAIN, () -> {
                    getWithPropagator(caller, server, "/assistant/answer?q=trusted");
                    return Span.current().getSpanContext().getTraceId();
                });
                flush(server);
                assertThat(caller.flush(WAIT)).isTrue();

                RecordedSpan request = honeyhive.span("GET /assistant/answer");
                assertThat(request.traceId()).isEqualTo(trace);
                assertThat(List.of(request, honeyhive.span("Answerer.answer"))).allSatisfy(span -> assertThat(span)
                        .hasSessionId(caller.sessionId())
                        .hasAttribute("honeyhive.project", "caller")
                        .hasAttribute("honeyhive.source", "ci")
                        .hasAttribute("honeyhive_metadata.run_id", "run-7")
                        .hasAttribute("honeyhive_metadata.dataset_id", "dataset-3")
                        .hasAttribute("honeyhive_metadata.datapoint_id", "datapoint-11"));
                assertThat(honeyhive.requests(Route.SESSION_START))
                        .extracting(
                                start -> start.json().at("/session/session_id").asText())
                        .as("the caller's session is not started again downstream")
                        .containsExactly(caller.sessionId());
            }

            honeyhive.reset();
            try (JaxrsServer server = JaxrsServer.start(JaxrsServer.exportingTo(honeyhive), COMPONENTS)) {
                HttpResponse<String> response = caller.trace(
                        "ask",
                        EventType.CHAIN,
                        () -> getWithPropagator(caller, server, "/assistant/answer?q=untrusted"));
                flush(server);

                String own = sessionOf(response);
                assertThat(own).isNotEqualTo(caller.sessionId());
                assertThat(List.of(honeyhive.span("GET /assistant/answer"), honeyhive.span("Answerer.answer")))
                        .as("untrusted baggage sets no HoneyHive key; the trace still continues")
                        .allSatisfy(span -> assertThat(span)
                                .hasSessionId(own)
                                .hasAttribute("honeyhive.project", "support-bot")
                                .hasAttribute("honeyhive.source", "dev")
                                .hasNoAttribute("honeyhive_metadata.run_id"));
            }
        }
    }

    /** A GET with only the headers the tracer's OpenTelemetry propagator writes, as an instrumented client sends. */
    private HttpResponse<String> getWithPropagator(HoneyHiveTracer caller, JaxrsServer server, String path)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path));
        caller.openTelemetry()
                .getPropagators()
                .getTextMapPropagator()
                .inject(Context.current(), request, HttpRequest.Builder::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSuspendedRequestLeavesNoContextOnItsContainerThread() throws Exception {
        ContextProbeFilter.LEFTOVERS.clear();
        try (JaxrsServer server = JaxrsServer.start(
                JaxrsServer.exportingTo(honeyhive),
                AssistantResource.class,
                HealthResource.class,
                QuotaExceededMapper.class,
                ContextProbeFilter.class)) {
            for (int i = 0; i < 40; i++) {
                String kind = i % 2 == 0 ? "async" : "stage";
                assertThat(get(server, "/assistant/" + kind + "?q=probe" + i).statusCode())
                        .isEqualTo(200);
                assertThat(get(server, "/health").statusCode()).isEqualTo(200);
            }
        }

        assertThat(ContextProbeFilter.LEFTOVERS)
                .as("contexts found on container threads between requests")
                .isEmpty();
    }
}
