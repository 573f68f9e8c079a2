package ai.honeyhive.tracer;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.testing.RecordingHoneyHiveServer;
import ai.honeyhive.testing.Response;
import ai.honeyhive.testing.Route;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Span export keeps up: a burst with the default queue and batch set-up against a healthy backend, several export
 * requests in flight at once, and the counts exact when a hanging backend fills every place.
 */
class ExportBurstIT {

    private static final int SPANS = 20_000;

    private final RecordingHoneyHiveServer server = RecordingHoneyHiveServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aBurstOfTwentyThousandSpansFromFourThreadsIsDeliveredWithoutADrop() throws Exception {
        // A backend a little way off: each export request is answered after 20 ms.
        server.respondByDefault(Route.TRACES, Response.ok().after(Duration.ofMillis(20)));
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try (HoneyHiveTracer tracer = HoneyHiveTracer.builder()
                .environment(java.util.Map.of())
                .serverUrl(server.baseUrl())
                .apiKey(TestTracers.API_KEY)
                .project(TestTracers.PROJECT)
                .shutdownHook(false)
                .startSession(false)
                .build()) {
            List<Future<?>> producers = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                producers.add(threads.submit(() -> {
                    for (int i = 0; i < SPANS / 4; i++) {
                        tracer.trace("burst").close();
                    }
                }));
            }
            for (Future<?> producer : producers) {
                producer.get(60, TimeUnit.SECONDS);
            }
            assertThat(tracer.flush(Duration.ofSeconds(60))).isTrue();

            SpanStatistics statistics = tracer.spanStatistics();
            assertThat(statistics.dropped()).as(statistics.toString()).isZero();
            assertThat(statistics.delivered()).isEqualTo(SPANS);
        } finally {
            threads.shutdownNow();
        }
        assertThat(server.spans()).hasSize(SPANS);
    }

    @Test
    void severalExportRequestsAreInFlightAtOnceAndTheNextWaitsForAPlace() throws Exception {
        int places = 4;
        server.respondByDefault(Route.TRACES, Response.hang());
        try (HoneyHiveTracer tracer = TestTracers.against(server)
                .startSession(false)
                .batchMaxExportsInFlight(places)
                .batchMaxExportBatchSize(10)
                .build()) {
            for (int i = 0; i < 60; i++) {
                tracer.trace("span-" + i).close();
            }
            // As many requests as there are places reach the hanging backend, none answered yet.
            assertThat(server.awaitRequests(Route.TRACES, places, TestTracers.WAIT))
                    .hasSize(places);
            Thread.sleep(300);
            assertThat(server.requests(Route.TRACES))
                    .as("no more requests while those hang")
                    .hasSize(places);
            // The batches in flight, and one waiting for a place: the other spans wait in the queue, counted there.
            assertThat(tracer.spanStatistics().queued()).isEqualTo(60 - (places + 1) * 10);

            server.releaseHangs();
            server.respondByDefault(Route.TRACES, Response.ok());
            assertThat(tracer.flush(TestTracers.WAIT)).isTrue();
            assertThat(tracer.spanStatistics().delivered()).isEqualTo(60);
        }
        assertThat(server.spans()).hasSize(60);
    }

    @Test
    void aFlushWaitsForTheBatchesStillWaitingForAPlace() throws Exception {
        // Slower than the processor waits for a batch: it hands on the next ones, which wait for a place.
        server.respondByDefault(Route.TRACES, Response.ok().after(Duration.ofMillis(300)));
        try (HoneyHiveTracer tracer = TestTracers.against(server)
                .startSession(false)
                .batchMaxExportBatchSize(10)
                .batchExportTimeout(Duration.ofMillis(100))
                .build()) {
            for (int i = 0; i < 60; i++) {
                tracer.trace("span-" + i).close();
            }
            assertThat(tracer.flush(TestTracers.WAIT)).isTrue();

            assertThat(tracer.spanStatistics().delivered()).isEqualTo(60);
        }
        assertThat(server.spans()).hasSize(60);
    }

    @Test
    void batchesPastEveryPlaceAndWaitingSlotAreRefusedAndCountedAsFailed() throws Exception {
        server.respondByDefault(Route.TRACES, Response.hang());
        SpanStatistics statistics;
        int places = 4;
        try (HoneyHiveTracer tracer = TestTracers.against(server)
                .startSession(false)
                .batchMaxExportsInFlight(places)
                .batchMaxExportBatchSize(10)
                .batchExportTimeout(Duration.ofMillis(100))
                .shutdownTimeout(Duration.ofSeconds(1))
                .build()) {
            for (int i = 0; i < 200; i++) {
                tracer.trace("span-" + i).close();
            }
            // The processor gives up on each waiting batch after 100 ms: four in flight, four waiting, the rest
            // refused.
            assertThat(tracer.flush(Duration.ofSeconds(5))).isFalse();
            statistics = tracer.spanStatistics();
            server.releaseHangs();
        }
        assertThat(statistics.dropped()).isZero();
        assertThat(statistics.exported()).isEqualTo(200);
        int kept = 2 * places * 10;
        assertThat(statistics.failed()).isEqualTo(200 - kept);
    }
}
