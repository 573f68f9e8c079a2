package ai.honeyhive.tracer.internal.session;

import ai.honeyhive.tracer.internal.ThrottledLogger;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.BaggageBuilder;
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
 */
public final class SessionBaggagePropagator implements TextMapPropagator {

    private static final Logger logger = Logger.getLogger(SessionBaggagePropagator.class.getName());
    private static final ThrottledLogger failures = new ThrottledLogger(logger);

    private final TextMapPropagator baggage;
    private final TracerIdentity identity;
    private final boolean outsideSessions;

    private SessionBaggagePropagator(TextMapPropagator baggage, TracerIdentity identity, boolean outsideSessions) {
        this.baggage = baggage;
        this.identity = identity;
        this.outsideSessions = outsideSessions;
    }

    /**
     * The baggage propagator with the tracer's identity filled in.
     *
     * @param baggage the W3C baggage propagator, or one that writes baggage the same way
     * @param outsideSessions whether a context that is in no session HoneyHive opened (a request's, one of
     *     {@code withSession}) carries the tracer's own session too; true for the tracer's own SDK, whose spans are
     *     all in a session, false for another SDK's, whose spans outside sessions are not HoneyHive's
     */
    public static TextMapPropagator wrapping(
            TextMapPropagator baggage, TracerIdentity identity, boolean outsideSessions) {
        return new SessionBaggagePropagator(baggage, identity, outsideSessions);
    }

    @Override
    public Collection<String> fields() {
        return baggage.fields();
    }

    @Override
    public <C> void inject(Context context, @Nullable C carrier, TextMapSetter<C> setter) {
        Context withIdentity = context;
        try {
            if (context != null && (outsideSessions || HoneyHiveBaggage.isSessionOwned(context))) {
                withIdentity = withIdentity(context);
            }
        } catch (RuntimeException e) {
            failures.log(Level.WARNING, "Could not add the HoneyHive session to the propagated baggage", e);
        }
        baggage.inject(withIdentity, carrier, setter);
    }

    @Override
    public <C> Context extract(Context context, @Nullable C carrier, TextMapGetter<C> getter) {
        return baggage.extract(context, carrier, getter);
    }

    @Override
    public String toString() {
        return "SessionBaggagePropagator{" + baggage + "}";
    }

    /** The context with the tracer's identity in its baggage wherever the baggage has no value of its own. */
    private Context withIdentity(Context context) {
        Baggage current = Baggage.fromContext(context);
        BaggageBuilder filled = current.toBuilder();
        boolean changed = putIfAbsent(current, filled, HoneyHiveBaggage.SESSION_ID, identity.sessionId());
        changed |= putIfAbsent(current, filled, HoneyHiveBaggage.PROJECT, identity.project());
        changed |= putIfAbsent(current, filled, HoneyHiveBaggage.SOURCE, identity.source());
        changed |= putIfAbsent(current, filled, HoneyHiveBaggage.RUN_ID, identity.runId());
        changed |= putIfAbsent(current, filled, HoneyHiveBaggage.DATASET_ID, identity.datasetId());
        changed |= putIfAbsent(current, filled, HoneyHiveBaggage.DATAPOINT_ID, identity.datapointId());
        return changed ? context.with(filled.build()) : context;
    }

    private static boolean putIfAbsent(Baggage current, BaggageBuilder filled, String key, @Nullable String value) {
        String present = current.getEntryValue(key);
        if (value == null || (present != null && !present.isEmpty())) {
            return false;
        }
        filled.put(key, value);
        return true;
    }
}
