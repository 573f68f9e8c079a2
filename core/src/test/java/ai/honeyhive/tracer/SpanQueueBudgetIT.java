package ai.honeyhive.tracer;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.testing.RecordedSpan;
import ai.honeyhive.testing.RecordingHoneyHiveServer;
import ai.honeyhive.testing.Response;
import ai.honeyhive.testing.Route;
import java.time.Duration;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What ended spans hold until their export ends is bounded in bytes as well as in number: with HoneyHive hanging,
 * large spans past the budget are dropped and counted, whatever the queue's count bound, and once HoneyHive answers
 * the places are given back.
 */
class SpanQueueBudgetIT {

    // Four values of 8,000 characters: about 64 KB per span as the budget estimates it, so 1 MiB holds at most 16.
    private static final String LARGE = "x".repeat(8_000);
    private static final int MOST_IN_ONE_MIB = 16;
    private static final String BUDGET_LOGGER = "ai.honeyhive.tracer.internal.export.SpanQueueBudget";

    private final RecordingHoneyHiveServer server = RecordingHoneyHiveServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void largeSpansPastTheByteBudgetAreDroppedAndCountedAndThePlacesComeBackOnceExported() {
        // Slow enough that the 200 spans end before the first export is answered.
        server.respondByDefault(Route.TRACES, Response.ok().after(Duration.ofSeconds(1)));
        try (HoneyHiveTracer tracer = TestTracers.against(server)
                .startSession(false)
                .batchMaxQueueMib(1)
                .batchMaxExportBatchSize(4)
                .batchScheduleDelay(Duration.ofMillis(10))
                .build()) {
            for (int i = 0; i < 200; i++) {
                traceLarge(tracer, "large-" + i);
            }
            SpanStatistics stuck = tracer.spanStatistics();
            assertThat(stuck.dropped()).as(stuck.toString()).isGreaterThanOrEqualTo(200 - MOST_IN_ONE_MIB);

            assertThat(tracer.flush(TestTracers.WAIT)).isTrue();
            SpanStatistics recovered = tracer.spanStatistics();
            assertThat(recovered.ended()).isEqualTo(200);
            assertThat(recovered.delivered()).isEqualTo(200 - stuck.dropped());
            assertThat(recovered.dropped()).isEqualTo(stuck.dropped());

            // The delivered spans gave their places back: as many again fit.
            for (int i = 0; i < 8; i++) {
                traceLarge(tracer, "after-" + i);
            }
            assertThat(tracer.flush(TestTracers.WAIT)).isTrue();
            assertThat(tracer.spanStatistics().delivered()).isEqualTo(200 - stuck.dropped() + 8);
            assertThat(tracer.spanStatistics().dropped()).isEqualTo(stuck.dropped());
        }
        assertThat(server.spans()).extracting(RecordedSpan::name).contains("after-0", "after-7");
    }

    @Test
    void theCountBoundHoldsTheSpansInFlightTooSoTheBatchProcessorNeverDropsOnItsOwn() {
        server.respondByDefault(Route.TRACES, Response.hang());
        try (HoneyHiveTracer tracer = TestTracers.against(server)
                .startSession(false)
                .batchMaxQueueSize(50)
                .batchMaxExportBatchSize(10)
                .build()) {
            for (int i = 0; i < 500; i++) {
                tracer.trace("small-" + i).close();
            }
            SpanStatistics stuck = tracer.spanStatistics();
            assertThat(stuck.dropped()).isEqualTo(450);

            server.releaseHangs();
            server.respondByDefault(Route.TRACES, Response.ok());
            assertThat(tracer.flush(TestTracers.WAIT)).isTrue();
            assertThat(tracer.spanStatistics().delivered()).isEqualTo(50);
        }
    }

    @Test
    void everyExportedBatchGivesBackAsManyPlacesAsItTookSoTheBoundNeverFillsWithSpansAlreadySent() {
        // Ten times the count bound, in rounds that each fit: a place not given back would fill the bound in a few
        // rounds, and later spans would be dropped with nothing waiting. (The batch processor clears its list once
        // export returns; a count read from it when the send ends read 0.)
        try (HoneyHiveTracer tracer = TestTracers.against(server)
                .startSession(false)
                .batchMaxQueueSize(100)
                .batchMaxExportBatchSize(10)
                .build()) {
            for (int round = 0; round < 10; round++) {
                for (int i = 0; i < 100; i++) {
                    tracer.trace("round-" + round + "-" + i).close();
                }
                assertThat(tracer.flush(TestTracers.WAIT)).isTrue();
            }
            SpanStatistics statistics = tracer.spanStatistics();
            assertThat(statistics.dropped()).as(statistics.toString()).isZero();
            assertThat(statistics.delivered()).isEqualTo(1_000);
        }
    }

    @Test
    void inTestModeTheSameBudgetDropsCountsAndLogsOnceWhereTheBatchProcessorWouldWarnOfEachBatch() {
        // Test mode is the production pipeline minus the network: spans past the bound are the budget's to drop, as
        // in production, not the batch processor's, which would log a warning for every batch it exports after.
        try (LogCapture logs = LogCapture.start();
                HoneyHiveTracer tracer = TestTracers.inTestMode()
                        .batchMaxQueueSize(100)
                        .batchMaxExportBatchSize(50)
                        .build()) {
            for (int i = 0; i < 100_000; i++) {
                tracer.trace("test-mode").close();
            }
            // How many fit depends on how fast the batch processor's thread hands them on; not all of them.
            assertThat(tracer.spanStatistics().dropped()).isPositive();
            assertThat(tracer.flush(TestTracers.WAIT)).isTrue();
            SpanStatistics statistics = tracer.spanStatistics();
            assertThat(statistics.exported() + statistics.dropped()).isEqualTo(100_000);

            assertThat(logs.from("io.opentelemetry.sdk.trace.export"))
                    .extracting(LogRecord::getMessage)
                    .isEmpty();
            assertThat(logs.from(BUDGET_LOGGER))
                    .extracting(LogRecord::getMessage)
                    .isNotEmpty()
                    .allSatisfy(message -> assertThat(message).contains("honeyhive.batch.max-queue-size"));
        }
    }

    private static void traceLarge(HoneyHiveTracer tracer, String name) {
        try (HoneyHiveSpan span = tracer.trace(name)) {
            for (int value = 0; value < 4; value++) {
                span.setAttribute("honeyhive_inputs.part" + value, LARGE);
            }
        }
    }
}
