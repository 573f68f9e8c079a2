package ai.honeyhive.tracer;

import static ai.honeyhive.testing.HoneyHiveAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.testing.RecordedRequest;
import ai.honeyhive.testing.RecordingHoneyHiveServer;
import ai.honeyhive.testing.Route;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code startSessionOnFirstUse}: the tracer's own session is started only when something lands in it, once, ahead
 * of what landed there; a server whose requests all have sessions of their own leaves no empty session behind.
 */
class OwnSessionOnFirstUseIT {

    private final RecordingHoneyHiveServer server = RecordingHoneyHiveServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private HoneyHiveTracer.Builder lazyTracer() {
        return TestTracers.against(server).sessionName("orders-service").startSessionOnFirstUse(true);
    }

    private List<String> startedSessionIds() {
        return server.requests(Route.SESSION_START).stream()
                .map(start -> start.json().path("session").path("session_id").asText())
                .toList();
    }

    @Test
    void workInsideRequestSessionsOnlyNeverStartsTheTracersOwn() {
        String requestSession;
        String ownSession;
        try (HoneyHiveTracer tracer = lazyTracer().build()) {
            ownSession = tracer.sessionId();
            try (SessionScope request = tracer.withSession("GET /orders")) {
                requestSession = request.sessionId();
                tracer.trace("load order").close();
                tracer.enrichSession(SessionEnrichment.builder()
                        .metadata(Map.of("status", 200))
                        .build());
                tracer.inject(new HashMap<>());
            }
            assertThat(tracer.flush(TestTracers.WAIT)).isTrue();
        }

        assertThat(startedSessionIds()).containsExactly(requestSession).doesNotContain(ownSession);
        assertThat(server).hasSpanNamed("load order").hasSessionId(requestSession);
    }

    @Test
    void theFirstSpanOutsideSessionsStartsItOnceFromAnyNumberOfThreads() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try (HoneyHiveTracer tracer = lazyTracer().build()) {
            assertThat(server.requests(Route.SESSION_START))
                    .as("nothing at build")
                    .isEmpty();
            CountDownLatch together = new CountDownLatch(1);
            List<Future<Object>> jobs = IntStream.range(0, 16)
                    .mapToObj(i -> threads.submit(() -> {
                        together.await();
                        tracer.trace("nightly job " + i).close();
                        return null;
                    }))
                    .toList();
            together.countDown();
            for (Future<Object> job : jobs) {
                job.get(30, TimeUnit.SECONDS);
            }
            assertThat(tracer.flush(TestTracers.WAIT)).isTrue();

            assertThat(startedSessionIds()).containsExactly(tracer.sessionId());
            RecordedRequest start = server.requests(Route.SESSION_START).get(0);
            assertThat(start.json().path("session").path("session_name").asText())
                    .isEqualTo("orders-service");
            assertThat(server).hasSpanNamed("nightly job 7").hasSessionId(tracer.sessionId());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void anEnrichmentOfTheTracersSessionStartsItAndItsUpdateFollowsTheStart() {
        try (HoneyHiveTracer tracer = lazyTracer().build()) {
            tracer.enrichSession(
                    SessionEnrichment.builder().metadata(Map.of("batch", "b-1")).build());
            assertThat(tracer.flush(TestTracers.WAIT)).isTrue();

            List<RecordedRequest> calls = server.requests().stream()
                    .filter(request -> request.route() != Route.TRACES)
                    .toList();
            assertThat(calls).extracting(RecordedRequest::route).containsExactly(Route.SESSION_START, Route.EVENTS);
            assertThat(calls.get(1).json().path("event_id").asText()).isEqualTo(tracer.sessionId());
            assertThat(calls.get(1).json().path("metadata").path("batch").asText())
                    .isEqualTo("b-1");
        }
    }

    @Test
    void aCallPropagatedFromOutsideSessionsStartsIt() {
        try (HoneyHiveTracer tracer = lazyTracer().build()) {
            Map<String, String> headers = tracer.inject();
            assertThat(tracer.flush(TestTracers.WAIT)).isTrue();

            // The service called records its spans in the tracer's session, so that session must exist.
            assertThat(headers.get("baggage")).contains("session_id=" + tracer.sessionId());
            assertThat(startedSessionIds()).containsExactly(tracer.sessionId());
        }
    }

    @Test
    void startSessionFalseWinsOverOnFirstUse() {
        try (HoneyHiveTracer tracer = lazyTracer().startSession(false).build()) {
            tracer.trace("outside").close();
            assertThat(tracer.flush(TestTracers.WAIT)).isTrue();

            assertThat(server.requests(Route.SESSION_START)).isEmpty();
            assertThat(server).hasSpanNamed("outside").hasSessionId(tracer.sessionId());
        }
    }

    @Test
    void aClosedTracerDoesNotStartItsSessionLate() {
        HoneyHiveTracer tracer = lazyTracer().build();
        tracer.close();
        tracer.trace("after close").close();
        tracer.enrichSession(
                SessionEnrichment.builder().metadata(Map.of("late", true)).build());

        assertThat(server.requests(Route.SESSION_START)).isEmpty();
    }
}
