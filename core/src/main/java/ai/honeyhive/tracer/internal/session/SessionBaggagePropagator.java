package ai.honeyhive.tracer.internal.session;

import ai.honeyhive.tracer.internal.ThrottledLogger;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.Collection;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * A baggage propagator that carries a tracer's HoneyHive session to the services it calls: on inject, the baggage
 * written is the context's, with the session, project, source and evaluation ids that the context's baggage does not
 * set taken from the tracer, so that a downstream service's spans join the caller's session whatever client sends the
 * request. Extracting is the wrapped propagator's, unchanged: whether a carrier may choose a session is decided where
 * a request is received (see {@link ContextCarriers}). Never throws.
 *
 * <p>The sessions HoneyHive opens carry their tracer's identity in their baggage already ({@link
 * HoneyHiveBaggage#withSession}), so any baggage propagator takes it along; this one adds the tracer's own session
 * where no other applies.
 */
public final class SessionBaggagePropagator implements TextMapPropagator {

    private static final Logger logger = Logger.getLogger(SessionBaggagePropagator.class.getName());
    private static final ThrottledLogger failures = new ThrottledLogger(logger);

    private final TextMapPropagator baggage;
    private final TracerIdentity identity;
    private final boolean ownSdk;
    private final boolean outsideSessions;

    private SessionBaggagePropagator(
            TextMapPropagator baggage, TracerIdentity identity, boolean ownSdk, boolean outsideSessions) {
        this.baggage = baggage;
        this.identity = identity;
        this.ownSdk = ownSdk;
        this.outsideSessions = outsideSessions;
    }

    /**
     * The propagator of the tracer's own SDK: every context carries a session, the tracer's own where no other
     * applies, as every span the tracer makes is stamped with one.
     */
    public static TextMapPropagator forTracer(TextMapPropagator baggage, TracerIdentity identity) {
        return new SessionBaggagePropagator(baggage, identity, true, true);
    }

    /**
     * Another SDK's baggage propagator (Quarkus's, for one), whose contexts may hold baggage extracted from any caller:
     * outside the sessions HoneyHive opened, the HoneyHive keys are dropped rather than passed on.
     *
     * @param outsideSessions whether a context outside those sessions carries the tracer's own session instead, as
     *     when that SDK's spans outside sessions go to the tracer's own
     */
    public static TextMapPropagator forOtherSdk(
            TextMapPropagator baggage, TracerIdentity identity, boolean outsideSessions) {
        return new SessionBaggagePropagator(baggage, identity, false, outsideSessions);
    }

    @Override
    public Collection<String> fields() {
        return baggage.fields();
    }

    @Override
    public <C> void inject(Context context, @Nullable C carrier, TextMapSetter<C> setter) {
        if (context == null) {
            baggage.inject(context, carrier, setter);
            return;
        }
        Context propagated = context;
        try {
            propagated = propagated(context);
        } catch (RuntimeException e) {
            failures.log(Level.WARNING, "Could not add the HoneyHive session to the propagated baggage", e);
        }
        try {
            baggage.inject(propagated, carrier, setter);
        } catch (RuntimeException e) {
            failures.log(Level.WARNING, "Could not write the baggage of an outgoing call", e);
        }
    }

    @Override
    public <C> Context extract(Context context, @Nullable C carrier, TextMapGetter<C> getter) {
        return baggage.extract(context, carrier, getter);
    }

    @Override
    public String toString() {
        return "SessionBaggagePropagator{" + baggage + "}";
    }

    /**
     * The context whose baggage is written: in a session HoneyHive opened, or for the tracer's own SDK, with the
     * tracer's identity wherever the baggage has no value of its own. Outside sessions, another SDK's context loses
     * the HoneyHive keys it may have taken from an untrusted caller's baggage, so they are not passed on.
     */
    private Context propagated(Context context) {
        if (HoneyHiveBaggage.isSessionOwned(context)) {
            return HoneyHiveBaggage.withIdentity(context, identity);
        }
        Context trusted = ownSdk ? context : ContextCarriers.withoutHoneyHiveBaggage(context);
        return outsideSessions ? HoneyHiveBaggage.withIdentity(trusted, identity) : trusted;
    }
}
