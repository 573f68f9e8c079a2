package ai.honeyhive.tracer.internal;

import ai.honeyhive.tracer.SessionCallStatistics;
import ai.honeyhive.tracer.SpanStatistics;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.MeterProvider;
import java.util.List;
import java.util.function.LongSupplier;
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
    private static final List<String> OUTCOMES = List.of("delivered", "failed", "dropped");
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
        return new DeliveryInstruments(List.of(
                outcomes(meter, "honeyhive.spans", "what became of the tracer's ended spans", "{span}", tracer, () -> {
                    SpanStatistics now = spans.get();
                    return new long[] {now.delivered(), now.failed(), now.dropped()};
                }),
                queued(
                        meter,
                        "honeyhive.spans.queued",
                        "ended spans waiting to be sent to HoneyHive",
                        "{span}",
                        tracer,
                        () -> spans.get().queued()),
                outcomes(
                        meter,
                        "honeyhive.session.calls",
                        "what became of the tracer's session starts and updates",
                        "{call}",
                        tracer,
                        () -> {
                            SessionCallStatistics now = calls.get();
                            return new long[] {now.delivered(), now.failed(), now.dropped()};
                        }),
                queued(
                        meter,
                        "honeyhive.session.calls.queued",
                        "session calls taken and not yet ended",
                        "{call}",
                        tracer,
                        () -> calls.get().queued())));
    }

    /** A counter by outcome, whose callback reads the delivered, failed and dropped counts, in that order. */
    private static AutoCloseable outcomes(
            Meter meter, String name, String description, String unit, Attributes tracer, Supplier<long[]> counts) {
        List<Attributes> outcomes = OUTCOMES.stream()
                .map(outcome -> tracer.toBuilder().put(OUTCOME, outcome).build())
                .toList();
        return meter.counterBuilder(name)
                .setDescription(description)
                .setUnit(unit)
                .buildWithCallback(measurement -> read(() -> {
                    long[] now = counts.get();
                    for (int i = 0; i < now.length; i++) {
                        measurement.record(now[i], outcomes.get(i));
                    }
                }));
    }

    private static AutoCloseable queued(
            Meter meter, String name, String description, String unit, Attributes tracer, LongSupplier count) {
        return meter.gaugeBuilder(name)
                .ofLongs()
                .setDescription(description)
                .setUnit(unit)
                .buildWithCallback(measurement -> read(() -> measurement.record(count.getAsLong(), tracer)));
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
