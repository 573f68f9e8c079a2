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

/**
 * Beside {@code quarkus-opentelemetry}: the spans Quarkus's OpenTelemetry SDK makes inside a HoneyHive session (such as
 * quarkus-langchain4j's chat and tool spans) reach HoneyHive too, through a span processor bean of the default tracer.
 */
@BuildSteps(onlyIf = HoneyHiveEnabled.class)
class HoneyHiveOpenTelemetryProcessor {

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
