package ai.honeyhive.quarkus.deployment;

import ai.honeyhive.cdi.HoneyHive;
import ai.honeyhive.cdi.Traced;
import ai.honeyhive.cdi.internal.TracerRegistry;
import ai.honeyhive.quarkus.runtime.internal.ContextStorageRecorder;
import ai.honeyhive.quarkus.runtime.internal.HoneyHiveRecorder;
import ai.honeyhive.quarkus.runtime.internal.QuarkusTracedInterceptor;
import ai.honeyhive.quarkus.runtime.internal.TracerLifecycle;
import ai.honeyhive.tracer.HoneyHiveTracer;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.BeanDiscoveryFinishedBuildItem;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.arc.deployment.ValidationPhaseBuildItem.ValidationErrorBuildItem;
import io.quarkus.arc.processor.BeanInfo;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.LaunchModeBuildItem;
import io.quarkus.deployment.builditem.ShutdownContextBuildItem;
import io.quarkus.runtime.RuntimeValue;
import jakarta.inject.Singleton;
import java.util.HashSet;
import java.util.Set;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.DotName;
import org.jboss.logging.Logger;

/**
 * The HoneyHive tracer and {@code @Traced}: what the CDI extension does at deployment, done at build time. The tracer
 * beans exist whether tracing is built in or not; the interceptor only when it is ({@link HoneyHiveEnabled}).
 */
class HoneyHiveProcessor {

    static final String FEATURE = "honeyhive";

    private static final Logger logger = Logger.getLogger(HoneyHiveProcessor.class);

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    /**
     * The binding and the qualifier live in a jar that is not a bean archive: they go into the bean archive's index,
     * so that ArC knows them even where no application class uses them (a synthetic bean's qualifier).
     */
    @BuildStep
    AdditionalBeanBuildItem annotations() {
        return AdditionalBeanBuildItem.builder()
                .addBeanClasses(Traced.class, HoneyHive.class)
                .build();
    }

    @BuildStep
    AdditionalBeanBuildItem tracerLifecycle() {
        return AdditionalBeanBuildItem.unremovableOf(TracerLifecycle.class);
    }

    /** The {@code @Traced} interceptor; with tracing not built in, none, so {@code @Traced} costs nothing. */
    @BuildStep(onlyIf = HoneyHiveEnabled.class)
    AdditionalBeanBuildItem tracedInterceptor() {
        return AdditionalBeanBuildItem.builder()
                .addBeanClass(QuarkusTracedInterceptor.class)
                .build();
    }

    /** Without quarkus-opentelemetry, the context has to follow requests across Quarkus's threads by our doing. */
    @BuildStep
    @Record(ExecutionTime.STATIC_INIT)
    void contextStorage(Capabilities capabilities, ContextStorageRecorder recorder) {
        if (capabilities.isMissing(Capability.OPENTELEMETRY_TRACER)) {
            recorder.followRequestsAcrossThreads();
        }
    }

    /** The tracer names the code uses; whether each is configured is known only when the application starts. */
    @BuildStep
    TracerNamesBuildItem tracerNames(CombinedIndexBuildItem index) {
        return new TracerNamesBuildItem(TracedUsage.tracerNames(index.getIndex()));
    }

    /**
     * {@code @Traced} on a class no bean is made of is never intercepted: a warning, since it may be deliberate. A
     * step of the validation phase (ArC itself fails the build for {@code @Traced} on a private method); it reports no
     * error of its own.
     */
    @BuildStep
    void warnAboutTracedClassesThatAreNotBeans(
            CombinedIndexBuildItem index,
            BeanDiscoveryFinishedBuildItem beans,
            @SuppressWarnings("unused") BuildProducer<ValidationErrorBuildItem> validation) {
        Set<DotName> beanClasses = new HashSet<>();
        for (BeanInfo bean : beans.beanStream()) {
            if (bean.isClassBean()) {
                beanClasses.add(bean.getBeanClass());
            }
        }
        for (String type : TracedUsage.notBeans(index.getIndex(), beanClasses)) {
            logger.warn(
                    "@Traced on " + type + " has no effect: " + type + " is not a CDI bean, so its methods are never"
                            + " intercepted. Give it a bean-defining annotation such as @ApplicationScoped and inject it, or"
                            + " trace it with HoneyHiveTracer.trace(...) instead.");
        }
    }

    /**
     * Builds the tracers when the application starts (an invalid key, or a tracer name the code uses that is not
     * configured, fails the start naming the key) and makes them injectable: {@code @Inject HoneyHiveTracer} and
     * {@code @Inject @HoneyHive("name") HoneyHiveTracer} for each name the code uses.
     */
    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    TracerRegistryBuildItem tracers(
            HoneyHiveRecorder recorder,
            TracerNamesBuildItem names,
            LaunchModeBuildItem launchMode,
            ShutdownContextBuildItem shutdown,
            HoneyHiveBuildTimeConfig config,
            BuildProducer<SyntheticBeanBuildItem> beans) {
        RuntimeValue<TracerRegistry> registry =
                recorder.startTracers(names.usedNames(), config.enabled(), launchMode.getLaunchMode(), shutdown);
        beans.produce(runtimeBean(TracerRegistry.class)
                .supplier(recorder.registry(registry))
                .done());
        // Singleton, not ApplicationScoped: HoneyHiveTracer is final and cannot be proxied, and it is thread-safe.
        beans.produce(runtimeBean(HoneyHiveTracer.class)
                .supplier(recorder.tracer(registry, ""))
                .done());
        for (String name : names.usedNames().keySet()) {
            beans.produce(runtimeBean(HoneyHiveTracer.class)
                    .addQualifier(AnnotationInstance.builder(HoneyHive.class)
                            .add(AnnotationValue.createStringValue("value", name))
                            .build())
                    .supplier(recorder.tracer(registry, name))
                    .done());
        }
        return new TracerRegistryBuildItem(registry);
    }

    static <T> SyntheticBeanBuildItem.ExtendedBeanConfigurator runtimeBean(Class<T> type) {
        return SyntheticBeanBuildItem.configure(type)
                .scope(Singleton.class)
                .unremovable()
                .setRuntimeInit();
    }
}
