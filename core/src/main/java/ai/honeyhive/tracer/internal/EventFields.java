package ai.honeyhive.tracer.internal;

import java.util.Map;

/**
 * What an event carries in HoneyHive's seven namespaces, whatever it is sent as: span attributes
 * ({@code honeyhive_<namespace>.<path>}), a session start or a {@code PUT /events} body. Empty maps mean nothing to
 * send. The maps are unmodifiable copies in the caller's order; their values may be null (skipped when sent).
 *
 * @param inputs what the step or session was given
 * @param outputs what it produced
 * @param metadata anything else worth keeping
 * @param metrics numbers such as scores, token counts, latencies
 * @param feedback user or evaluator feedback
 * @param config the model or prompt configuration used
 * @param userProperties who it ran for
 */
public record EventFields(
        Map<String, ?> inputs,
        Map<String, ?> outputs,
        Map<String, ?> metadata,
        Map<String, ?> metrics,
        Map<String, ?> feedback,
        Map<String, ?> config,
        Map<String, ?> userProperties) {

    /** Only inputs. */
    public static EventFields inputsOnly(Map<String, ?> inputs) {
        return new EventFields(inputs, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
    }

    /** Whether every namespace is empty. */
    public boolean isEmpty() {
        return inputs.isEmpty()
                && outputs.isEmpty()
                && metadata.isEmpty()
                && metrics.isEmpty()
                && feedback.isEmpty()
                && config.isEmpty()
                && userProperties.isEmpty();
    }

    /** Collects the namespaces one setter at a time, for the public builders that offer them. Not thread-safe. */
    public static final class Builder {
        private Map<String, ?> inputs = Map.of();
        private Map<String, ?> outputs = Map.of();
        private Map<String, ?> metadata = Map.of();
        private Map<String, ?> metrics = Map.of();
        private Map<String, ?> feedback = Map.of();
        private Map<String, ?> config = Map.of();
        private Map<String, ?> userProperties = Map.of();

        public void inputs(Map<String, ?> inputs) {
            this.inputs = NullTolerantMaps.copyOf(inputs, "inputs");
        }

        public void outputs(Map<String, ?> outputs) {
            this.outputs = NullTolerantMaps.copyOf(outputs, "outputs");
        }

        public void metadata(Map<String, ?> metadata) {
            this.metadata = NullTolerantMaps.copyOf(metadata, "metadata");
        }

        public void metrics(Map<String, ?> metrics) {
            this.metrics = NullTolerantMaps.copyOf(metrics, "metrics");
        }

        public void feedback(Map<String, ?> feedback) {
            this.feedback = NullTolerantMaps.copyOf(feedback, "feedback");
        }

        public void config(Map<String, ?> config) {
            this.config = NullTolerantMaps.copyOf(config, "config");
        }

        public void userProperties(Map<String, ?> userProperties) {
            this.userProperties = NullTolerantMaps.copyOf(userProperties, "userProperties");
        }

        public EventFields build() {
            return new EventFields(inputs, outputs, metadata, metrics, feedback, config, userProperties);
        }
    }
}
