package ai.honeyhive.tracer;

import java.util.Map;

/**
 * The namespaces HoneyHive adds to an event once it has run (outputs, metrics, feedback, config), on top of those it
 * starts with, declared once for the builders of {@link Enrichment} and {@link SessionEnrichment}. Not public: users
 * see these setters on those builders.
 *
 * @param <B> the builder, returned by every setter for chaining
 */
abstract sealed class EventFieldsBuilder<B extends EventFieldsBuilder<B>> extends StartFieldsBuilder<B>
        permits Enrichment.Builder, SessionEnrichment.Builder {

    EventFieldsBuilder() {}

    /** Sets the outputs: what the step or session produced ({@code honeyhive_outputs.<path>} on a span). */
    public B outputs(Map<String, ?> outputs) {
        fields.outputs(outputs);
        return self();
    }

    /** Sets the metrics: numbers such as scores, token counts, latencies ({@code honeyhive_metrics.<path>}). */
    public B metrics(Map<String, ?> metrics) {
        fields.metrics(metrics);
        return self();
    }

    /** Sets the feedback: user or evaluator feedback ({@code honeyhive_feedback.<path>}). */
    public B feedback(Map<String, ?> feedback) {
        fields.feedback(feedback);
        return self();
    }

    /** Sets the config: the model or prompt configuration used ({@code honeyhive_config.<path>}). */
    public B config(Map<String, ?> config) {
        fields.config(config);
        return self();
    }
}
