package ai.honeyhive.jaxrs.internal;

import ai.honeyhive.cdi.HoneyHive;
import ai.honeyhive.cdi.internal.MicroProfileTracerConfigReader;
import ai.honeyhive.jaxrs.JaxrsSessionSettings;
import ai.honeyhive.jaxrs.RequestSessionCustomizer;
import ai.honeyhive.tracer.HoneyHiveTracer;
import ai.honeyhive.tracer.internal.ThrottledLogger;
import ai.honeyhive.tracer.internal.TracerInternals;
import ai.honeyhive.tracer.internal.span.SpanStarter;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jspecify.annotations.Nullable;

/**
 * What the server filter needs to trace requests: the tracer, its span starter, the session settings, whether tracing
 * is on, and the session customizers. Given by hand, or found in the container: the tracer in CDI, the settings in
 * MicroProfile Config, the customizers as CDI beans, looked up per request.
 */
public final class RequestFilterDependencies {

    private static final Logger logger = Logger.getLogger(RequestFilterDependencies.class.getName());
    private static final ThrottledLogger failures = new ThrottledLogger(logger);

    private final HoneyHiveTracer tracer;
    private final JaxrsSessionSettings settings;
    private final SpanStarter spans;
    private final boolean enabled;
    private final @Nullable List<RequestSessionCustomizer> fixedCustomizers;
    private volatile @Nullable Instance<RequestSessionCustomizer> customizerBeans;

    private RequestFilterDependencies(
            HoneyHiveTracer tracer,
            JaxrsSessionSettings settings,
            @Nullable List<RequestSessionCustomizer> fixedCustomizers,
            boolean enabled) {
        this.tracer = tracer;
        this.settings = settings;
        this.fixedCustomizers = fixedCustomizers;
        this.enabled = enabled;
        this.spans = TracerInternals.spans(tracer);
    }

    /** Given by hand: no CDI or MicroProfile Config needed. */
    public static RequestFilterDependencies given(
            HoneyHiveTracer tracer, JaxrsSessionSettings settings, List<RequestSessionCustomizer> customizers) {
        return new RequestFilterDependencies(tracer, settings, customizers, true);
    }

    /**
     * Found in the container: the settings, and whether the tracer {@code honeyhive.jaxrs.tracer} names (the default
     * one if none) is enabled, from MicroProfile Config; the tracer from the given lookup.
     *
     * @param tracers the tracer of a name ({@code ""} for the default one)
     * @throws RuntimeException if there is no container, no such tracer or an invalid setting
     */
    public static RequestFilterDependencies fromContainer(Function<String, HoneyHiveTracer> tracers) {
        JaxrsSessionSettings settings = JaxrsSessionSettings.fromConfig(ConfigProvider.getConfig());
        String tracerName = settings.tracerName();
        boolean enabled = new MicroProfileTracerConfigReader(ConfigProvider.getConfig()).enabled(tracerName);
        return new RequestFilterDependencies(tracers.apply(tracerName), settings, null, enabled);
    }

    /** The tracer bean of a name ({@code ""} for the default one) in CDI. */
    public static HoneyHiveTracer tracerBean(String tracerName) {
        CDI<Object> cdi = CDI.current();
        return tracerName.isEmpty()
                ? cdi.select(HoneyHiveTracer.class).get()
                : cdi.select(HoneyHiveTracer.class, HoneyHive.Literal.of(tracerName))
                        .get();
    }

    public HoneyHiveTracer tracer() {
        return tracer;
    }

    public JaxrsSessionSettings settings() {
        return settings;
    }

    /** How the tracer starts spans. */
    public SpanStarter spans() {
        return spans;
    }

    /** Whether requests are traced at all. */
    public boolean enabled() {
        return enabled;
    }

    /** The customizers: the given ones, or every {@link RequestSessionCustomizer} bean (fresh dependent instances). */
    public List<RequestSessionCustomizer> customizers() {
        if (fixedCustomizers != null) {
            return fixedCustomizers;
        }
        List<RequestSessionCustomizer> found = new ArrayList<>();
        try {
            // Resolved once; iterating still yields every bean, and fresh instances of dependent ones.
            Instance<RequestSessionCustomizer> lookup = customizerBeans;
            if (lookup == null) {
                lookup = CDI.current().select(RequestSessionCustomizer.class);
                customizerBeans = lookup;
            }
            lookup.forEach(found::add);
        } catch (RuntimeException e) {
            failures.log(Level.WARNING, "Could not look up RequestSessionCustomizer beans", e);
        }
        return found;
    }
}
