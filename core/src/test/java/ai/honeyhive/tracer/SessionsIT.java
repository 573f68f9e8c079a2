package ai.honeyhive.tracer;

import static ai.honeyhive.testing.HoneyHiveAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ai.honeyhive.testing.RecordedRequest;
import ai.honeyhive.testing.RecordedSpan;
import ai.honeyhive.testing.RecordingHoneyHiveServer;
import ai.honeyhive.testing.Response;
import ai.honeyhive.testing.Route;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sessions: what goes over the wire for them, and how each span finds its own. */
class SessionsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SESSION = "7d3f5c2a-1b4e-4f6a-8c9d-0e1f2a3b4c5d";

    private final RecordingHoneyHiveServer server = RecordingHoneyHiveServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void tracerStartsItsOwnSessionAtBuildWithTheExactBodyAndHeaders() {
        try (HoneyHiveTracer tracer = TestTracers.against(server)
                .source("production")
                .sessionName("support-session")
                .inputs(Map.of("user_id", "123", "query", "test"))
                .build()) {
            RecordedRequest start = server.awaitRequests(Route.SESSION_START, 1, TestTracers.WAIT)
                    .get(0);

            assertThat(start.method()).isEqualTo("POST");
            assertThat(start.json())
                    .isEqualTo(json("{'session': {'project': 'support-bot', 'session_name':"
                            + " 'support-session', 'source': 'production', 'session_id': '" + tracer.sessionId()
                            + "', 'inputs': {'user_id': '123', 'query': 'test'}}}"));
            assertThat(start.header("Authorization")).contains("Bearer " + TestTracers.API_KEY);
            assertThat(start.header("Content-Type")).contains("application/json");
            assertThat(start.header("Accept")).contains("application/json");
            assertThat(start.header("hh-client-language")).contains("java");
            assertThat(start.header("hh-client-package")).contains("ai.honeyhive:honeyhive-tracer");
            assertThat(start.header("User-Agent"))
                    .hasValueSatisfying(ua -> assertThat(ua).startsWith("honeyhive-tracer-java/"));
        }
    }

    @Test
    void sessionCallStatisticsCountWhatBecameOfEveryCall() {
        server.enqueue(Route.EVENTS, Response.status(400));
        try (HoneyHiveTracer tracer = TestTracers.against(server).build()) {
            for (int i = 0; i < 3; i++) {
                tracer.enrichSession(
                        SessionEnrichment.builder().metadata(Map.of("step", i)).build());
            }
            assertThat(tracer.flush(TestTracers.WAIT)).isTrue();

            // The tracer's own start and two updates delivered; one update refused.
            assertThat(tracer.sessionCallStatistics()).isEqualTo(new SessionCallStatistics(3, 1, 0, 0));
            assertThat(tracer.sessionCallStatistics().calls()).isEqualTo(4);
        }
        try (HoneyHiveTracer testMode = HoneyHiveTracer.builder()
                .environment(Map.of())
                .testMode(true)
                .shutdownHook(false)
                .build()) {
            testMode.enrichSession(
                    SessionEnrichment.builder().metadata(Map.of("step", 1)).build());
            assertThat(testMode.sessionCallStatistics()).isEqualTo(SessionCallStatistics.NONE);
        }
    }

    @Test
    void evaluationIdsGoInTheSessionStartsMetadata() {
        try (HoneyHiveTracer tracer = TestTracers.against(server)
                .sessionName("eval")
                .evaluation(true)
                .runId("run-1")
                .datasetId("dataset-1")
                .build()) {
            JsonNode session = server.awaitRequests(Route.SESSION_START, 1, TestTracers.WAIT)
                    .get(0)
                    .json()
                    .get("session");

            assertThat(session.get("metadata")).isEqualTo(json("{'run_id': 'run-1', 'dataset_id': 'dataset-1'}"));
            assertThat(session.has("inputs")).as("empty fields are left out").isFalse();
            assertThat(session.has("user_properties")).isFalse();
        }
    }

    @Test
    void aConfiguredSessionIdOrStartSessionFalseSendsNoStart() {
        try (HoneyHiveTracer continued =
                        TestTracers.against(server).sessionId(SESSION).build();
                HoneyHiveTracer quiet =
                        TestTracers.against(server).startSession(false).build()) {
            continued.trace("continued").close();
            quiet.trace("quiet").close();
            assertThat(continued.flush(TestTracers.WAIT)).isTrue();
            assertThat(quiet.flush(TestTracers.WAIT)).isTrue();
        }

        assertThat(server.requests(Route.SESSION_START)).isEmpty();
        assertThat(server).hasSpanNamed("continued").hasSessionId(SESSION);
    }

    @Test
    void createSessionWaitsForTheStartAndReturnsTheIdItSent() {
        try (HoneyHiveTracer tracer =
                TestTracers.against(server).startSession(false).build()) {
            String id = tracer.createSession(SessionOptions.builder()
                    .sessionName("flask-/chat")
                    .inputs(Map.of("method", "POST"))
                    .metadata(Map.of("region", "eu"))
                    .userProperties(Map.of("user_id", "u-7"))
                    .source("staging")
                    .build());

            assertThat(server.requests(Route.SESSION_START)).singleElement().satisfies(start -> {
                assertThat(start.answeredStatus()).isEqualTo(200);
                assertThat(start.json())
                        .isEqualTo(json("{'session': {'project': 'support-bot', 'session_name':"
                                + " 'flask-/chat', 'source': 'staging', 'session_id': '" + id
                                + "', 'inputs': {'method':"
                                + " 'POST'}, 'metadata': {'region': 'eu'}, 'user_properties': {'user_id': 'u-7'}}}"));
            });
            assertThat(id).matches("[0-9a-f-]{36}").isNotEqualTo(tracer.sessionId());
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"session_id\":\"00000000-0000-4000-8000-000000000000\",\"extra\":[1]}",
                "{\"unknown\":true}",
                "",
                "not json at all",
                "[]"
            })
    void answersAreReadLenientlyAndOurIdStands(String answer) {
        server.respondByDefault(Route.SESSION_START, Response.json(200, answer));
        try (LogCapture logs = LogCapture.start();
                HoneyHiveTracer tracer =
                        TestTracers.against(server).startSession(false).build()) {
            String id = tracer.createSession(
                    SessionOptions.builder().sessionId(SESSION).build());
            tracer.trace("after-start").close();
            assertThat(tracer.flush(TestTracers.WAIT)).isTrue();

            assertThat(id).isEqualTo(SESSION);
            assertThat(server).hasSpanNamed("after-start");
            boolean otherId = answer.contains("session_id");
            assertThat(logs.from("ai.honeyhive").stream()
                            .filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue()))
                    .as("a warning only when the backend names another id")
                    .hasSize(otherId ? 1 : 0);
        }
    }

    @Test
    void createSessionHonoursItsTimeoutAgainstAHangingBackend() {
        server.respondByDefault(Route.SESSION_START, Response.hang());
        try (HoneyHiveTracer tracer = TestTracers.against(server)
                .startSession(false)
                .sessionTimeout(Duration.ofMillis(300))
                .shutdownTimeout(Duration.ofMillis(300))
                .build()) {
            // Without the timeout, retries against the hanging backend would take about 9 s.
            String id = assertTimeoutPreemptively(
                    Duration.ofSeconds(3),
                    () -> tracer.createSession(SessionOptions.builder().build()));

            assertThat(id).isNotBlank();
        } finally {
            server.releaseHangs();
        }
    }

    @Test
    void createSessionAsyncReturnsBeforeTheBackendAnswers() throws Exception {
        server.respondByDefault(Route.SESSION_START, Response.hang());
        try (HoneyHiveTracer tracer = TestTracers.against(server)
                .startSession(false)
                .shutdownTimeout(Duration.ofMillis(300))
                .build()) {
            CompletionStage<String> stage =
                    tracer.createSessionAsync(SessionOptions.builder().build());
            server.awaitRequests(Route.SESSION_START, 1, TestTracers.WAIT);

            assertThat(stage.toCompletableFuture())
                    .as("the backend has not answered yet")
                    .isNotDone();
            server.respondByDefault(Route.SESSION_START, Response.ok());
            server.releaseHangs();
            // The released call failed without an answer and is retried against the now answering backend.
            assertThat(stage.toCompletableFuture().get(30, TimeUnit.SECONDS)).matches("[0-9a-f-]{36}");
        }
    }

    @Test
    void withSessionMakesTheSessionCurrentUntilClosed() {
        try (HoneyHiveTracer tracer = TestTracers.against(server).build()) {
            String id;
            try (SessionScope session = tracer.withSession(SessionOptions.builder()
                    .sessionName("batch-job")
                    .inputs(Map.of("batch_id", 42))
                    .source("batch")
                    .build())) {
                id = session.sessionId();
                try (HoneyHiveSpan parent = tracer.trace("in-session")) {
                    tracer.trace("nested-in-session").close();
                }
            }
            tracer.trace("outside").close();
            assertThat(tracer.flush(TestTracers.WAIT)).isTrue();

            assertThat(server).hasSpanNamed("in-session").hasSessionId(id).hasAttribute("honeyhive.source", "batch");
            assertThat(server).hasSpanNamed("nested-in-session").hasSessionId(id);
            assertThat(server).hasSpanNamed("outside").hasSessionId(tracer.sessionId());
            assertThat(server.requests(Route.SESSION_START))
                    .anySatisfy(start -> assertThat(start.json().get("session"))
                            .isEqualTo(json("{'project': 'support-bot', 'session_name': 'batch-job', 'source':"
                                    + " 'batch', 'session_id': '" + id + "', 'inputs': {'batch_id': 42}}")));
        }
    }

    @Test
    void existingSessionIsAdoptedWithoutAStartCall() {
        try (HoneyHiveTracer tracer =
                TestTracers.against(server).startSession(false).build()) {
            try (SessionScope ignored = tracer.withSession(SessionOptions.existing(SESSION.toUpperCase()))) {
                tracer.trace("adopted").close();
            }
            assertThat(tracer.flush(TestTracers.WAIT)).isTrue();
        }

        assertThat(server.requests(Route.SESSION_START)).isEmpty();
        assertThat(server).hasSpanNamed("adopted").hasSessionId(SESSION);
    }

    @Test
    void twoHundredConcurrentSessionsEachSeeOnlyTheirOwnId() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        // Hops go to a pool of their own: requests that wait on a hop must not wait behind other requests.
        ExecutorService hops = Executors.newFixedThreadPool(4);
        try (HoneyHiveTracer tracer =
                TestTracers.against(server).batchMaxQueueSize(8192).build()) {
            List<Callable<String>> requests = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int request = i;
                requests.add(() -> {
                    try (SessionScope session = tracer.withSession("request-" + request)) {
                        try (HoneyHiveSpan root = tracer.trace("root:" + session.sessionId(), EventType.CHAIN)) {
                            // Hop to another pool thread within the request, as async code does.
                            CompletableFuture.runAsync(
                                            io.opentelemetry.context.Context.current()
                                                    .wrap(() -> tracer.trace("hop:" + session.sessionId())
                                                            .close()),
                                            hops)
                                    .get();
                            Thread.yield();
                            tracer.trace("leaf:" + session.sessionId()).close();
                        }
                        return session.sessionId();
                    }
                });
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> future : pool.invokeAll(requests)) {
                ids.add(future.get());
            }
            assertThat(tracer.flush(TestTracers.WAIT)).isTrue();
            assertThat(ids).doesNotHaveDuplicates().hasSize(200);
        } finally {
            pool.shutdownNow();
            hops.shutdownNow();
        }

        List<RecordedSpan> spans = server.spans();
        assertThat(spans).hasSize(600);
        assertThat(spans).allSatisfy(span -> assertThat(span.sessionId())
                .as(span.name())
                .isEqualTo(span.name().substring(span.name().indexOf(':') + 1)));
        assertThat(server.requests(Route.SESSION_START)).hasSize(201);
    }

    @Test
    void enrichSessionSendsTheExactUpdateWithInputsUnderMetadata() {
        try (HoneyHiveTracer tracer = TestTracers.against(server).build()) {
            tracer.enrichSession(SessionEnrichment.builder()
                    .inputs(Map.of("question", "refunds?"))
                    .outputs(Map.of("status_code", 200))
                    .metadata(Map.of("region", "eu"))
                    .feedback(Map.of("rating", 5))
                    .metrics(Map.of("latency_ms", 12.5))
                    .config(Map.of("model", "gpt-4o"))
                    .userProperties(Map.of("plan", "pro"))
                    .build());
            assertThat(tracer.flush(TestTracers.WAIT)).isTrue();

            RecordedRequest update = server.requests(Route.EVENTS).get(0);
            assertThat(update.method()).isEqualTo("PUT");
            assertThat(update.header("Authorization")).contains("Bearer " + TestTracers.API_KEY);
            assertThat(update.json())
                    .isEqualTo(json("{'event_id': '" + tracer.sessionId() + "', 'metadata':"
                            + " {'region': 'eu', 'inputs': {'question': 'refunds?'}}, 'feedback': {'rating': 5}, 'metrics':"
                            + " {'latency_ms': 12.5}, 'outputs': {'status_code': 200}, 'config': {'model': 'gpt-4o'},"
                            + " 'user_properties': {'plan': 'pro'}}"));
        }
    }

    @Test
    void enrichSessionTargetsTheExplicitThenTheCurrentThenTheTracersSession() {
        try (HoneyHiveTracer tracer = TestTracers.against(server).build()) {
            tracer.enrichSession(SessionEnrichment.builder()
                    .sessionId(SESSION)
                    .metrics(Map.of("n", 1))
                    .build());
            String scoped;
            try (SessionScope session = tracer.withSession("scoped")) {
                scoped = session.sessionId();
                tracer.enrichSession(
                        SessionEnrichment.builder().metrics(Map.of("n", 2)).build());
            }
            tracer.enrichSession(
                    SessionEnrichment.builder().metrics(Map.of("n", 3)).build());
            tracer.enrichSession(SessionEnrichment.builder().build());
            assertThat(tracer.flush(TestTracers.WAIT)).isTrue();

            Map<Integer, String> targets = new LinkedHashMap<>();
            server.requests(Route.EVENTS)
                    .forEach(update -> targets.put(
                            update.json().at("/metrics/n").asInt(),
                            update.json().get("event_id").asText()));
            assertThat(targets)
                    .containsExactlyInAnyOrderEntriesOf(Map.of(1, SESSION, 2, scoped, 3, tracer.sessionId()));
            assertThat(server.requests(Route.EVENTS))
                    .as("an empty enrichment sends nothing")
                    .hasSize(3);
        }
    }

    @Test
    void enrichSpanWithAnEventIdUpdatesThatEventInsteadOfTheSpan() {
        try (HoneyHiveTracer tracer = TestTracers.against(server).build()) {
            try (HoneyHiveSpan ignored = tracer.trace("current")) {
                tracer.enrichSpan(Enrichment.builder()
                        .eventId("event-123")
                        .inputs(Map.of("q", "x"))
                        .outputs(Map.of("answer", "y"))
                        .feedback(Map.of("correct", true))
                        .error("late failure")
                        .build());
            }
            assertThat(tracer.flush(TestTracers.WAIT)).isTrue();
        }

        assertThat(server.requests(Route.EVENTS)).singleElement().satisfies(update -> assertThat(update.json())
                .isEqualTo(json("{'event_id': 'event-123', 'metadata': {'inputs': {'q': 'x'}, 'error': 'late"
                        + " failure'}, 'feedback': {'correct': true}, 'outputs': {'answer': 'y'}}")));
        assertThat(server)
                .hasSpanNamed("current")
                .hasNoAttribute("honeyhive_outputs.answer")
                .hasNoAttribute("honeyhive_error");
    }

    @Test
    void updateWaitsForItsSessionsStartEvenWhileTheStartIsRetried() {
        server.enqueue(Route.SESSION_START, Response.status(503), Response.retryAfter(503, Duration.ZERO));
        try (HoneyHiveTracer tracer =
                TestTracers.against(server).startSession(false).build()) {
            try (SessionScope session = tracer.withSession("retried")) {
                // Queued together: the update must not overtake the start.
                tracer.enrichSession(SessionEnrichment.builder()
                        .outputs(Map.of("done", true))
                        .build());
            }
            assertThat(tracer.flush(TestTracers.WAIT)).isTrue();
        }

        List<RecordedRequest> requests = server.requests();
        assertThat(requests)
                .extracting(RecordedRequest::route)
                .containsExactly(Route.SESSION_START, Route.SESSION_START, Route.SESSION_START, Route.EVENTS);
        assertThat(requests.get(2).answeredStatus()).isEqualTo(200);
        assertThat(requests.get(3).receivedAt())
                .isAfterOrEqualTo(requests.get(2).receivedAt());
    }

    @Test
    void testModeMakesNoSessionCalls() {
        try (HoneyHiveTracer tracer =
                TestTracers.inTestMode().serverUrl(server.baseUrl()).build()) {
            String created = tracer.createSession(SessionOptions.builder().build());
            try (SessionScope session = tracer.withSession("local")) {
                tracer.enrichSession(
                        SessionEnrichment.builder().outputs(Map.of("k", "v")).build());
                tracer.enrichSpan(Enrichment.builder()
                        .eventId("e")
                        .outputs(Map.of("k", "v"))
                        .build());
            }
            assertThat(created).isNotBlank();
            assertThat(tracer.createSessionAsync(SessionOptions.builder().build())
                            .toCompletableFuture())
                    .isCompleted();
            assertThat(tracer.flush(TestTracers.WAIT)).isTrue();
        }

        assertThat(server).receivedNoRequests();
    }
}
