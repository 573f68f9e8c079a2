package ai.honeyhive.quarkus.runtime.internal.delivery;

import ai.honeyhive.cdi.internal.TracerRegistry;
import ai.honeyhive.tracer.SessionCallStatistics;
import ai.honeyhive.tracer.SpanStatistics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.function.LongSupplier;

/**
 * The tracers' delivery counts as Micrometer meters, with Quarkus Micrometer: {@code honeyhive.spans} and
 * {@code honeyhive.session.calls} counters tagged by {@code outcome} ({@code delivered}, {@code failed},
 * {@code dropped}) and {@code tracer}, and {@code honeyhive.spans.queued} / {@code honeyhive.session.calls.queued}
 * gauges. They read the counters the tracer keeps; nothing is counted twice.
 */
@Singleton
public class DeliveryMeters implements MeterBinder {

    @Inject
    TracerRegistry registry;

    @Override
    public void bindTo(MeterRegistry meters) {
        // Micrometer may bind before the tracers are built, and a named tracer may be built on first use: the default
        // tracer's meters are there from the start (each finds its tracer when it is read), a named one's once built.
        bind(meters, "");
        registry.whenBuilt(name -> bind(meters, name));
    }

    // Registering a meter again returns the one registered: a tracer named twice costs nothing.
    private void bind(MeterRegistry meters, String name) {
        String tracer = name.isEmpty() ? "default" : name;
        counter(meters, "honeyhive.spans", "delivered", tracer, () -> spans(name)
                .delivered());
        counter(meters, "honeyhive.spans", "failed", tracer, () -> spans(name).failed());
        counter(meters, "honeyhive.spans", "dropped", tracer, () -> spans(name).dropped());
        counter(meters, "honeyhive.session.calls", "delivered", tracer, () -> calls(name)
                .delivered());
        counter(meters, "honeyhive.session.calls", "failed", tracer, () -> calls(name)
                .failed());
        counter(meters, "honeyhive.session.calls", "dropped", tracer, () -> calls(name)
                .dropped());
        Gauge.builder("honeyhive.spans.queued", () -> spans(name).queued())
                .description("ended spans waiting to be sent to HoneyHive")
                .tag("tracer", tracer)
                .register(meters);
        Gauge.builder("honeyhive.session.calls.queued", () -> calls(name).queued())
                .description("session calls taken and not yet ended")
                .tag("tracer", tracer)
                .register(meters);
    }

    private SpanStatistics spans(String tracer) {
        return registry.tracer(tracer).spanStatistics();
    }

    private SessionCallStatistics calls(String tracer) {
        return registry.tracer(tracer).sessionCallStatistics();
    }

    private void counter(MeterRegistry meters, String name, String outcome, String tracer, LongSupplier count) {
        // Micrometer holds a function counter's object weakly and then reports its last value: the object is this
        // bean, which lives as long as the application, not the supplier, which nothing else holds.
        FunctionCounter.builder(name, this, bean -> count.getAsLong())
                .description("what became of the tracer's " + name.substring("honeyhive.".length()))
                .tag("outcome", outcome)
                .tag("tracer", tracer)
                .register(meters);
    }
}
