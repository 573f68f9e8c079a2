package ai.honeyhive.tracer.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.testing.RecordingHoneyHiveServer;
import ai.honeyhive.testing.Response;
import ai.honeyhive.testing.Route;
import ai.honeyhive.tracer.internal.SafeJson;
import ai.honeyhive.tracer.internal.export.HoneyHiveEndpoint;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Retry timing, checked with a sleeper that records instead of sleeping, against the recording server. */
class SessionClientIT {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private final RecordingHoneyHiveServer server = RecordingHoneyHiveServer.start();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private double jitter = 1.0;

    @AfterEach
    void stop() {
        server.close();
    }

    private SessionClient client(String serverUrl, int queueCapacity) {
        SessionClient.Settings settings = new SessionClient.Settings(
                new HoneyHiveEndpoint(serverUrl, "key"),
                Duration.ofSeconds(5),
                queueCapacity,
                5,
                Duration.ofMillis(500),
                Duration.ofSeconds(10),
                Duration.ofSeconds(30));
        return new SessionClient(settings, sleeps::add, () -> jitter, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static ObjectNode session(String id) {
        ObjectNode session = SafeJson.mapper().createObjectNode();
        session.put("session_id", id);
        return session;
    }

    @Test
    void retryableStatusesBackOffExponentiallyUpToTheCap() throws Exception {
        server.enqueue(
                Route.SESSION_START,
                Response.status(429),
                Response.status(502),
                Response.status(503),
                Response.status(504));
        try (SessionClient client = client(server.baseUrl(), 16)) {
            client.startSession("s", session("s")).get(30, TimeUnit.SECONDS);
        }

        assertThat(server.requests(Route.SESSION_START))
                .extracting(r -> r.answeredStatus())
                .containsExactly(429, 502, 503, 504, 200);
        assertThat(sleeps)
                .containsExactly(
                        Duration.ofMillis(500),
                        Duration.ofMillis(1000),
                        Duration.ofMillis(2000),
                        Duration.ofMillis(4000));
    }

    @Test
    void jitterWaitsBetweenHalfAndAllOfTheBackoff() throws Exception {
        jitter = 0.0;
        server.enqueue(Route.SESSION_START, Response.status(503), Response.status(503));
        try (SessionClient client = client(server.baseUrl(), 16)) {
            client.startSession("s", session("s")).get(30, TimeUnit.SECONDS);
        }

        assertThat(sleeps).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500));
    }

    @Test
    void retryAfterInSecondsOrAsADateIsHonouredAndCapped() throws Exception {
        String inTwentySeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.ofInstant(NOW.plusSeconds(20), ZoneOffset.UTC));
        server.enqueue(
                Route.SESSION_START,
                Response.retryAfter(429, Duration.ofSeconds(7)),
                Response.status(503).withHeader("Retry-After", inTwentySeconds),
                Response.retryAfter(503, Duration.ofHours(1)),
                Response.status(503).withHeader("Retry-After", "soon"));
        try (SessionClient client = client(server.baseUrl(), 16)) {
            client.startSession("s", session("s")).get(30, TimeUnit.SECONDS);
        }

        assertThat(sleeps)
                .containsExactly(
                        Duration.ofSeconds(7), Duration.ofSeconds(20), Duration.ofSeconds(30), Duration.ofMillis(4000));
        assertThat(server.requests(Route.SESSION_START)).hasSize(5);
    }

    @Test
    void otherStatusesAreAttemptedOnce() throws Exception {
        server.respondByDefault(Route.EVENTS, Response.status(400));
        try (SessionClient client = client(server.baseUrl(), 16)) {
            ObjectNode update = SafeJson.mapper().createObjectNode().put("event_id", "e");
            client.updateEvent("e", update).get(30, TimeUnit.SECONDS);
        }

        assertThat(server.requests(Route.EVENTS)).hasSize(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void connectionFailuresAreRetriedUntilTheAttemptsRunOut() throws Exception {
        try (SessionClient client = client(RecordingHoneyHiveServer.closedPortUrl(), 16)) {
            client.startSession("s", session("s")).get(30, TimeUnit.SECONDS);
        }

        assertThat(sleeps).hasSize(4);
    }

    @Test
    void aFullQueueDropsCallsWithoutBlockingTheCaller() throws Exception {
        server.respondByDefault(Route.EVENTS, Response.hang());
        try (SessionClient client = client(server.baseUrl(), 2)) {
            List<CompletableFuture<Void>> calls = new CopyOnWriteArrayList<>();
            for (int i = 0; i < 50; i++) {
                calls.add(client.updateEvent(
                        "e" + i, SafeJson.mapper().createObjectNode().put("event_id", "e" + i)));
            }

            // Two calls hang on the workers and two wait in the queue; the rest were dropped at once.
            assertThat(client.droppedCalls()).isEqualTo(46);
            assertThat(calls.stream().filter(CompletableFuture::isDone)).hasSize(46);
            server.releaseHangs();
        }
    }
}
