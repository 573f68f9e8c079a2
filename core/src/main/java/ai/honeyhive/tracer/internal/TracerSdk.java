package ai.honeyhive.tracer.internal;

import ai.honeyhive.tracer.SpanStatistics;
import ai.honeyhive.tracer.TracerConfig;
import ai.honeyhive.tracer.internal.export.CompletingSpanExporter;
import ai.honeyhive.tracer.internal.export.HoneyHiveEndpoint;
import ai.honeyhive.tracer.internal.export.LocalSink;
import ai.honeyhive.tracer.internal.export.SdkSpanCounters;
import ai.honeyhive.tracer.internal.export.SpanExportPipeline;
import ai.honeyhive.tracer.internal.span.HoneyHiveSpanProcessor;
import ai.honeyhive.tracer.internal.span.SessionSpanForwarder;
import ai.honeyhive.tracer.internal.span.TracerIdentity;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.SpanLimits;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The OpenTelemetry SDK one tracer owns: its tracer provider (resource, sampler, limits, processors), the
 * {@code OpenTelemetry} handed to instrumentors, and where ended spans go: the export to HoneyHive, the local sink,
 * or, in test mode, a pipeline that discards them. It flushes and shuts down within a {@link Deadline}.
 */
public final class TracerSdk {

    // Room on top of the configured attribute budget for what the tracer itself stamps.
    private static final int RESERVED_ATTRIBUTES = 32;
    private static final Duration LOCAL_SINK_DELAY = Duration.ofMillis(100);
    private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");
    private static final TextMapPropagator PROPAGATOR =
            TextMapPropagator.composite(W3CTraceContextPropagator.getInstance(), W3CBaggagePropagator.getInstance());

    private final SdkTracerProvider provider;
    private final OpenTelemetrySdk openTelemetry;
    private final HoneyHiveSpanProcessor stamping;
    // Where ended spans go: the export pipeline and the local sink; shared with sessionSpanProcessor's processors.
    private final SpanProcessor delivery;
    private final @Nullable SpanExportPipeline export;
    private final @Nullable LocalSink localSink;
    // The counters of the in-process span pipeline: the local sink's, or in test mode the one that discards.
    private final SdkSpanCounters inProcessCounters;

    private TracerSdk(
            SdkTracerProvider provider,
            HoneyHiveSpanProcessor stamping,
            SpanProcessor delivery,
            @Nullable SpanExportPipeline export,
            @Nullable LocalSink localSink,
            SdkSpanCounters inProcessCounters) {
        this.provider = provider;
        this.openTelemetry = OpenTelemetrySdk.builder()
                .setTracerProvider(provider)
                .setPropagators(ContextPropagators.create(PROPAGATOR))
                .build();
        this.stamping = stamping;
        this.delivery = delivery;
        this.export = export;
        this.localSink = localSink;
        this.inProcessCounters = inProcessCounters;
    }

    /**
     * The SDK of a tracer.
     *
     * @param identity what its spans are stamped with
     * @param serviceName the {@code service.name} resource attribute
     * @param extraProcessors the application's processors, run after the stamping one
     * @param endpoint where spans are exported, or null in test mode
     * @param localSink the local sink, or null
     */
    public static TracerSdk create(
            TracerConfig config,
            TracerIdentity identity,
            String serviceName,
            List<SpanProcessor> extraProcessors,
            @Nullable HoneyHiveEndpoint endpoint,
            @Nullable LocalSink localSink) {
        SpanExportPipeline export = endpoint == null
                ? null
                : SpanExportPipeline.create(SpanExportPipeline.ExportSettings.of(endpoint, config));
        SdkSpanCounters inProcessCounters = new SdkSpanCounters();
        SpanProcessor delivery = delivery(config, export, localSink, inProcessCounters);
        HoneyHiveSpanProcessor stamping = new HoneyHiveSpanProcessor(identity);
        SdkTracerProviderBuilder provider = SdkTracerProvider.builder()
                // No service.version: the wire contract wants the application's, which the tracer does not know.
                .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(SERVICE_NAME, serviceName))))
                // HoneyHive shows whole sessions, so every span is kept whatever an upstream sampler decided.
                .setSampler(Sampler.alwaysOn())
                .setSpanLimits(SpanLimits.builder()
                        .setMaxNumberOfAttributes(config.maxSpanAttributes() + RESERVED_ATTRIBUTES)
                        .setMaxAttributeValueLength(config.maxAttributeValueLength())
                        .build())
                // First, so that every other processor sees the session already stamped.
                .addSpanProcessor(stamping);
        extraProcessors.forEach(provider::addSpanProcessor);
        return new TracerSdk(
                provider.addSpanProcessor(delivery).build(), stamping, delivery, export, localSink, inProcessCounters);
    }

    /** The tracer provider, for the tracer's own spans and for instrumentors. */
    public SdkTracerProvider provider() {
        return provider;
    }

    /** The provider with W3C trace-context and baggage propagators. */
    public OpenTelemetrySdk openTelemetry() {
        return openTelemetry;
    }

    /** A processor for another SDK: its spans in HoneyHive sessions are stamped and delivered like the tracer's. */
    public SpanProcessor sessionSpanProcessor(boolean includeSpansOutsideSessions) {
        return new SessionSpanForwarder(stamping, delivery, includeSpansOutsideSessions);
    }

    /** Delivers the ended spans now, waiting at most until the deadline; {@link Delivery#succeeded} tells the end. */
    public Delivery flush(Deadline deadline) {
        long failuresBefore = failedExports();
        boolean flushed = provider.forceFlush()
                .join(deadline.timeoutNanos(), TimeUnit.NANOSECONDS)
                .isSuccess();
        if (localSink != null) {
            localSink.flush();
        }
        return new Delivery(flushed, failuresBefore);
    }

    /**
     * Delivers what is pending and stops, waiting at most until the deadline. The exporter's key stays masked in
     * its logs until exports still in flight have ended.
     */
    public Delivery shutdown(Deadline deadline) {
        long failuresBefore = failedExports();
        boolean shutDown = openTelemetry
                .shutdown()
                .join(deadline.timeoutNanos(), TimeUnit.NANOSECONDS)
                .isSuccess();
        if (export != null) {
            // Exports that outlive the timeout may still log; the key stays masked until they end.
            export.awaitInFlight().whenComplete(export::release);
        }
        return new Delivery(shutDown, failuresBefore);
    }

    /** The SDK's counters: the export to HoneyHive's, or in test mode those of the in-process pipeline. */
    public SpanStatistics statistics() {
        return export != null ? export.statistics() : inProcessCounters.read();
    }

    private long failedExports() {
        return export == null ? 0 : export.failedExports();
    }

    /** A flush or shutdown under way: whether it delivered everything is known once its exports in flight end. */
    public final class Delivery {
        private final boolean handedOver;
        private final long failuresBefore;

        private Delivery(boolean handedOver, long failuresBefore) {
            this.handedOver = handedOver;
            this.failuresBefore = failuresBefore;
        }

        /**
         * Waits until the deadline for exports the batch processor gave up waiting on, and says whether every span
         * was handed over and delivered, with no export failing meanwhile.
         */
        public boolean succeeded(Deadline deadline) {
            return handedOver && exportsInFlightDelivered(deadline) && failedExports() == failuresBefore;
        }

        private boolean exportsInFlightDelivered(Deadline deadline) {
            return export == null
                    || export.awaitInFlight()
                            .join(deadline.remainingNanos(), TimeUnit.NANOSECONDS)
                            .isSuccess();
        }
    }

    private static SpanProcessor delivery(
            TracerConfig config,
            @Nullable SpanExportPipeline export,
            @Nullable LocalSink localSink,
            SdkSpanCounters inProcessCounters) {
        List<SpanProcessor> processors = new ArrayList<>();
        if (export != null) {
            processors.add(export.processor());
        }
        if (localSink != null) {
            processors.add(BatchSpanProcessor.builder(new CompletingSpanExporter(localSink))
                    .setScheduleDelay(LOCAL_SINK_DELAY)
                    .setMeterProvider(inProcessCounters.meterProvider())
                    .build());
        } else if (export == null) {
            // Test mode without a sink: the spans still pass through a batch processor, as in production, and are
            // then discarded; so the application pays what it pays in production, and spanStatistics() counts.
            // With disable_batch, each span is handed on as it ends and no processor thread waits (disabled tracers
            // are built so).
            SpanExporter discard = SpanExporter.composite(List.of());
            processors.add(
                    config.disableBatch()
                            ? SimpleSpanProcessor.builder(discard)
                                    .setMeterProvider(inProcessCounters::meterProvider)
                                    .build()
                            : BatchSpanProcessor.builder(discard)
                                    .setScheduleDelay(config.batchScheduleDelay())
                                    .setMaxQueueSize(config.batchMaxQueueSize())
                                    .setMaxExportBatchSize(config.batchMaxExportBatchSize())
                                    .setMeterProvider(inProcessCounters.meterProvider())
                                    .build());
        }
        return SpanProcessor.composite(processors);
    }
}
