package ai.honeyhive.tracer.internal;

import ai.honeyhive.tracer.SessionCallStatistics;
import ai.honeyhive.tracer.SpanStatistics;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.MeterProvider;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * A tracer's delivery counts as OpenTelemetry metrics on the application's meter provider, read from the counters the
 * tracer keeps when the metrics are collected (nothing is counted twice): {@code honeyhive.spans} and
 * {@code honeyhive.session.calls}, counters by {@code outcome} ({@code delivered}, {@code failed}, {@code dropped}),
 * and the gauges {@code honeyhive.spans.queued} and {@code honeyhive.session.calls.queued}. Each measurement carries
 * the tracer's {@code honeyhive.project} and {@code honeyhive.source}, so that several tracers can share a provider.
 * The same names as the Micrometer meters of the Quarkus extension.
 */
public final class DeliveryInstruments implements AutoCloseable {

    static final String INSTRUMENTATION_SCOPE = "ai.honeyhive.tracer";
    private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("outcome");
    private static final AttributeKey<String> PROJECT = AttributeKey.stringKey("honeyhive.project");
    private static final AttributeKey<String> SOURCE = AttributeKey.stringKey("honeyhive.source");
    private static final Logger logger = Logger.getLogger(DeliveryInstruments.class.getName());
    private static final ThrottledLogger readFailures = new ThrottledLogger(logger);

    /** No meter provider given: nothing registered. */
    public static final DeliveryInstruments NONE = new DeliveryInstruments(List.of());

    private final List<AutoCloseable> instruments;

    private DeliveryInstruments(List<AutoCloseable> instruments) {
        this.instruments = instruments;
    }

    /**
     * Registers the instruments; their callbacks read the suppliers, which must not throw.
     *
     * @param project the tracer's project, or null
     */
    public static DeliveryInstruments register(
            MeterProvider meterProvider,
            @Nullable String project,
            String source,
            Supplier<SpanStatistics> spans,
            Supplier<SessionCallStatistics> calls) {
        Meter meter = meterProvider
                .meterBuilder(INSTRUMENTATION_SCOPE)
                .setInstrumentationVersion(LibraryVersion.version())
                .build();
        Attributes tracer =
                project == null ? Attributes.of(SOURCE, source) : Attributes.of(PROJECT, project, SOURCE, source);
        Attributes delivered = outcome(tracer, "delivered");
        Attributes failed = outcome(tracer, "failed");
        Attributes dropped = outcome(tracer, "dropped");
        return new DeliveryInstruments(List.of(
                meter.counterBuilder("honeyhive.spans")
                        .setDescription("what became of the tracer's ended spans")
                        .setUnit("{span}")
                        .buildWithCallback(measurement -> read(() -> {
                            SpanStatistics now = spans.get();
                            measurement.record(now.delivered(), delivered);
                            measurement.record(now.failed(), failed);
                            measurement.record(now.dropped(), dropped);
                        })),
                meter.gaugeBuilder("honeyhive.spans.queued")
                        .ofLongs()
                        .setDescription("ended spans waiting to be sent to HoneyHive")
                        .setUnit("{span}")
                        .buildWithCallback(measurement ->
                                read(() -> measurement.record(spans.get().queued(), tracer))),
                meter.counterBuilder("honeyhive.session.calls")
                        .setDescription("what became of the tracer's session starts and updates")
                        .setUnit("{call}")
                        .buildWithCallback(measurement -> read(() -> {
                            SessionCallStatistics now = calls.get();
                            measurement.record(now.delivered(), delivered);
                            measurement.record(now.failed(), failed);
                            measurement.record(now.dropped(), dropped);
                        })),
                meter.gaugeBuilder("honeyhive.session.calls.queued")
                        .ofLongs()
                        .setDescription("session calls taken and not yet ended")
                        .setUnit("{call}")
                        .buildWithCallback(measurement ->
                                read(() -> measurement.record(calls.get().queued(), tracer)))));
    }

    private static Attributes outcome(Attributes tracer, String outcome) {
        return tracer.toBuilder().put(OUTCOME, outcome).build();
    }

    // A callback that throws would be logged by the SDK at every collection; this one logs once, throttled.
    private static void read(Runnable recording) {
        try {
            recording.run();
        } catch (RuntimeException e) {
            readFailures.log(Level.WARNING, "Could not read the HoneyHive tracer's delivery counts for metrics", e);
        }
    }

    /** Unregisters the callbacks, so that a closed tracer is no longer read. */
    @Override
    public void close() {
        for (AutoCloseable instrument : instruments) {
            try {
                instrument.close();
            } catch (Exception e) {
                readFailures.log(Level.FINE, "Could not unregister a HoneyHive metric", e);
            }
        }
    }
}
