package ai.honeyhive.tracer;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.testing.RecordingHoneyHiveServer;
import ai.honeyhive.testing.Response;
import ai.honeyhive.testing.Route;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The delivery counts as OpenTelemetry metrics on the application's meter provider, collected by the real SDK's
 * reader: what was delivered and failed, for spans and session calls, by outcome and tracer, and nothing once the
 * tracer is closed.
 */
class DeliveryMetricsIT {

    private final RecordingHoneyHiveServer server = RecordingHoneyHiveServer.start();
    private final InMemoryMetricReader reader = InMemoryMetricReader.create();
    private final SdkMeterProvider meterProvider =
            SdkMeterProvider.builder().registerMetricReader(reader).build();

    @AfterEach
    void stop() {
        meterProvider.close();
        server.close();
    }

    @Test
    void deliveredAndFailedSpansAndSessionCallsAreCountedByOutcomeUntilTheTracerCloses() {
        HoneyHiveTracer tracer = TestTracers.against(server)
                .startSession(false)
                .meterProvider(meterProvider)
                .build();
        try (SessionScope session = tracer.withSession("metrics")) {
            for (int i = 0; i < 3; i++) {
                tracer.trace("step-" + i).close();
            }
            tracer.enrichSession(SessionEnrichment.builder()
                    .sessionId(session.sessionId())
                    .outputs(Map.of("status_code", 200))
                    .build());
        }
        assertThat(tracer.flush(TestTracers.WAIT)).isTrue();
        // HoneyHive refuses the next export: two spans failed.
        server.respondByDefault(Route.TRACES, Response.status(400));
        tracer.trace("refused-1").close();
        tracer.trace("refused-2").close();
        tracer.flush(TestTracers.WAIT);

        Collection<MetricData> metrics = reader.collectAllMetrics();
        assertThat(point(metrics, "honeyhive.spans", "delivered")).hasValue(3L);
        assertThat(point(metrics, "honeyhive.spans", "failed")).hasValue(2L);
        assertThat(point(metrics, "honeyhive.spans", "dropped")).hasValue(0L);
        assertThat(point(metrics, "honeyhive.session.calls", "delivered")).hasValue(2L);
        assertThat(point(metrics, "honeyhive.session.calls", "failed")).hasValue(0L);
        assertThat(gauge(metrics, "honeyhive.spans.queued")).hasValue(0L);
        assertThat(gauge(metrics, "honeyhive.session.calls.queued")).hasValue(0L);
        LongPointData delivered = points(metrics, "honeyhive.spans")
                .filter(data -> "delivered".equals(data.getAttributes().get(AttributeKey.stringKey("outcome"))))
                .findFirst()
                .orElseThrow();
        assertThat(delivered.getAttributes().get(AttributeKey.stringKey("honeyhive.project")))
                .isEqualTo(TestTracers.PROJECT);
        assertThat(delivered.getAttributes().get(AttributeKey.stringKey("honeyhive.source")))
                .isEqualTo(tracer.source());

        tracer.close();
        assertThat(reader.collectAllMetrics())
                .extracting(MetricData::getName)
                .doesNotContain("honeyhive.spans", "honeyhive.session.calls");
    }

    private static Optional<Long> point(Collection<MetricData> metrics, String name, String outcome) {
        return points(metrics, name)
                .filter(data -> outcome.equals(data.getAttributes().get(AttributeKey.stringKey("outcome"))))
                .map(LongPointData::getValue)
                .findFirst();
    }

    private static Optional<Long> gauge(Collection<MetricData> metrics, String name) {
        return metrics.stream()
                .filter(metric -> metric.getName().equals(name))
                .flatMap(metric -> metric.getLongGaugeData().getPoints().stream())
                .map(LongPointData::getValue)
                .findFirst();
    }

    private static Stream<LongPointData> points(Collection<MetricData> metrics, String name) {
        return metrics.stream()
                .filter(metric -> metric.getName().equals(name))
                .flatMap(metric -> metric.getLongSumData().getPoints().stream());
    }
}
