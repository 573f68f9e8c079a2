package ai.honeyhive.tracer;

import static ai.honeyhive.testing.HoneyHiveAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.testing.RecordedSpan;
import ai.honeyhive.testing.RecordingHoneyHiveServer;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.context.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Span structure across scopes and threads, several tracers in one JVM, and test mode. */
class TracingIT {

    private final RecordingHoneyHiveServer server = RecordingHoneyHiveServer.start();
    private final ExecutorService pool = Executors.newFixedThreadPool(10);

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        server.close();
    }

    private static Map<String, RecordedSpan> byName(List<RecordedSpan> spans) {
        return spans.stream().collect(Collectors.toMap(RecordedSpan::name, Function.identity()));
    }

    @Test
    void nestedSpansParentCorrectlyAndRestoreTheirParentWhenClosed() {
        try (HoneyHiveTracer tracer = TestTracers.against(server).build()) {
            try (HoneyHiveSpan parent = tracer.trace("parent_operation", EventType.CHAIN)) {
                try (HoneyHiveSpan child = tracer.trace("child_operation")) {
                    tracer.trace("grandchild_operation").close();
                }
                tracer.trace("second_child").close();
            }
            tracer.trace("after").close();
            assertThat(tracer.flush(TestTracers.WAIT)).isTrue();
        }

        Map<String, RecordedSpan> spans = byName(server.spans());
        assertThat(spans.get("parent_operation").isRoot()).isTrue();
        assertThat(spans.get("child_operation")).hasParent(spans.get("parent_operation"));
        assertThat(spans.get("grandchild_operation")).hasParent(spans.get("child_operation"));
        assertThat(spans.get("second_child")).hasParent(spans.get("parent_operation"));
        assertThat(spans.get("after").isRoot())
                .as("the parent's scope was closed")
                .isTrue();
    }

    @Test
    void childrenOnOtherThreadsParentCorrectlyWithWrappedContextsAndTracedWrappers() throws Exception {
        try (HoneyHiveTracer tracer = TestTracers.against(server).build()) {
            try (HoneyHiveSpan parent = tracer.trace("parent", EventType.CHAIN)) {
                pool.submit(Context.current()
                                .wrap(() -> tracer.trace("wrapped-context").close()))
                        .get();
                pool.submit(tracer.traced("traced-runnable", EventType.TOOL, () -> {}))
                        .get();
                String fromCallable = pool.submit(tracer.traced("traced-callable", EventType.TOOL, () -> {
                            tracer.trace("inside-callable").close();
                            return "done";
                        }))
                        .get();
                assertThat(fromCallable).isEqualTo("done");
                assertThat(java.util.concurrent.CompletableFuture.supplyAsync(
                                        tracer.tracedSupplier("traced-supplier", EventType.MODEL, () -> 42), pool)
                                .get())
                        .isEqualTo(42);
            }
            assertThat(tracer.flush(TestTracers.WAIT)).isTrue();
        }

        Map<String, RecordedSpan> spans = byName(server.spans());
        RecordedSpan parent = spans.get("parent");
        assertThat(spans.get("wrapped-context")).hasParent(parent);
        assertThat(spans.get("traced-runnable")).hasParent(parent).hasEventType("tool");
        assertThat(spans.get("traced-callable")).hasParent(parent);
        assertThat(spans.get("inside-callable")).hasParent(spans.get("traced-callable"));
        assertThat(spans.get("traced-supplier")).hasParent(parent).hasEventType("model");
    }

    @Test
    void fiftyTasksOnTenThreadsKeepTheirOwnAttributes() throws Exception {
        try (HoneyHiveTracer tracer = TestTracers.against(server).build()) {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                int task = i;
                tasks.add(() -> {
                    try (HoneyHiveSpan span = tracer.trace("task-" + task, EventType.TOOL, Map.of("task.id", task))) {
                        tracer.enrichSpan(Enrichment.builder()
                                .inputs(Map.of("task", task))
                                .outputs(Map.of("result", "result-" + task))
                                .build());
                        tracer.trace("child-of-" + task).close();
                    }
                    return null;
                });
            }
            for (Future<Void> future : pool.invokeAll(tasks)) {
                future.get();
            }
            assertThat(tracer.flush(TestTracers.WAIT)).isTrue();
        }

        Map<String, RecordedSpan> spans = byName(server.spans());
        assertThat(spans).hasSize(100);
        for (int i = 0; i < 50; i++) {
            RecordedSpan task = spans.get("task-" + i);
            assertThat(task)
                    .hasAttribute("task.id", (long) i)
                    .hasInput("task", (long) i)
                    .hasOutput("result", "result-" + i);
            assertThat(task.isRoot()).isTrue();
            assertThat(spans.get("child-of-" + i)).hasParent(task);
        }
    }

    @Test
    void twoTracersExportToTheirOwnEndpointsWithTheirOwnHeaders() {
        try (RecordingHoneyHiveServer billingServer = RecordingHoneyHiveServer.start();
                HoneyHiveTracer support = TestTracers.against(server)
                        .apiKey("support-key")
                        .project("support")
                        .source("production")
                        .build();
                HoneyHiveTracer billing = TestTracers.against(billingServer)
                        .apiKey("billing-key")
                        .project("billing")
                        .source("staging")
                        .build()) {
            support.trace("support-span").close();
            billing.trace("billing-span").close();
            assertThat(support.flush(TestTracers.WAIT)).isTrue();
            assertThat(billing.flush(TestTracers.WAIT)).isTrue();

            assertThat(server)
                    .hasSpanCount(1)
                    .hasSpanNamed("support-span")
                    .hasAttribute("honeyhive.project", "support")
                    .hasAttribute("honeyhive.source", "production")
                    .hasSessionId(support.sessionId());
            assertThat(billingServer)
                    .hasSpanCount(1)
                    .hasSpanNamed("billing-span")
                    .hasAttribute("honeyhive.project", "billing")
                    .hasAttribute("honeyhive.source", "staging")
                    .hasSessionId(billing.sessionId());
            assertThat(server.spans().get(0).request().header("Authorization")).contains("Bearer support-key");
            assertThat(billingServer.spans().get(0).request().header("Authorization"))
                    .contains("Bearer billing-key");
            assertThat(billingServer.spans().get(0).request().header("X-Source"))
                    .contains("staging");
            assertThat(support.sessionId()).isNotEqualTo(billing.sessionId());
            assertThat(support.provider()).isNotSameAs(billing.provider());
        }
        assertThat(GlobalOpenTelemetry.isSet())
                .as("no tracer registers itself globally unless asked")
                .isFalse();
    }

    @Test
    void testModeSendsNothingAtAll() {
        try (HoneyHiveTracer tracer = testModeTracer(true)) {
            try (HoneyHiveSpan span = tracer.trace("local-only", EventType.MODEL)) {
                tracer.enrichSpan(
                        Enrichment.builder().inputs(Map.of("q", "hello")).build());
                assertThat(span.isRecording())
                        .as("spans are still recorded in test mode")
                        .isTrue();
            }
            assertThat(tracer.flush(TestTracers.WAIT)).isTrue();
        }

        assertThat(server).receivedNoRequests();
    }

    @Test
    void testModeRunsSpansThroughABatchProcessorAndCountsThem() {
        try (HoneyHiveTracer tracer = testModeTracer(false)) {
            traceThreeSpans(tracer);
            assertThat(tracer.flush(TestTracers.WAIT)).isTrue();

            assertThat(tracer.spanStatistics())
                    .as("processed by the batch processor, then discarded: none delivered anywhere")
                    .isEqualTo(new SpanStatistics(3, 0, 0, 0, 0));
        }

        assertThat(server).receivedNoRequests();
    }

    @Test
    void testModeWithDisableBatchCountsEachSpanAsItEnds() {
        try (HoneyHiveTracer tracer = testModeTracer(true)) {
            traceThreeSpans(tracer);

            assertThat(tracer.spanStatistics())
                    .as("handed on as each span ends, without a flush")
                    .isEqualTo(new SpanStatistics(3, 0, 0, 0, 0));
        }

        assertThat(server).receivedNoRequests();
    }

    private HoneyHiveTracer testModeTracer(boolean disableBatch) {
        return TestTracers.inTestMode()
                .serverUrl(server.baseUrl())
                .disableBatch(disableBatch)
                .build();
    }

    private static void traceThreeSpans(HoneyHiveTracer tracer) {
        for (int i = 0; i < 3; i++) {
            tracer.trace("local-only", EventType.TOOL).close();
        }
    }

    @Test
    void linkCarrierParentsTheTracersRootSpansForItsLifetime() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String parentSpanId = "00f067aa0ba902b7";
        String upstreamSession = "0e8c6c1a-7a3b-4c55-9a0e-1f2d3c4b5a69";
        try (HoneyHiveTracer tracer = TestTracers.against(server)
                .linkCarrier(Map.of(
                        "traceparent", "00-" + traceId + "-" + parentSpanId + "-01",
                        "baggage", "session_id=" + upstreamSession))
                .build()) {
            try (HoneyHiveSpan root = tracer.trace("linked-root")) {
                tracer.trace("linked-child").close();
            }
            pool.submit(() -> tracer.trace("linked-on-other-thread").close()).get();
            assertThat(tracer.flush(TestTracers.WAIT)).isTrue();
        } catch (Exception e) {
            throw new AssertionError(e);
        }

        Map<String, RecordedSpan> spans = byName(server.spans());
        assertThat(spans.get("linked-root").traceId()).isEqualTo(traceId);
        assertThat(spans.get("linked-root").parentSpanId()).isEqualTo(parentSpanId);
        assertThat(spans.get("linked-root")).hasSessionId(upstreamSession);
        assertThat(spans.get("linked-child"))
                .hasParent(spans.get("linked-root"))
                .hasSessionId(upstreamSession);
        assertThat(spans.get("linked-on-other-thread").parentSpanId()).isEqualTo(parentSpanId);
    }

    @Test
    void registerGlobalMakesTheTracerTheGlobalOpenTelemetry() {
        try (HoneyHiveTracer tracer =
                TestTracers.inTestMode().registerGlobal(true).build()) {
            assertThat(GlobalOpenTelemetry.isSet()).isTrue();
            assertThat(GlobalOpenTelemetry.getTracerProvider()
                            .get("x")
                            .spanBuilder("global")
                            .startSpan()
                            .getSpanContext()
                            .isValid())
                    .isTrue();
        } finally {
            GlobalOpenTelemetry.resetForTest();
        }
    }
}
