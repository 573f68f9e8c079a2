package ai.honeyhive.quarkus.runtime.internal;

import ai.honeyhive.cdi.internal.TracerRegistry;
import ai.honeyhive.tracer.internal.TracerInternals;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.quarkus.opentelemetry.runtime.propagation.TextMapPropagatorCustomizer;

/**
 * Makes Quarkus's W3C baggage propagator carry the default tracer's HoneyHive session, project, source and evaluation
 * ids, so that a REST client (or any client quarkus-opentelemetry instruments) called inside a HoneyHive session brings
 * the service it calls into that session. Quarkus's other propagators are left as they are.
 */
final class SessionBaggageCustomizer implements TextMapPropagatorCustomizer {

    private final TracerRegistry registry;
    private final boolean outsideSessions;

    SessionBaggageCustomizer(TracerRegistry registry, boolean outsideSessions) {
        this.registry = registry;
        this.outsideSessions = outsideSessions;
    }

    @Override
    public TextMapPropagator customize(Context context) {
        TextMapPropagator propagator = context.propagator();
        TracerRegistry.TracerEntry tracer = registry.entry("");
        if (!(propagator instanceof W3CBaggagePropagator) || !tracer.enabled()) {
            return propagator;
        }
        return TracerInternals.sessionBaggage(tracer.tracer(), propagator, outsideSessions);
    }
}
