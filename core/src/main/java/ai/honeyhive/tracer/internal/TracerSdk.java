package ai.honeyhive.tracer.internal;

import ai.honeyhive.tracer.SpanStatistics;
import ai.honeyhive.tracer.TracerConfig;
import ai.honeyhive.tracer.internal.export.CompletingSpanExporter;
import ai.honeyhive.tracer.internal.export.HoneyHiveEndpoint;
import ai.honeyhive.tracer.internal.export.LocalSink;
import ai.honeyhive.tracer.internal.export.SdkSpanCounters;
import ai.honeyhive.tracer.internal.export.SpanExportPipeline;
import ai.honeyhive.tracer.internal.genai.FoldingSpanProcessor;
import ai.honeyhive.tracer.internal.genai.GenAiLogFold;
import ai.honeyhive.tracer.internal.genai.ModelEvents;
import ai.honeyhive.tracer.internal.session.SessionBaggagePropagator;
import ai.honeyhive.tracer.internal.session.TracerIdentity;
import ai.honeyhive.tracer.internal.span.HoneyHiveSpanProcessor;
import ai.honeyhive.tracer.internal.span.SessionSpanForwarder;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
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
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * The OpenTelemetry SDK one tracer owns: its tracer provider (resource, sampler, limits, processors), the
 * {@code OpenTelemetry} handed to instrumentors, and where ended spans go: the export to HoneyHive, the local sink,
 * or, in test mode, a pipeline that discards them. It flushes and shuts down within a {@link Deadline}.
 */
public final class TracerSdk {

    // Room on top of the configured attribute budget for what the tracer itself stamps.
    private static final int RESERVED_ATTRIBUTES = 32;
    // Extra flushes while spans still wait after one; see flush.
    private static final int EXTRA_FLUSHES = 3;
    private static final Duration LOCAL_SINK_DELAY = Duration.ofMillis(100);
    private static final Logger logger = Logger.getLogger(TracerSdk.class.getName());
    private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

    private final SdkTracerProvider provider;
    private final OpenTelemetrySdk openTelemetry;
    private final TracerIdentity identity;
    private final HoneyHiveSpanProcessor stamping;
    // Where ended spans go: the export pipeline and the local sink; shared with sessionSpanProcessor's processors.
    private final SpanProcessor spanDelivery;
    private final @Nullable SpanExportPipeline export;
    private final @Nullable LocalSink localSink;
    // The counters of the in-process span pipeline: the local sink's, or in test mode the one that discards.
    private final SdkSpanCounters inProcessCounters;
    private final GenAiLogFold genAiFold;

    private TracerSdk(
            SdkTracerProvider provider,
            Resource resource,
            GenAiLogFold genAiFold,
            TracerIdentity identity,
            HoneyHiveSpanProcessor stamping,
            SpanProcessor spanDelivery,
            @Nullable SpanExportPipeline export,
            @Nullable LocalSink localSink,
            SdkSpanCounters inProcessCounters) {
        this.provider = provider;
        this.identity = identity;
        this.openTelemetry = OpenTelemetrySdk.builder()
                .setTracerProvider(provider)
                // For LLM clients' instrumentations, whose prompts and completions are log records: folded into
                // their spans, never exported as logs.
                .setLoggerProvider(SdkLoggerProvider.builder()
                        .setResource(resource)
                        .addLogRecordProcessor(genAiFold)
                        .build())
                .setPropagators(ContextPropagators.create(TextMapPropagator.composite(
                        W3CTraceContextPropagator.getInstance(),
                        SessionBaggagePropagator.forTracer(W3CBaggagePropagator.getInstance(), identity))))
                .build();
        this.stamping = stamping;
        this.spanDelivery = spanDelivery;
        this.export = export;
        this.localSink = localSink;
        this.inProcessCounters = inProcessCounters;
        this.genAiFold = genAiFold;
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
        ModelEvents modelEvents = new ModelEvents(
                config.genaiCaptureContent(),
                ModelEvents.DEFAULT_MAX_CHAT_HISTORY_LENGTH,
                config.maxAttributeValueLength(),
                config.genaiRedact());
        SpanExportPipeline export = endpoint == null
                ? null
                : SpanExportPipeline.create(SpanExportPipeline.ExportSettings.of(endpoint, config), modelEvents);
        SdkSpanCounters inProcessCounters = new SdkSpanCounters();
        SpanProcessor spanDelivery = spanDelivery(config, export, localSink, inProcessCounters, modelEvents);
        HoneyHiveSpanProcessor stamping = new HoneyHiveSpanProcessor(identity);
        // No service.version: the wire contract wants the application's, which the tracer does not know.
        Resource resource = Resource.getDefault().merge(Resource.create(Attributes.of(SERVICE_NAME, serviceName)));
        GenAiLogFold genAiFold = new GenAiLogFold();
        SdkTracerProviderBuilder provider = SdkTracerProvider.builder()
                .setResource(resource)
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
                provider.addSpanProcessor(new FoldingSpanProcessor(genAiFold, spanDelivery))
                        .build(),
                resource,
                genAiFold,
                identity,
                stamping,
                spanDelivery,
                export,
                localSink,
                inProcessCounters);
    }

    /** What the tracer stamps on spans whose context does not say otherwise. */
    public TracerIdentity identity() {
        return identity;
    }

    /** The tracer provider, for the tracer's own spans and for instrumentors. */
    public SdkTracerProvider provider() {
        return provider;
    }

    /**
     * The provider with W3C trace-context and baggage propagators, the baggage carrying the tracer's session, project,
     * source and evaluation ids where the context's does not set them.
     */
    public OpenTelemetrySdk openTelemetry() {
        return openTelemetry;
    }

    /**
     * Another SDK's baggage propagator (Quarkus's, for one), carrying this tracer's project, source and evaluation ids
     * along with a session HoneyHive opened, and the tracer's own session outside any only if
     * {@code outsideSessions}.
     */
    public TextMapPropagator sessionBaggage(TextMapPropagator baggage, boolean outsideSessions) {
        return SessionBaggagePropagator.forOtherSdk(baggage, identity, outsideSessions);
    }

    /** A processor for another SDK: its spans in HoneyHive sessions are stamped and delivered like the tracer's. */
    public SpanProcessor sessionSpanProcessor(boolean includeSpansOutsideSessions) {
        return new SessionSpanForwarder(stamping, spanDelivery, includeSpansOutsideSessions);
    }

    /**
     * Delivers the ended spans now, waiting at most until the deadline; {@link PendingDelivery#succeeded} tells how it
     * ended.
     */
    public PendingDelivery flush(Deadline deadline) {
        long failuresBefore = failedExports();
        boolean flushed = provider.forceFlush()
                .join(deadline.timeoutNanos(), TimeUnit.NANOSECONDS)
                .isSuccess();
        // The SDK's batch processor answers a flush asked for while its previous one is ending with that one, which
        // did not see the spans queued since: flush again while spans still wait (a few times, not under endless load).
        for (int round = 0; flushed && round < EXTRA_FLUSHES && statistics().queued() > 0; round++) {
            flushed = provider.forceFlush()
                    .join(Math.max(0, deadline.remainingNanos()), TimeUnit.NANOSECONDS)
                    .isSuccess();
        }
        if (localSink != null) {
            localSink.flush();
        }
        return new PendingDelivery(flushed, failuresBefore);
    }

    /** Delivers what is pending and stops, waiting at most until the deadline. */
    public PendingDelivery shutdown(Deadline deadline) {
        long failuresBefore = failedExports();
        boolean shutDown = openTelemetry
                .shutdown()
                .join(deadline.timeoutNanos(), TimeUnit.NANOSECONDS)
                .isSuccess();
        return new PendingDelivery(shutDown, failuresBefore);
    }

    /**
     * Interrupts the exports still in flight past the close's bound, and stops masking the API key in the exporter's
     * logs once they have ended; the last step of closing, since those exports still log their failure.
     */
    public void releaseWhenExportsEnd() {
        if (export != null) {
            export.stopSending();
            export.awaitInFlight().whenComplete(export::release);
        }
    }

    /**
     * Makes this SDK {@code GlobalOpenTelemetry}, so that libraries that use the global instance report to HoneyHive;
     * logs instead of failing when another one was set first.
     *
     * @param setting the setting that asked for it, named in the warning
     */
    public void registerGlobal(String setting) {
        try {
            GlobalOpenTelemetry.set(openTelemetry);
        } catch (IllegalStateException e) {
            logger.log(
                    Level.WARNING,
                    "GlobalOpenTelemetry was already set; this HoneyHive tracer is not the global one (" + setting
                            + ")");
        }
    }

    /** The SDK's counters: the export to HoneyHive's, or in test mode those of the in-process pipeline. */
    public SpanStatistics statistics() {
        return export != null ? export.statistics() : inProcessCounters.read();
    }

    /** The gen_ai log records that could not be folded into their model span. */
    public long droppedGenAiRecords() {
        return genAiFold.dropped();
    }

    private long failedExports() {
        return export == null ? 0 : export.failedExports();
    }

    /** A flush or shutdown under way: whether it delivered everything is known once its exports in flight end. */
    public final class PendingDelivery {
        private final boolean handedOver;
        private final long failuresBefore;

        private PendingDelivery(boolean handedOver, long failuresBefore) {
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

    private static SpanProcessor spanDelivery(
            TracerConfig config,
            @Nullable SpanExportPipeline export,
            @Nullable LocalSink localSink,
            SdkSpanCounters inProcessCounters,
            ModelEvents modelEvents) {
        List<SpanProcessor> processors = new ArrayList<>();
        if (export != null) {
            processors.add(export.processor());
        }
        if (localSink != null) {
            processors.add(BatchSpanProcessor.builder(new CompletingSpanExporter(localSink, modelEvents))
                    .setScheduleDelay(LOCAL_SINK_DELAY)
                    .setMeterProvider(inProcessCounters.meterProvider())
                    .build());
        } else if (export == null) {
            // Test mode without a sink: the spans still pass through a batch processor and get their model-event
            // keys, as in production, and are then discarded; so the application pays what it pays in production,
            // and spanStatistics() counts. With disable_batch, each span is handed on as it ends and no processor
            // thread waits (disabled tracers are built so).
            SpanExporter discard = new CompletingSpanExporter(SpanExporter.composite(List.of()), modelEvents);
            processors.add(
                    config.disableBatch()
                            ? SimpleSpanProcessor.builder(discard)
                                    .setMeterProvider(inProcessCounters::meterProvider)
                                    .build()
                            : SpanExportPipeline.inProcess(
                                    discard,
                                    config.batchMaxQueueSize(),
                                    config.batchMaxQueueMib(),
                                    config.batchMaxExportBatchSize(),
                                    config.batchScheduleDelay(),
                                    config.batchExportTimeout(),
                                    inProcessCounters));
        }
        return SpanProcessor.composite(processors);
    }
}
