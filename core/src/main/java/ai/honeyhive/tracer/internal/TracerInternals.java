package ai.honeyhive.tracer.internal;

import ai.honeyhive.tracer.HoneyHiveTracer;
import ai.honeyhive.tracer.internal.config.SettingValues;
import ai.honeyhive.tracer.internal.session.TracerIdentity;
import ai.honeyhive.tracer.internal.span.SpanEnricher;
import ai.honeyhive.tracer.internal.span.SpanStarter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import org.jspecify.annotations.Nullable;

/**
 * How our other modules reach what the public types of {@code ai.honeyhive.tracer} hold inside, without public API
 * for it: a tracer's span starter and enricher (so that {@code @Traced} and the JAX-RS filters start spans exactly
 * as the plain-Java API does), and the settings behind a tracer's builder (so that configuration readers fill it
 * from the settings table), and a tracer's identity and session baggage for request filters and another SDK's
 * propagators. {@link HoneyHiveTracer} installs the bridge when its class is initialised, as the
 * JDK's {@code SharedSecrets} do.
 */
public final class TracerInternals {

    /** What the public types give access to. */
    public interface Bridge {
        SpanStarter spans(HoneyHiveTracer tracer);

        SpanEnricher enricher(HoneyHiveTracer tracer);

        SettingValues values(HoneyHiveTracer.Builder builder);

        TracerIdentity identity(HoneyHiveTracer tracer);

        TextMapPropagator sessionBaggage(HoneyHiveTracer tracer, TextMapPropagator baggage, boolean outsideSessions);
    }

    private static volatile @Nullable Bridge bridge;

    private TracerInternals() {}

    /**
     * Installs the bridge; only {@link HoneyHiveTracer} calls this, once.
     *
     * @throws IllegalStateException if a bridge is installed already
     */
    public static synchronized void install(Bridge installed) {
        if (bridge != null) {
            throw new IllegalStateException("The tracer's internals are bridged already");
        }
        bridge = installed;
    }

    /** The tracer's span starter. */
    public static SpanStarter spans(HoneyHiveTracer tracer) {
        return bridge().spans(tracer);
    }

    /** The tracer's span enricher. */
    public static SpanEnricher enricher(HoneyHiveTracer tracer) {
        return bridge().enricher(tracer);
    }

    /** The settings a tracer's builder collects, to be filled by a reader of the settings table. */
    public static SettingValues values(HoneyHiveTracer.Builder builder) {
        return bridge().values(builder);
    }

    /** What the tracer stamps on spans, and puts in the baggage of the sessions it opens. */
    public static TracerIdentity identity(HoneyHiveTracer tracer) {
        return bridge().identity(tracer);
    }

    /**
     * Another SDK's baggage propagator, carrying the tracer's project, source and evaluation ids with the sessions
     * HoneyHive opened, and the tracer's own session outside them only if {@code outsideSessions}.
     */
    public static TextMapPropagator sessionBaggage(
            HoneyHiveTracer tracer, TextMapPropagator baggage, boolean outsideSessions) {
        return bridge().sessionBaggage(tracer, baggage, outsideSessions);
    }

    private static Bridge bridge() {
        Bridge installed = bridge;
        if (installed == null) {
            try {
                // Initialising the class installs the bridge.
                Class.forName(HoneyHiveTracer.class.getName(), true, HoneyHiveTracer.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            installed = bridge;
            if (installed == null) {
                throw new IllegalStateException("HoneyHiveTracer did not install its internals bridge");
            }
        }
        return installed;
    }
}
