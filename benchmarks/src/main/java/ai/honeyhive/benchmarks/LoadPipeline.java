package ai.honeyhive.benchmarks;

import ai.honeyhive.tracer.HoneyHiveTracer;
import ai.honeyhive.tracer.SessionCallStatistics;
import ai.honeyhive.tracer.SpanStatistics;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** What carries the soak's requests to the stand-in, and counts what became of them. */
abstract class LoadPipeline {

    private static final Duration DRAIN = Duration.ofSeconds(60);

    private final AtomicLong requests = new AtomicLong();

    /**
     * Every figure at the end: the spans and session calls produced, and what became of them (for the baseline,
     * which makes no session calls, those are 0).
     */
    record Counts(
            long producedSpans,
            long deliveredSpans,
            long failedSpans,
            long droppedSpans,
            long queuedSpans,
            long producedSessionCalls,
            long deliveredSessionCalls,
            long failedSessionCalls,
            long droppedSessionCalls,
            long queuedSessionCalls) {

        void into(ProductionLoadSoak.Result result) {
            result.put("producedSpans", producedSpans);
            result.put("deliveredSpans", deliveredSpans);
            result.put("failedSpans", failedSpans);
            result.put("droppedSpans", droppedSpans);
            result.put("queuedSpans", queuedSpans);
            result.put("producedSessionCalls", producedSessionCalls);
            result.put("deliveredSessionCalls", deliveredSessionCalls);
            result.put("failedSessionCalls", failedSessionCalls);
            result.put("droppedSessionCalls", droppedSessionCalls);
            result.put("queuedSessionCalls", queuedSessionCalls);
            result.put(
                    "accounted",
                    producedSpans == deliveredSpans + failedSpans + droppedSpans + queuedSpans
                            && producedSessionCalls
                                    == deliveredSessionCalls
                                            + failedSessionCalls
                                            + droppedSessionCalls
                                            + queuedSessionCalls);
        }
    }

    /** The HoneyHive tracer with its defaults, sending to this URL. */
    static LoadPipeline honeyHive(String serverUrl) {
        return new HoneyHive(Tracers.sendingTo(serverUrl));
    }

    /** The OpenTelemetry SDK with its default batch processor and OTLP/HTTP exporter, sending to this URL. */
    static LoadPipeline plainSdk(String serverUrl) {
        return new PlainSdk(serverUrl);
    }

    /** One request of {@link LoadRequest#SPANS} spans. */
    final void request(long number) {
        requests.incrementAndGet();
        handle(number);
    }

    final long requests() {
        return requests.get();
    }

    abstract void handle(long number);

    /** The spans the backend has accepted so far. */
    abstract long deliveredSpans();

    /** Waits until what has ended so far has been sent, for up to a minute. */
    abstract void awaitDelivered();

    /** A line of what is going on, for the console. */
    abstract String progress();

    /** Sends what is left (for up to a minute), counts, and closes. */
    abstract Counts drainAndClose();

    private static final class HoneyHive extends LoadPipeline {

        private final HoneyHiveTracer tracer;

        HoneyHive(HoneyHiveTracer tracer) {
            this.tracer = tracer;
        }

        @Override
        void handle(long number) {
            LoadRequest.traced(tracer, number);
        }

        @Override
        long deliveredSpans() {
            return tracer.spanStatistics().delivered();
        }

        @Override
        void awaitDelivered() {
            tracer.flush(DRAIN);
        }

        @Override
        String progress() {
            return "spans " + tracer.spanStatistics() + "  session calls " + tracer.sessionCallStatistics();
        }

        @Override
        Counts drainAndClose() {
            tracer.flush(DRAIN);
            SpanStatistics spans = tracer.spanStatistics();
            SessionCallStatistics calls = tracer.sessionCallStatistics();
            tracer.close(Duration.ofSeconds(10));
            long produced = requests();
            // Exported spans are delivered or failed once the flush has waited for every export.
            return new Counts(
                    produced * LoadRequest.SPANS,
                    spans.delivered(),
                    spans.failed(),
                    spans.dropped(),
                    spans.queued() + spans.exported() - spans.delivered() - spans.failed(),
                    produced * 2,
                    calls.delivered(),
                    calls.failed(),
                    calls.dropped(),
                    calls.queued());
        }
    }

    private static final class PlainSdk extends LoadPipeline {

        private final CountingExporter exporter;
        private final SdkTracerProvider provider;
        private final Tracer tracer;

        PlainSdk(String serverUrl) {
            exporter = new CountingExporter(OtlpHttpSpanExporter.builder()
                    .setEndpoint(serverUrl + "/opentelemetry/v1/traces")
                    .addHeader("Authorization", "Bearer hh-benchmark-key")
                    .build());
            provider = SdkTracerProvider.builder()
                    .addSpanProcessor(BatchSpanProcessor.builder(exporter).build())
                    .build();
            tracer = provider.get("load");
        }

        @Override
        void handle(long number) {
            LoadRequest.plain(tracer, number);
        }

        @Override
        long deliveredSpans() {
            return exporter.delivered.get();
        }

        @Override
        void awaitDelivered() {
            provider.forceFlush().join(DRAIN.toSeconds(), TimeUnit.SECONDS);
        }

        @Override
        String progress() {
            return String.format(
                    Locale.ROOT,
                    "spans produced %d, handed to the exporter %d, delivered %d, failed %d",
                    requests() * LoadRequest.SPANS,
                    exporter.taken.get(),
                    exporter.delivered.get(),
                    exporter.failed.get());
        }

        @Override
        Counts drainAndClose() {
            awaitDelivered();
            provider.shutdown().join(10, TimeUnit.SECONDS);
            long produced = requests() * LoadRequest.SPANS;
            long taken = exporter.taken.get();
            long delivered = exporter.delivered.get();
            long failed = exporter.failed.get();
            // The batch processor drops what does not fit its queue; once flushed and shut down nothing is queued, so
            // what never reached the exporter was dropped.
            return new Counts(produced, delivered, failed, produced - taken, taken - delivered - failed, 0, 0, 0, 0, 0);
        }
    }

    /** Counts what the batch processor hands to the exporter, and what the backend accepted. */
    private static final class CountingExporter implements SpanExporter {

        private final SpanExporter delegate;
        private final AtomicLong taken = new AtomicLong();
        private final AtomicLong delivered = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();

        CountingExporter(SpanExporter delegate) {
            this.delegate = delegate;
        }

        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            int count = spans.size();
            taken.addAndGet(count);
            CompletableResultCode result = delegate.export(spans);
            result.whenComplete(() -> (result.isSuccess() ? delivered : failed).addAndGet(count));
            return result;
        }

        @Override
        public CompletableResultCode flush() {
            return delegate.flush();
        }

        @Override
        public CompletableResultCode shutdown() {
            return delegate.shutdown();
        }
    }
}
