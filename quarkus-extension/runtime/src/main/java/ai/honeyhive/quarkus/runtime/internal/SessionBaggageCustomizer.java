package ai.honeyhive.quarkus.runtime.internal;

import ai.honeyhive.cdi.internal.TracerRegistry;
import ai.honeyhive.tracer.internal.TracerInternals;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.quarkus.opentelemetry.runtime.propagation.TextMapPropagatorCustomizer;
import org.jboss.logging.Logger;

/**
 * Makes Quarkus's W3C baggage propagator carry the default tracer's HoneyHive session, project, source and evaluation
 * ids, so that a REST client (or any client quarkus-opentelemetry instruments) called inside a HoneyHive session brings
 * the service it calls into that session; outside sessions, the HoneyHive keys an untrusted caller's baggage brought
 * in are not passed on. Quarkus's other propagators are left as they are.
 */
final class SessionBaggageCustomizer implements TextMapPropagatorCustomizer {

    // The W3C baggage propagator's header, also when another customizer has wrapped it already.
    private static final String BAGGAGE_HEADER = "baggage";
    private static final Logger logger = Logger.getLogger(SessionBaggageCustomizer.class);

    private final TracerRegistry registry;
    private final boolean outsideSessions;

    SessionBaggageCustomizer(TracerRegistry registry, boolean outsideSessions) {
        this.registry = registry;
        this.outsideSessions = outsideSessions;
    }

    @Override
    public TextMapPropagator customize(Context context) {
        TextMapPropagator propagator = context.propagator();
        try {
            TracerRegistry.TracerEntry tracer = registry.entry("");
            if (!propagator.fields().contains(BAGGAGE_HEADER) || !tracer.enabled()) {
                return propagator;
            }
            return TracerInternals.sessionBaggage(tracer.tracer(), propagator, outsideSessions);
        } catch (RuntimeException e) {
            logger.warn("Quarkus's baggage propagator does not carry HoneyHive sessions: it could not be wrapped", e);
            return propagator;
        }
    }
}
