package ai.honeyhive.quarkus.deployment;

import ai.honeyhive.quarkus.runtime.internal.HoneyHiveRecorder;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.BuildSteps;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import jakarta.inject.Singleton;
import org.jboss.jandex.DotName;

/**
 * Beside {@code quarkus-opentelemetry}: the spans Quarkus's OpenTelemetry SDK makes inside a HoneyHive session (such as
 * quarkus-langchain4j's chat and tool spans) reach HoneyHive too, through a span processor bean of the default tracer;
 * and Quarkus's baggage propagator carries the session to the services the application calls.
 */
@BuildSteps(onlyIf = HoneyHiveEnabled.class)
class HoneyHiveOpenTelemetryProcessor {

    // Named, not referenced: the types exist only when the application has quarkus-opentelemetry.
    private static final DotName SESSION_BAGGAGE_CUSTOMIZER =
            DotName.createSimple("ai.honeyhive.quarkus.runtime.internal.SessionBaggageCustomizer");
    private static final DotName PROPAGATOR_CUSTOMIZER =
            DotName.createSimple("io.quarkus.opentelemetry.runtime.propagation.TextMapPropagatorCustomizer");

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void sessionBaggage(
            HoneyHiveRecorder recorder,
            TracerRegistryBuildItem tracers,
            HoneyHiveBuildTimeConfig config,
            Capabilities capabilities,
            BuildProducer<SyntheticBeanBuildItem> beans) {
        if (capabilities.isMissing(Capability.OPENTELEMETRY_TRACER)) {
            return;
        }
        // Quarkus's OpenTelemetry SDK passes each propagator it configures through every customizer bean.
        boolean outsideSessions = config.opentelemetrySpans() == HoneyHiveBuildTimeConfig.OpenTelemetrySpans.ALL;
        beans.produce(SyntheticBeanBuildItem.configure(SESSION_BAGGAGE_CUSTOMIZER)
                .addType(PROPAGATOR_CUSTOMIZER)
                .scope(Singleton.class)
                .unremovable()
                .setRuntimeInit()
                .supplier(recorder.sessionBaggageCustomizer(tracers.registry(), outsideSessions))
                .done());
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void sessionSpanProcessor(
            HoneyHiveRecorder recorder,
            TracerRegistryBuildItem tracers,
            HoneyHiveBuildTimeConfig config,
            Capabilities capabilities,
            BuildProducer<SyntheticBeanBuildItem> beans) {
        HoneyHiveBuildTimeConfig.OpenTelemetrySpans spans = config.opentelemetrySpans();
        if (capabilities.isMissing(Capability.OPENTELEMETRY_TRACER)
                || spans == HoneyHiveBuildTimeConfig.OpenTelemetrySpans.NONE) {
            return;
        }
        // Quarkus's OpenTelemetry SDK takes every SpanProcessor bean.
        beans.produce(HoneyHiveProcessor.runtimeBean(SpanProcessor.class)
                .supplier(recorder.openTelemetrySessionSpans(
                        tracers.registry(), spans == HoneyHiveBuildTimeConfig.OpenTelemetrySpans.ALL))
                .done());
    }
}
