package ai.honeyhive.tracer;

import ai.honeyhive.tracer.internal.EventFields;
import java.util.Map;

/**
 * The namespaces every HoneyHive event can start with (inputs, metadata, user properties), declared once for the
 * builders of {@link SessionOptions}, {@link Enrichment} and {@link SessionEnrichment}. Not public: users see these
 * setters on those builders. Each setter replaces that namespace with a copy of the map; null values are skipped when
 * sent.
 *
 * @param <B> the builder, returned by every setter for chaining
 */
abstract sealed class StartFieldsBuilder<B extends StartFieldsBuilder<B>>
        permits SessionOptions.Builder, EventFieldsBuilder {

    final EventFields.Builder fields = new EventFields.Builder();

    StartFieldsBuilder() {}

    abstract B self();

    /**
     * Sets the inputs: what the step or session was given. On a span, {@code honeyhive_inputs.<path>}; with a
     * session's start, its {@code inputs}; in a session update (which has no inputs field), {@code metadata.inputs}.
     */
    public B inputs(Map<String, ?> inputs) {
        fields.inputs(inputs);
        return self();
    }

    /** Sets the metadata: anything else worth keeping ({@code honeyhive_metadata.<path>} on a span). */
    public B metadata(Map<String, ?> metadata) {
        fields.metadata(metadata);
        return self();
    }

    /**
     * Sets the user properties: who the step or session ran for, such as the user id or plan
     * ({@code honeyhive_user_properties.<path>} on a span).
     */
    public B userProperties(Map<String, ?> userProperties) {
        fields.userProperties(userProperties);
        return self();
    }
}
