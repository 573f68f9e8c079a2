package ai.honeyhive.quarkus.deployment;

import ai.honeyhive.cdi.HoneyHive;
import ai.honeyhive.cdi.Traced;
import ai.honeyhive.cdi.internal.MicroProfileTracerConfigReader;
import ai.honeyhive.cdi.internal.TracerRegistry;
import ai.honeyhive.quarkus.runtime.HoneyHiveBuildTimeConfig;
import ai.honeyhive.quarkus.runtime.internal.HoneyHiveRecorder;
import ai.honeyhive.quarkus.runtime.internal.QuarkusTracedInterceptor;
import ai.honeyhive.quarkus.runtime.internal.TracerLifecycle;
import ai.honeyhive.tracer.HoneyHiveTracer;
import io.opentelemetry.sdk.trace.SpanProcessor;
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
import io.quarkus.deployment.builditem.AdditionalIndexedClassesBuildItem;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.LaunchModeBuildItem;
import io.quarkus.deployment.builditem.ShutdownContextBuildItem;
import io.quarkus.runtime.RuntimeValue;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.DotName;
import org.jboss.logging.Logger;

/** The HoneyHive tracer and {@code @Traced}: what the CDI extension does at deployment, done at build time. */
class HoneyHiveProcessor {

    static final String FEATURE = "honeyhive";

    private static final Logger logger = Logger.getLogger(HoneyHiveProcessor.class);

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    /** The binding and the qualifier live in a jar that is not a bean archive: index them so ArC knows them. */
    @BuildStep
    AdditionalIndexedClassesBuildItem annotations() {
        return new AdditionalIndexedClassesBuildItem(Traced.class.getName(), HoneyHive.class.getName());
    }

    /** The {@code @Traced} interceptor, unless tracing is disabled at build time: then it costs nothing. */
    @BuildStep
    void interceptor(HoneyHiveBuildTimeConfig config, BuildProducer<AdditionalBeanBuildItem> beans) {
        beans.produce(AdditionalBeanBuildItem.unremovableOf(TracerLifecycle.class));
        if (config.enabled()) {
            beans.produce(AdditionalBeanBuildItem.builder()
                    .addBeanClass(QuarkusTracedInterceptor.class)
                    .build());
        } else {
            logger.debug(
                    "HoneyHive tracing is disabled at build time (honeyhive.enabled=false): no @Traced interceptor");
        }
    }

    /** Without quarkus-opentelemetry, the context has to follow requests across Quarkus's threads by our doing. */
    @BuildStep
    @Record(ExecutionTime.STATIC_INIT)
    void contextStorage(Capabilities capabilities, HoneyHiveRecorder recorder) {
        if (capabilities.isMissing(Capability.OPENTELEMETRY_TRACER)) {
            recorder.followRequestsAcrossThreads();
        }
    }

    @BuildStep
    TracerNamesBuildItem tracerNames(CombinedIndexBuildItem index) {
        return new TracerNamesBuildItem(
                TracedUsage.tracerNames(index.getIndex()),
                new MicroProfileTracerConfigReader(ConfigProvider.getConfig()).namedTracers());
    }

    /**
     * A tracer name used in code must be configured ({@code honeyhive.tracers.<name>.*}): else the build fails,
     * naming where it is used. {@code @Traced} on a class that is not a bean gets a warning.
     */
    @BuildStep
    void validate(
            CombinedIndexBuildItem index,
            TracerNamesBuildItem names,
            BeanDiscoveryFinishedBuildItem beans,
            BuildProducer<ValidationErrorBuildItem> errors) {
        warnAboutTracedClassesThatAreNotBeans(index, beans);
        Set<String> configured = new TreeSet<>(names.configuredNames());
        List<Throwable> problems = new ArrayList<>();
        names.usedNames().forEach((name, places) -> {
            if (!configured.contains(name)) {
                problems.add(new IllegalStateException("No HoneyHive tracer named '" + name + "' is configured, but "
                        + String.join(" and ", places) + " uses it. Configure it with honeyhive.tracers." + name
                        + ".* keys (for example honeyhive.tracers." + name + ".project), or use a configured name: "
                        + configured));
            }
        });
        if (!problems.isEmpty()) {
            errors.produce(new ValidationErrorBuildItem(problems));
        }
    }

    /** {@code @Traced} on a class no bean is made of is never intercepted: a warning, since it may be deliberate. */
    private static void warnAboutTracedClassesThatAreNotBeans(
            CombinedIndexBuildItem index, BeanDiscoveryFinishedBuildItem beans) {
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
     * Builds the tracers when the application starts (an invalid key fails the start, naming the key) and makes
     * them injectable: {@code @Inject HoneyHiveTracer} and {@code @Inject @HoneyHive("name") HoneyHiveTracer}.
     */
    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void tracers(
            HoneyHiveRecorder recorder,
            TracerNamesBuildItem names,
            LaunchModeBuildItem launchMode,
            ShutdownContextBuildItem shutdown,
            HoneyHiveBuildTimeConfig config,
            Capabilities capabilities,
            BuildProducer<SyntheticBeanBuildItem> beans) {
        Set<String> namedTracers = names.allNames();
        RuntimeValue<TracerRegistry> registry =
                recorder.startTracers(namedTracers, config.enabled(), launchMode.getLaunchMode(), shutdown);
        beans.produce(SyntheticBeanBuildItem.configure(TracerRegistry.class)
                .scope(Singleton.class)
                .unremovable()
                .setRuntimeInit()
                .supplier(recorder.registry(registry))
                .done());
        // Singleton, not ApplicationScoped: HoneyHiveTracer is final and cannot be proxied, and it is thread-safe.
        beans.produce(SyntheticBeanBuildItem.configure(HoneyHiveTracer.class)
                .scope(Singleton.class)
                .unremovable()
                .setRuntimeInit()
                .supplier(recorder.tracer(registry, ""))
                .done());
        if (config.enabled()
                && capabilities.isPresent(Capability.OPENTELEMETRY_TRACER)
                && config.opentelemetrySpans() != HoneyHiveBuildTimeConfig.OpenTelemetrySpans.NONE) {
            // Quarkus's OpenTelemetry SDK takes every SpanProcessor bean: spans it makes in a session reach HoneyHive.
            beans.produce(SyntheticBeanBuildItem.configure(SpanProcessor.class)
                    .scope(Singleton.class)
                    .unremovable()
                    .setRuntimeInit()
                    .supplier(recorder.openTelemetrySessionSpans(
                            registry, config.opentelemetrySpans() == HoneyHiveBuildTimeConfig.OpenTelemetrySpans.ALL))
                    .done());
        }
        for (String name : namedTracers) {
            beans.produce(SyntheticBeanBuildItem.configure(HoneyHiveTracer.class)
                    .scope(Singleton.class)
                    .addQualifier(AnnotationInstance.builder(HoneyHive.class)
                            .add(AnnotationValue.createStringValue("value", name))
                            .build())
                    .unremovable()
                    .setRuntimeInit()
                    .supplier(recorder.tracer(registry, name))
                    .done());
        }
    }
}
