package ai.honeyhive.tracer.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.testing.RecordedRequest;
import ai.honeyhive.testing.RecordingHoneyHiveServer;
import ai.honeyhive.testing.Response;
import ai.honeyhive.testing.Route;
import ai.honeyhive.tracer.SessionCallStatistics;
import ai.honeyhive.tracer.internal.SafeJson;
import ai.honeyhive.tracer.internal.export.HoneyHiveEndpoint;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The session client against the recording server: retry timing, checked with delays that record instead of waiting;
 * the bounds; and per-session order under load.
 */
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
        return client(serverUrl, queueCapacity, 1024 * 1024, 16);
    }

    private SessionClient client(String serverUrl, int queueCapacity, long maxQueuedBytes, int maxInFlight) {
        SessionClient.Settings settings = new SessionClient.Settings(
                new HoneyHiveEndpoint(serverUrl, "key"),
                Duration.ofSeconds(5),
                queueCapacity,
                maxQueuedBytes,
                maxInFlight,
                5,
                Duration.ofMillis(500),
                Duration.ofSeconds(10),
                Duration.ofSeconds(30));
        return new SessionClient(
                settings,
                (wait, action) -> {
                    sleeps.add(wait);
                    action.run();
                },
                () -> jitter,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static ObjectNode update(String eventId) {
        return SafeJson.mapper().createObjectNode().put("event_id", eventId);
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
            client.updateEvent("e", update("e")).get(30, TimeUnit.SECONDS);
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
    void aConnectionResetAfterTheStatusLineIsRetriedAndTheSessionsUpdateStillFollowsItsStart() throws Exception {
        // A 200 whose body never arrives is not an answer: the start is sent again, and its update waits for that.
        server.enqueue(Route.SESSION_START, Response.cutAfterStatusLine(200));
        try (SessionClient client = client(server.baseUrl(), 16)) {
            CompletableFuture<Void> started = client.startSession("s", session("s"));
            client.updateEvent("s", update("s")).get(30, TimeUnit.SECONDS);
            assertThat(started).isDone();
            assertThat(client.statistics()).isEqualTo(new SessionCallStatistics(2, 0, 0, 0));
        }

        assertThat(server.requests(Route.SESSION_START)).hasSize(2);
        assertThat(server.requests(Route.EVENTS)).hasSize(1);
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void aFullQueueDropsCallsWithoutBlockingTheCaller() throws Exception {
        server.respondByDefault(Route.EVENTS, Response.hang());
        try (SessionClient client = client(server.baseUrl(), 2)) {
            List<CompletableFuture<Void>> calls = new CopyOnWriteArrayList<>();
            for (int i = 0; i < 50; i++) {
                calls.add(client.updateEvent("e" + i, update("e" + i)));
            }

            // Two calls hang in flight, the most the client holds; the rest were dropped at once.
            assertThat(client.statistics().dropped()).isEqualTo(48);
            assertThat(calls.stream().filter(CompletableFuture::isDone)).hasSize(48);
            assertThat(client.statistics()).isEqualTo(new SessionCallStatistics(0, 0, 48, 2));
            server.releaseHangs();
        }
    }

    @Test
    void theByteBoundDropsCallsPastIt() throws Exception {
        server.respondByDefault(Route.EVENTS, Response.hang());
        ObjectNode big = update("e").put("metadata", "x".repeat(1000));
        int size = SafeJson.mapper().writeValueAsBytes(big).length;
        try (SessionClient client = client(server.baseUrl(), 1000, 3L * size, 1)) {
            for (int i = 0; i < 10; i++) {
                client.updateEvent("e", big);
            }

            // One in flight and two waiting fill the three bodies' bytes.
            assertThat(client.statistics()).isEqualTo(new SessionCallStatistics(0, 0, 7, 3));
            server.releaseHangs();
        }
    }

    @Test
    void aStartTheCallerWaitsForGoesAheadOfTheCallsWaitingInTheBackground() throws Exception {
        server.respondByDefault(Route.EVENTS, Response.hang());
        try (SessionClient client = client(server.baseUrl(), 1000, 1024 * 1024, 2)) {
            List<CompletableFuture<Void>> background = new CopyOnWriteArrayList<>();
            for (int i = 0; i < 50; i++) {
                background.add(client.updateEvent("e" + i, update("e" + i)));
            }
            client.startSession("s", session("s"), true).get(30, TimeUnit.SECONDS);

            assertThat(server.requests(Route.SESSION_START)).hasSize(1);
            assertThat(background).noneMatch(CompletableFuture::isDone);
            server.releaseHangs();
        }
    }

    @Test
    void aStartThatFailedOrWasDroppedDropsItsUpdates() throws Exception {
        server.enqueue(Route.SESSION_START, Response.status(400));
        server.respondByDefault(Route.EVENTS, Response.ok());
        try (SessionClient client = client(server.baseUrl(), 1000)) {
            CompletableFuture<Void> start = client.startSession("refused", session("refused"));
            CompletableFuture<Void> held = client.updateEvent("refused", update("refused"));
            start.get(30, TimeUnit.SECONDS);
            held.get(30, TimeUnit.SECONDS);
            client.updateEvent("refused", update("refused")).get(30, TimeUnit.SECONDS);

            assertThat(server.requests(Route.EVENTS)).isEmpty();
            assertThat(client.statistics()).isEqualTo(new SessionCallStatistics(0, 1, 2, 0));
        }
        try (SessionClient full = client(server.baseUrl(), 0)) {
            full.startSession("dropped", session("dropped")).get(30, TimeUnit.SECONDS);
            full.updateEvent("dropped", update("dropped")).get(30, TimeUnit.SECONDS);
            assertThat(full.statistics()).isEqualTo(new SessionCallStatistics(0, 0, 2, 0));
        }
        assertThat(server.requests(Route.EVENTS)).isEmpty();
    }

    @Test
    void aSecondStartOfASessionWhoseFirstIsUnderWayLosesNoUpdate() throws Exception {
        Duration slowness = Duration.ofMillis(100);
        server.respondByDefault(Route.SESSION_START, Response.ok().after(slowness));
        server.respondByDefault(Route.EVENTS, Response.ok());
        try (SessionClient client = client(server.baseUrl(), 1000)) {
            client.startSession("s", session("s"));
            client.updateEvent("s", update("s").put("step", 1));
            client.startSession("s", session("s"));
            client.updateEvent("s", update("s").put("step", 2));

            assertThat(client.awaitIdle(Duration.ofSeconds(30))).isTrue();
            assertThat(client.statistics()).isEqualTo(new SessionCallStatistics(4, 0, 0, 0));
        }
        Instant firstStart = server.requests(Route.SESSION_START).get(0).receivedAt();
        assertThat(server.requests(Route.EVENTS)).hasSize(2).allSatisfy(update -> assertThat(update.receivedAt())
                .isAfterOrEqualTo(firstStart.plus(slowness)));
    }

    @Test
    void aCallWaitingToBeRetriedWhenTheClientClosesIsDroppedAndCounted() throws Exception {
        server.respondByDefault(Route.SESSION_START, Response.status(503));
        SessionClient.Settings settings = new SessionClient.Settings(
                new HoneyHiveEndpoint(server.baseUrl(), "key"),
                Duration.ofSeconds(5),
                16,
                1024 * 1024,
                4,
                5,
                Duration.ofSeconds(30),
                Duration.ofSeconds(30),
                Duration.ofSeconds(30));
        // The client's own timer: the retry is 15 to 30 s away when the client closes.
        SessionClient client = new SessionClient(settings, null, () -> 0.0, Clock.systemUTC());
        CompletableFuture<Void> start = client.startSession("s", session("s"));
        server.awaitRequests(Route.SESSION_START, 1, Duration.ofSeconds(30));
        // Until the 503 has been read and the call waits on the timer, out of flight.
        while (client.toString().contains("inFlight=1")) {
            Thread.sleep(10);
        }

        client.close(Duration.ZERO);

        assertThat(start).isDone();
        assertThat(client.statistics()).isEqualTo(new SessionCallStatistics(0, 0, 1, 0));
    }

    @Test
    void aThousandSessionsFromThirtyTwoThreadsAgainstASlowServerLoseNothingAndUpdatesFollowTheirStart()
            throws Exception {
        Duration slowness = Duration.ofMillis(50);
        server.respondByDefault(Route.SESSION_START, Response.ok().after(slowness));
        server.respondByDefault(Route.EVENTS, Response.ok().after(slowness));
        ExecutorService threads = Executors.newFixedThreadPool(32);
        try (SessionClient client = client(server.baseUrl(), 8192, 32L * 1024 * 1024, 128)) {
            List<Future<?>> sessions = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                String id = "session-" + i;
                sessions.add(threads.submit(() -> {
                    client.startSession(id, session(id));
                    client.updateEvent(id, update(id).put("step", 1));
                    client.updateEvent(id, update(id).put("step", 2));
                }));
            }
            for (Future<?> session : sessions) {
                session.get(30, TimeUnit.SECONDS);
            }
            assertThat(client.awaitIdle(Duration.ofSeconds(60))).isTrue();
            assertThat(client.statistics()).isEqualTo(new SessionCallStatistics(3000, 0, 0, 0));
        } finally {
            threads.shutdownNow();
        }

        Map<String, Instant> startedAt = new HashMap<>();
        server.requests(Route.SESSION_START)
                .forEach(start ->
                        startedAt.put(start.json().at("/session/session_id").asText(), start.receivedAt()));
        assertThat(startedAt).hasSize(1000);
        List<RecordedRequest> updates = server.requests(Route.EVENTS);
        assertThat(updates).hasSize(2000);
        for (RecordedRequest update : updates) {
            Instant start = startedAt.get(update.json().get("event_id").asText());
            // Sent once the start was answered, which the server did after its delay.
            assertThat(update.receivedAt()).isAfterOrEqualTo(start.plus(slowness));
        }
    }
}
