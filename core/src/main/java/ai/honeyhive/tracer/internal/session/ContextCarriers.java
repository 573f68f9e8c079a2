package ai.honeyhive.tracer.internal.session;

import ai.honeyhive.tracer.internal.ThrottledLogger;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.BaggageBuilder;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * W3C trace context and baggage in and out of carriers such as HTTP headers, with the bounds the wire contract sets
 * for input that may come from anyone: an invalid {@code traceparent} is ignored, baggage longer than
 * {@value #MAX_BAGGAGE_LENGTH} characters is ignored and at most {@value #MAX_BAGGAGE_ENTRIES} entries are kept,
 * and, unless the carrier is trusted, HoneyHive's own baggage keys are dropped so that a caller cannot choose the
 * session its request is recorded in. Never throws.
 */
public final class ContextCarriers {

    public static final int MAX_BAGGAGE_ENTRIES = 64;
    public static final int MAX_BAGGAGE_LENGTH = 8 * 1024;
    // A traceparent is 55 characters; later versions may append fields, but nothing legitimate is this long.
    private static final int MAX_TRACEPARENT_LENGTH = 512;
    private static final String TRACEPARENT = "traceparent";

    private static final Logger logger = Logger.getLogger(ContextCarriers.class.getName());
    private static final ThrottledLogger oversized = new ThrottledLogger(logger);
    private static final ThrottledLogger failures = new ThrottledLogger(logger);

    private ContextCarriers() {}

    /**
     * The base context with the carrier's span as parent and the carrier's baggage entries over the base's.
     *
     * @param trusted whether the carrier may set HoneyHive baggage keys (the session, project, source, ...)
     */
    public static <C> Context extract(Context base, C carrier, TextMapGetter<C> getter, boolean trusted) {
        try {
            BoundedGetter<C> bounded = new BoundedGetter<>(getter);
            Context extracted = W3CTraceContextPropagator.getInstance().extract(Context.root(), carrier, bounded);
            Baggage inbound =
                    Baggage.fromContext(W3CBaggagePropagator.getInstance().extract(Context.root(), carrier, bounded));
            Context result = base;
            Span remote = Span.fromContext(extracted);
            if (remote.getSpanContext().isValid()) {
                result = result.with(remote);
            }
            return inbound.isEmpty() ? result : result.with(merge(Baggage.fromContext(base), inbound, trusted));
        } catch (RuntimeException e) {
            failures.log(Level.WARNING, "Ignored the trace context of a carrier that could not be read", e);
            return base;
        }
    }

    /**
     * The context without HoneyHive baggage keys: for a context another library extracted from a request that is
     * not trusted to choose its session, project or source.
     */
    public static Context withoutHoneyHiveBaggage(Context context) {
        Baggage baggage = Baggage.fromContext(context);
        if (!hasHoneyHiveKeys(baggage)) {
            return context;
        }
        BaggageBuilder kept = baggage.toBuilder();
        HoneyHiveBaggage.ALL.forEach(kept::remove);
        return context.with(kept.build());
    }

    private static Baggage merge(Baggage base, Baggage inbound, boolean trusted) {
        if (base.isEmpty() && inbound.size() <= MAX_BAGGAGE_ENTRIES && (trusted || !hasHoneyHiveKeys(inbound))) {
            // The usual case (a request's baggage over an empty context): nothing to drop, nothing to rebuild.
            return inbound;
        }
        BaggageBuilder merged = base.toBuilder();
        int[] kept = {0};
        inbound.forEach((key, entry) -> {
            if (kept[0] >= MAX_BAGGAGE_ENTRIES || (!trusted && HoneyHiveBaggage.ALL.contains(key))) {
                return;
            }
            kept[0]++;
            merged.put(key, entry.getValue(), entry.getMetadata());
        });
        if (inbound.size() > kept[0]) {
            logger.fine(() -> "Kept " + kept[0] + " of " + inbound.size() + " inbound baggage entries");
        }
        return merged.build();
    }

    private static boolean hasHoneyHiveKeys(Baggage baggage) {
        for (String key : HoneyHiveBaggage.ALL) {
            if (baggage.getEntryValue(key) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads the carrier for the propagators, withholding values too long to be legitimate: the header is ignored,
     * not cut, as the W3C specifications ask of malformed input.
     */
    private static final class BoundedGetter<C> implements TextMapGetter<C> {
        private final TextMapGetter<C> carrierGetter;

        BoundedGetter(TextMapGetter<C> carrierGetter) {
            this.carrierGetter = carrierGetter;
        }

        @Override
        public Iterable<String> keys(C carrier) {
            return carrierGetter.keys(carrier);
        }

        @Override
        public @Nullable String get(@Nullable C carrier, String key) {
            String value = carrierGetter.get(carrier, key);
            if (value == null) {
                return null;
            }
            int maxLength = key.equals(TRACEPARENT) ? MAX_TRACEPARENT_LENGTH : MAX_BAGGAGE_LENGTH;
            if (value.length() > maxLength) {
                oversized.log(
                        Level.WARNING,
                        "Ignored a " + key + " of " + value.length() + " characters; at most " + maxLength
                                + " are read");
                return null;
            }
            return value;
        }
    }
}
