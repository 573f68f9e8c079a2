package ai.honeyhive.cdi.internal;

import ai.honeyhive.cdi.HoneyHive;
import ai.honeyhive.cdi.Traced;
import ai.honeyhive.tracer.HoneyHiveTracer;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.inject.Singleton;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * The portable extension that makes adding the jar enough: it registers the {@code @Traced} interceptor, adds a
 * {@link HoneyHiveTracer} bean for the default tracer and one per named tracer, builds them from MicroProfile Config
 * while the deployment is validated (reporting invalid configuration as deployment problems), and flushes and closes
 * them when the container shuts down.
 */
public class HoneyHiveCdiExtension implements Extension {

    private static final Logger logger = Logger.getLogger(HoneyHiveCdiExtension.class.getName());

    // Tracer names used in code, with where they are used, to report names that are not configured.
    private final Map<String, Set<String>> namesInUse = new ConcurrentHashMap<>();
    private volatile @Nullable TracerRegistry registry;
    private volatile Set<String> configuredNames = Set.of();

    void registerInterceptor(@Observes BeforeBeanDiscovery discovery, BeanManager beanManager) {
        if (!tracingEnabled()) {
            // With honeyhive.enabled=false, @Traced methods are not intercepted at all: they cost nothing.
            logger.fine("HoneyHive tracing is disabled (honeyhive.enabled=false): @Traced methods are not intercepted");
            return;
        }
        discovery.addAnnotatedType(
                beanManager.createAnnotatedType(TracedInterceptor.class), TracedInterceptor.class.getName());
    }

    private static boolean tracingEnabled() {
        try {
            return new MicroProfileTracerConfigReader(ApplicationConfig.get()).anyTracerEnabled();
        } catch (RuntimeException e) {
            // An invalid value is reported, naming the key, when the tracers are built; intercept until then.
            return true;
        }
    }

    <T> void collectTracerNamesOfTraced(@Observes @WithAnnotations(Traced.class) ProcessAnnotatedType<T> event) {
        AnnotatedType<T> type = event.getAnnotatedType();
        Traced onClass = type.getAnnotation(Traced.class);
        if (onClass != null) {
            use(onClass.tracer(), "@Traced on " + type.getJavaClass().getName());
        }
        for (AnnotatedMethod<? super T> method : type.getMethods()) {
            Traced onMethod = method.getAnnotation(Traced.class);
            if (onMethod != null) {
                use(
                        onMethod.tracer(),
                        "@Traced on " + type.getJavaClass().getName() + "."
                                + method.getJavaMember().getName());
            }
        }
    }

    void collectTracerNamesOfInjectionPoints(@Observes ProcessInjectionPoint<?, ?> event) {
        for (Annotation qualifier : event.getInjectionPoint().getQualifiers()) {
            if (qualifier instanceof HoneyHive named) {
                use(named.value(), "@HoneyHive(\"" + named.value() + "\") at " + event.getInjectionPoint());
            }
        }
    }

    void addTracerBeans(@Observes AfterBeanDiscovery discovery) {
        MicroProfileTracerConfigReader reader = new MicroProfileTracerConfigReader(ApplicationConfig.get());
        TracerRegistry tracers = new TracerRegistry(reader);
        registry = tracers;
        configuredNames = reader.namedTracers();
        // Singleton, not ApplicationScoped: HoneyHiveTracer is final and cannot be proxied, and it is thread-safe.
        discovery
                .addBean()
                .beanClass(HoneyHiveTracer.class)
                .types(HoneyHiveTracer.class, Object.class)
                .qualifiers(Default.Literal.INSTANCE, Any.Literal.INSTANCE)
                .scope(Singleton.class)
                .createWith(context -> tracers.tracer(""));
        for (String name : configuredNames) {
            discovery
                    .addBean()
                    .beanClass(HoneyHiveTracer.class)
                    .types(HoneyHiveTracer.class, Object.class)
                    .qualifiers(HoneyHive.Literal.of(name), Any.Literal.INSTANCE)
                    .scope(Singleton.class)
                    .createWith(context -> tracers.tracer(name));
        }
    }

    void validate(@Observes AfterDeploymentValidation validation) {
        namesInUse.forEach((name, places) -> {
            if (!configuredNames.contains(name)) {
                validation.addDeploymentProblem(new DeploymentException("No HoneyHive tracer named '" + name
                        + "' is configured, but " + String.join(" and ", places) + " uses it. Configure it with"
                        + " honeyhive.tracers." + name + ".* keys (for example honeyhive.tracers." + name
                        + ".project), or use a configured name: " + configuredNames));
            }
        });
        TracerRegistry tracers = registry;
        if (tracers == null) {
            return;
        }
        Set<String> names = new TreeSet<>(configuredNames);
        names.add("");
        List<String> problems = tracers.start(names);
        for (String problem : problems) {
            validation.addDeploymentProblem(new DeploymentException(problem));
        }
        if (!problems.isEmpty()) {
            // The deployment fails, so no shutdown event will come: release the tracers that did start.
            tracers.closeAll();
        }
    }

    void closeTracers(@Observes BeforeShutdown shutdown) {
        TracerRegistry tracers = registry;
        if (tracers != null) {
            tracers.closeAll();
        }
    }

    /** The container's tracers, once beans are discovered. */
    public @Nullable TracerRegistry registry() {
        return registry;
    }

    private void use(String name, String where) {
        if (!name.isEmpty()) {
            namesInUse
                    .computeIfAbsent(name, key -> new java.util.concurrent.ConcurrentSkipListSet<>())
                    .add(where);
        }
    }

    @Override
    public String toString() {
        return "HoneyHiveCdiExtension" + new TreeMap<>(namesInUse).keySet();
    }
}
