package ai.honeyhive.tracer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ai.honeyhive.testing.RecordedSpan;
import ai.honeyhive.testing.RecordingHoneyHiveServer;
import ai.honeyhive.testing.Response;
import ai.honeyhive.testing.Route;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the tracer does when HoneyHive is slow, down or says no. */
class ExportFaultsIT {

    // Generous bounds that only catch a hang; how fast things are is measured in the benchmarks module.
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);

    private final RecordingHoneyHiveServer server = RecordingHoneyHiveServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void retriesUnavailableTwiceThenDeliversEverySpanInExactlyThreeRequests() {
        server.enqueue(Route.TRACES, Response.status(503), Response.status(503));
        // A long batch delay, so that both spans travel in the one batch the flush sends.
        try (HoneyHiveTracer tracer = TestTracers.against(server)
                .batchScheduleDelay(Duration.ofMinutes(10))
                .build()) {
            tracer.trace("first").close();
            tracer.trace("second").close();

            assertThat(tracer.flush(TestTracers.WAIT)).isTrue();
            assertThat(tracer.spanStatistics()).isEqualTo(new SpanStatistics(2, 0, 0, 2, 0));
        }

        assertThat(server.requests(Route.TRACES))
                .extracting(r -> r.answeredStatus())
                .containsExactly(503, 503, 200);
        assertThat(server.spans()).extracting(RecordedSpan::name).containsExactlyInAnyOrder("first", "second");
    }

    @Test
    void closedConnectionIsRetriedLikeAnUnavailableBackend() {
        server.enqueue(Route.TRACES, Response.closeConnection());
        try (HoneyHiveTracer tracer = TestTracers.against(server).build()) {
            tracer.trace("survivor").close();

            assertThat(tracer.flush(TestTracers.WAIT)).isTrue();
        }

        assertThat(server.requests(Route.TRACES)).hasSize(2);
        assertThat(server.spans()).extracting(RecordedSpan::name).containsExactly("survivor");
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 500})
    void rejectedExportIsAttemptedOnceAndLoggedOnceWithoutTheKey(int status) {
        // The backend echoes the key, as a misconfigured proxy might: it must still not reach the log.
        server.respondByDefault(Route.TRACES, Response.json(status, "{\"echo\":\"" + TestTracers.API_KEY + "\"}"));
        try (LogCapture logs = LogCapture.start();
                HoneyHiveTracer tracer = TestTracers.against(server).build()) {
            tracer.trace("rejected").close();

            assertThat(tracer.flush(TestTracers.WAIT))
                    .as("flush reports the failure")
                    .isFalse();

            assertThat(server.requests(Route.TRACES)).hasSize(1);
            assertThat(tracer.spanStatistics()).isEqualTo(new SpanStatistics(1, 0, 0, 0, 1));
            List<LogRecord> ours = logs.from("ai.honeyhive").stream()
                    .filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                    .toList();
            assertThat(ours).singleElement().satisfies(record -> assertThat(record.getMessage())
                    .contains("HoneyHive did not accept 1 spans")
                    .contains(server.baseUrl()));
            assertThat(logs.formatted()).noneMatch(line -> line.contains(TestTracers.API_KEY));
        }
    }

    @Test
    void connectionRefusedLosesTheSpansButNotTheCaller() {
        try (HoneyHiveTracer tracer = HoneyHiveTracer.builder()
                .environment(Map.of())
                .serverUrl(RecordingHoneyHiveServer.closedPortUrl())
                .apiKey(TestTracers.API_KEY)
                .shutdownHook(false)
                .batchExportTimeout(Duration.ofMillis(500))
                .build()) {
            tracer.trace("nowhere").close();

            assertThat(tracer.flush(Duration.ofSeconds(5))).isFalse();
        }
    }

    @Test
    void theExportTimeoutCoversTheRetriesOfAHangingBackend() {
        server.respondByDefault(Route.TRACES, Response.hang());
        try (HoneyHiveTracer tracer = TestTracers.against(server)
                .startSession(false)
                .exportTimeout(Duration.ofMillis(500))
                .build()) {
            tracer.trace("stuck").close();
            assertThat(tracer.flush(TestTracers.WAIT)).isFalse();
            // The one attempt used the whole timeout: no retry after it, and the export failed, counted.
            assertThat(server.requests(Route.TRACES)).hasSize(1);
            assertThat(tracer.spanStatistics().failed()).isEqualTo(1);
        }
    }

    @Test
    void hangingBackendDelaysNeitherTracingNorFlushAndCloseBeyondTheirTimeouts() {
        server.respondByDefault(Route.TRACES, Response.hang());
        HoneyHiveTracer tracer = TestTracers.against(server)
                .disableBatch(true)
                .batchMaxQueueSize(64)
                .batchMaxExportBatchSize(1)
                .build();
        try {
            tracer.trace("stuck").close();
            server.awaitRequests(Route.TRACES, 1, TestTracers.WAIT);

            // The exporter is now stuck on a request that never returns: tracing must go on regardless, and the
            // bounded queue drops what does not fit rather than holding it.
            assertTimeoutPreemptively(HANG_GUARD, () -> {
                for (int i = 0; i < 1_000; i++) {
                    try (HoneyHiveSpan span = tracer.trace("while-stuck-" + i)) {
                        span.setAttribute("i", i);
                    }
                }
            });
            boolean flushed = assertTimeoutPreemptively(HANG_GUARD, () -> tracer.flush(Duration.ofMillis(300)));
            assertThat(flushed).isFalse();
            // Every span is accounted for by the SDK's own counters, and most of them were dropped, not held.
            SpanStatistics statistics = tracer.spanStatistics();
            assertThat(statistics.ended()).isEqualTo(1_001);
            assertThat(statistics.queued()).isLessThanOrEqualTo(64);
            // The bound of 64 holds the queue, the exports in flight and those waiting for a place.
            assertThat(statistics.dropped()).isGreaterThanOrEqualTo(1_001 - 64);
            assertThat(statistics.delivered()).isZero();
            boolean closed = assertTimeoutPreemptively(HANG_GUARD, () -> tracer.close(Duration.ofMillis(300)));
            assertThat(closed).isFalse();
        } finally {
            server.releaseHangs();
            tracer.close();
        }
    }

    @Test
    void spansEndedAfterCloseAreDroppedWithoutAnException() {
        HoneyHiveTracer tracer = TestTracers.against(server).build();
        HoneyHiveSpan openAcrossClose = tracer.trace("open-across-close");
        tracer.trace("before-close").close();

        assertThat(tracer.close(TestTracers.WAIT)).isTrue();
        openAcrossClose.close();
        HoneyHiveSpan afterClose = tracer.trace("after-close");
        afterClose.setAttribute("k", "v");
        afterClose.close();
        tracer.enrichSpan(Enrichment.builder().inputs(Map.of("q", 1)).build());
        tracer.enrichCurrentSpan(Map.of("k", "v"));
        tracer.traced("wrapped-after-close", EventType.TOOL, () -> {}).run();

        assertThat(tracer.flush(Duration.ofMillis(100)))
                .as("a closed tracer delivers nothing more")
                .isFalse();
        assertThat(tracer.close(Duration.ofMillis(100)))
                .as("closing twice is harmless")
                .isFalse();
        assertThat(afterClose.getSpanContext().isValid()).as("a no-op span").isFalse();
        assertThat(server.spans()).extracting(RecordedSpan::name).containsExactly("before-close");
    }

    @Test
    void disableBatchSendsEachSpanInItsOwnRequestAsItEnds() {
        try (HoneyHiveTracer tracer = TestTracers.against(server)
                .disableBatch(true)
                .batchScheduleDelay(Duration.ofMinutes(10))
                .build()) {
            for (int i = 1; i <= 3; i++) {
                tracer.trace("unbatched-" + i).close();
                // No flush: with a ten-minute batch delay, only the per-span export can deliver this in time.
                assertThat(server.awaitRequests(Route.TRACES, i, TestTracers.WAIT))
                        .hasSize(i);
            }
        }

        assertThat(server.requests(Route.TRACES))
                .allSatisfy(r -> assertThat(r.spans()).hasSize(1));
    }

    @Test
    void batchSettingsFromOtelBspVariablesShapeTheRequests() {
        try (HoneyHiveTracer tracer = HoneyHiveTracer.builder()
                .environment(Map.of(
                        "HH_API_KEY",
                        TestTracers.API_KEY,
                        "HH_SERVER_URL",
                        server.baseUrl(),
                        "OTEL_BSP_MAX_EXPORT_BATCH_SIZE",
                        "2",
                        "OTEL_BSP_SCHEDULE_DELAY",
                        "600000"))
                .shutdownHook(false)
                .build()) {
            for (int i = 0; i < 5; i++) {
                tracer.trace("batched-" + i).close();
            }
            assertThat(tracer.flush(TestTracers.WAIT)).isTrue();
        }

        assertThat(server.requests(Route.TRACES))
                .extracting(r -> r.spans().size())
                .containsExactlyInAnyOrder(2, 2, 1);
    }
}
