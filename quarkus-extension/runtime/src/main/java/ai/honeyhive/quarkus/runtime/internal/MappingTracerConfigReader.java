package ai.honeyhive.quarkus.runtime.internal;

import ai.honeyhive.cdi.internal.CdiSettings;
import ai.honeyhive.cdi.internal.TracerConfigReader;
import ai.honeyhive.quarkus.runtime.HoneyHiveRuntimeConfig;
import ai.honeyhive.tracer.HoneyHiveTracer;
import ai.honeyhive.tracer.internal.TracerInternals;
import ai.honeyhive.tracer.internal.config.Settings;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The tracers' settings from the configuration mapping, turned into tracer builders. The mapping already holds what
 * the fallbacks give ({@link TracerKeyFallbacks}: the default tracer's key, then the {@code HH_*} variables), so a
 * builder reads no environment of its own; what the mapping leaves unset takes the tracer's default.
 */
final class MappingTracerConfigReader implements TracerConfigReader {

    private final HoneyHiveRuntimeConfig config;

    MappingTracerConfigReader(HoneyHiveRuntimeConfig config) {
        this.config = config;
    }

    /** The names of the named tracers the configuration has. */
    Set<String> configuredNames() {
        return config.tracers().keySet();
    }

    /** The tracer's settings; those of the default tracer for a name that has no keys of its own. */
    HoneyHiveRuntimeConfig.Tracer tracer(String tracerName) {
        return tracerName.isEmpty() ? config.defaults() : config.tracers().getOrDefault(tracerName, config.defaults());
    }

    @Override
    public boolean enabled(String tracerName) {
        return tracer(tracerName).enabled().orElse(defaultOf(CdiSettings.ENABLED.defaultValue()));
    }

    @Override
    public boolean captureInputs(String tracerName) {
        return tracer(tracerName).capture().inputs().orElse(defaultOf(CdiSettings.CAPTURE_INPUTS.defaultValue()));
    }

    @Override
    public boolean captureOutputs(String tracerName) {
        return tracer(tracerName).capture().outputs().orElse(defaultOf(CdiSettings.CAPTURE_OUTPUTS.defaultValue()));
    }

    @Override
    public HoneyHiveTracer.Builder builder(String tracerName) {
        HoneyHiveRuntimeConfig.Tracer tracer = tracer(tracerName);
        HoneyHiveTracer.Builder builder =
                HoneyHiveTracer.builder().environment(Map.of()).shutdownHook(false);
        tracer.apiKey().ifPresent(builder::apiKey);
        tracer.project().ifPresent(builder::project);
        tracer.source().ifPresent(builder::source);
        tracer.sessionName().ifPresent(builder::sessionName);
        tracer.sessionId().ifPresent(builder::sessionId);
        tracer.serverUrl().ifPresent(builder::serverUrl);
        tracer.otlpEndpoint().ifPresent(builder::otlpEndpoint);
        // The entries as configured: the tracer checks them as it does HH_OTLP_HEADERS, naming the key.
        tracer.otlpHeaders()
                .ifPresent(headers -> TracerInternals.values(builder).set(Settings.OTLP_HEADERS, headers));
        tracer.testMode().ifPresent(builder::testMode);
        tracer.verbose().ifPresent(builder::verbose);
        tracer.disableBatch().ifPresent(builder::disableBatch);
        tracer.disableHttpTracing().ifPresent(builder::disableHttpTracing);
        tracer.localSink().ifPresent(builder::localSink);
        tracer.startSession().ifPresent(builder::startSession);
        tracer.startSessionOnFirstUse().ifPresent(builder::startSessionOnFirstUse);
        tracer.sessionTimeout().ifPresent(builder::sessionTimeout);
        tracer.sessionMaxInFlight().ifPresent(builder::sessionMaxInFlight);
        tracer.serviceName().ifPresent(builder::serviceName);
        tracer.exportTimeout().ifPresent(builder::exportTimeout);
        tracer.shutdownTimeout().ifPresent(builder::shutdownTimeout);
        evaluation(tracer.evaluation(), builder);
        HoneyHiveRuntimeConfig.Batch batch = tracer.batch();
        batch.scheduleDelay().ifPresent(builder::batchScheduleDelay);
        batch.maxQueueSize().ifPresent(builder::batchMaxQueueSize);
        batch.maxQueueMib().ifPresent(builder::batchMaxQueueMib);
        batch.maxExportBatchSize().ifPresent(builder::batchMaxExportBatchSize);
        batch.maxExportsInFlight().ifPresent(builder::batchMaxExportsInFlight);
        batch.exportTimeout().ifPresent(builder::batchExportTimeout);
        HoneyHiveRuntimeConfig.Limits limits = tracer.limits();
        limits.attributeDepth().ifPresent(builder::maxAttributeDepth);
        limits.spanAttributes().ifPresent(builder::maxSpanAttributes);
        limits.attributeValueLength().ifPresent(builder::maxAttributeValueLength);
        tracer.genai().captureContent().ifPresent(builder::genaiCaptureContent);
        // Entries of a map are not keys the fallbacks can find: a named tracer's are merged over the default's here.
        Map<String, String> redact = new TreeMap<>(config.defaults().genai().redact());
        redact.putAll(tracer.genai().redact());
        if (!redact.isEmpty()) {
            builder.genaiRedact(redact);
        }
        return builder;
    }

    private static void evaluation(HoneyHiveRuntimeConfig.Evaluation evaluation, HoneyHiveTracer.Builder builder) {
        evaluation.runId().ifPresent(builder::runId);
        evaluation.datasetId().ifPresent(builder::datasetId);
        evaluation.datapointId().ifPresent(builder::datapointId);
        boolean idSet = evaluation.runId().isPresent()
                || evaluation.datasetId().isPresent()
                || evaluation.datapointId().isPresent();
        if (evaluation.enabled().isPresent()) {
            builder.evaluation(evaluation.enabled().get());
        } else if (idSet) {
            // An evaluation id only means something in evaluation mode, as on the other runtimes.
            builder.evaluation(true);
        }
    }

    private static boolean defaultOf(Boolean value) {
        return Objects.requireNonNull(value);
    }
}
