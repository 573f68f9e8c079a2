package ai.honeyhive.tracer.internal.export;

import ai.honeyhive.tracer.SpanStatistics;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.CollectionRegistration;
import io.opentelemetry.sdk.metrics.export.MetricReader;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * The OpenTelemetry SDK's own counters of one span pipeline: the batch span processor's {@code processedSpans}
 * (dropped or not) and {@code queueSize} (or the simple processor's {@code otel.sdk.processor.span.processed}), and
 * the OTLP exporter's {@code otlp.exporter.exported} (success or not).
 *
 * <p>They live in a meter provider of their own that nothing exports: they are read on demand, cost the hot path
 * nothing (the processor counts on its worker thread, and on a drop), and never mix with the application's metrics.
 */
public final class SdkSpanCounters {

    private static final AttributeKey<Boolean> DROPPED = AttributeKey.booleanKey("dropped");
    private static final AttributeKey<Boolean> SUCCESS = AttributeKey.booleanKey("success");
    private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    private static final String PROCESSED_SPANS = "processedSpans";
    // The simple span processor counts under the current semantic conventions only: a drop carries error.type.
    private static final String PROCESSED_SPANS_SEMCONV = "otel.sdk.processor.span.processed";
    private static final String QUEUE_SIZE = "queueSize";
    private static final String EXPORTED_SUFFIX = ".exporter.exported";

    private final OnDemandReader reader = new OnDemandReader();
    private final SdkMeterProvider meterProvider =
            SdkMeterProvider.builder().registerMetricReader(reader).build();

    /** The meter provider to give the pipeline's batch processor and exporter. */
    public MeterProvider meterProvider() {
        return meterProvider;
    }

    /** The counters now. */
    public SpanStatistics read() {
        long exported = 0;
        long dropped = 0;
        long queued = 0;
        long delivered = 0;
        long failed = 0;
        for (MetricData metric : reader.collect()) {
            String name = metric.getName();
            if (name.equals(PROCESSED_SPANS)) {
                exported += sum(
                        metric,
                        point -> !Boolean.TRUE.equals(point.getAttributes().get(DROPPED)));
                dropped += sum(
                        metric,
                        point -> Boolean.TRUE.equals(point.getAttributes().get(DROPPED)));
            } else if (name.equals(PROCESSED_SPANS_SEMCONV)) {
                exported += sum(metric, point -> point.getAttributes().get(ERROR_TYPE) == null);
                dropped += sum(metric, point -> point.getAttributes().get(ERROR_TYPE) != null);
            } else if (name.equals(QUEUE_SIZE)) {
                queued += sum(metric, point -> true);
            } else if (name.endsWith(EXPORTED_SUFFIX)) {
                delivered += sum(
                        metric,
                        point -> Boolean.TRUE.equals(point.getAttributes().get(SUCCESS)));
                failed += sum(
                        metric,
                        point -> !Boolean.TRUE.equals(point.getAttributes().get(SUCCESS)));
            }
        }
        return new SpanStatistics(exported, dropped, queued, delivered, failed);
    }

    private static long sum(MetricData metric, Predicate<LongPointData> selected) {
        Iterable<LongPointData> points =
                switch (metric.getType()) {
                    case LONG_SUM -> metric.getLongSumData().getPoints();
                    case LONG_GAUGE -> metric.getLongGaugeData().getPoints();
                    default -> List.of();
                };
        long total = 0;
        for (LongPointData point : points) {
            if (selected.test(point)) {
                total += point.getValue();
            }
        }
        return total;
    }

    /** A metric reader that collects only when asked. */
    private static final class OnDemandReader implements MetricReader {

        private volatile CollectionRegistration registration = CollectionRegistration.noop();

        @Override
        public void register(CollectionRegistration registration) {
            this.registration = registration;
        }

        Collection<MetricData> collect() {
            return registration.collectAllMetrics();
        }

        @Override
        public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
            return AggregationTemporality.CUMULATIVE;
        }

        @Override
        public CompletableResultCode forceFlush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
