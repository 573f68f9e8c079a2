package ai.honeyhive.experiments.internal;

import ai.honeyhive.experiments.Datapoint;
import ai.honeyhive.experiments.DatapointResult;
import ai.honeyhive.experiments.Evaluator;
import ai.honeyhive.experiments.ExperimentFunction;
import ai.honeyhive.tracer.Enrichment;
import ai.honeyhive.tracer.EventType;
import ai.honeyhive.tracer.HoneyHiveTracer;
import ai.honeyhive.tracer.SessionOptions;
import ai.honeyhive.tracer.SessionScope;
import ai.honeyhive.tracer.internal.session.HoneyHiveBaggage;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One datapoint run as the wire contract says: its own session (source {@code evaluation}, named after the run, the
 * datapoint's inputs, the evaluation ids as metadata and in baggage, so every span of the session carries them), the
 * function in a root {@code chain} span, then the evaluators inside that span, their results on it alone.
 */
public final class DatapointExecution {

    private final HoneyHiveTracer tracer;
    private final String runId;
    private final String runName;
    private final String datasetId;
    private final String functionName;
    private final ExperimentFunction function;
    private final Map<String, Evaluator> evaluators;

    public DatapointExecution(
            HoneyHiveTracer tracer,
            String runId,
            String runName,
            String datasetId,
            String functionName,
            ExperimentFunction function,
            Map<String, Evaluator> evaluators) {
        this.tracer = tracer;
        this.runId = runId;
        this.runName = runName;
        this.datasetId = datasetId;
        this.functionName = functionName;
        this.function = function;
        this.evaluators = evaluators;
    }

    public DatapointResult run(Datapoint datapoint, String datapointId) {
        Map<String, Object> ids = new LinkedHashMap<>();
        ids.put("run_id", runId);
        ids.put("dataset_id", datasetId);
        ids.put("datapoint_id", datapointId);
        SessionOptions session = SessionOptions.builder()
                .sessionName(runName)
                .source("evaluation")
                .inputs(datapoint.inputs())
                .metadata(ids)
                .build();
        Map<String, Object> metrics = new LinkedHashMap<>();
        Map<String, String> evaluatorErrors = new LinkedHashMap<>();
        Object[] outputs = {null};
        String error = null;
        String sessionId;
        try (SessionScope scope = tracer.withSession(session);
                Scope evaluation = withEvaluationIds(datapointId).makeCurrent()) {
            sessionId = scope.sessionId();
            try {
                tracer.trace(functionName, EventType.CHAIN, () -> {
                    outputs[0] = function.apply(datapoint);
                    tracer.enrichSpan(Enrichment.builder()
                            .inputs(datapoint.inputs())
                            .outputs(asOutputs(outputs[0]))
                            .build());
                    evaluate(datapoint, outputs[0], metrics, evaluatorErrors);
                    return null;
                });
            } catch (Exception e) {
                error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
        }
        return new DatapointResult(
                datapointId,
                sessionId,
                datapoint.inputs(),
                datapoint.groundTruth(),
                outputs[0],
                metrics,
                error,
                evaluatorErrors);
    }

    /** Each evaluator's results on the chain span: {@code honeyhive_metrics.*}; a failure in its metadata. */
    private void evaluate(
            Datapoint datapoint, @Nullable Object outputs, Map<String, Object> metrics, Map<String, String> errors) {
        evaluators.forEach((name, evaluator) -> {
            try {
                Object result = evaluator.evaluate(outputs, datapoint.inputs(), datapoint.groundTruth());
                metrics.putAll(EvaluatorResults.metrics(name, result));
            } catch (Exception | LinkageError e) {
                errors.put(name, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            }
        });
        if (!metrics.isEmpty()) {
            tracer.enrichSpan(Enrichment.builder().metrics(metrics).build());
        }
        if (!errors.isEmpty()) {
            tracer.enrichSpan(Enrichment.builder()
                    .metadata(Map.of("evaluator_errors", errors))
                    .build());
        }
    }

    /** The current context with the evaluation ids in its baggage, which the tracer stamps on every span. */
    private Context withEvaluationIds(String datapointId) {
        Baggage baggage = Baggage.current().toBuilder()
                .put(HoneyHiveBaggage.RUN_ID, runId)
                .put(HoneyHiveBaggage.DATASET_ID, datasetId)
                .put(HoneyHiveBaggage.DATAPOINT_ID, datapointId)
                .build();
        return HoneyHiveBaggage.markSessionOwned(Context.current().with(baggage));
    }

    /** A map output as it is; any other output as {@code {"result": value}}, so that nothing is lost. */
    @SuppressWarnings("unchecked")
    public static Map<String, ?> asOutputs(@Nullable Object outputs) {
        if (outputs instanceof Map<?, ?> map) {
            return (Map<String, ?>) map;
        }
        Map<String, Object> wrapped = new LinkedHashMap<>();
        wrapped.put("result", outputs);
        return wrapped;
    }
}
