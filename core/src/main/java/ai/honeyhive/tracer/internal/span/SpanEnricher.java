package ai.honeyhive.tracer.internal.span;

import ai.honeyhive.tracer.internal.EventFields;
import io.opentelemetry.api.trace.Span;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Adds what a span learns while it runs, flattened with the tracer's limits: enrichment in HoneyHive's namespaces
 * ({@code honeyhive_<namespace>.<path>}), an error reported without an exception, and a {@code @Traced} method's
 * result.
 */
public final class SpanEnricher {

    private static final String RESULT = HoneyHiveAttributes.OUTPUTS + ".result";

    private final AttributeFlattener flattener;

    public SpanEnricher(AttributeFlattener flattener) {
        this.flattener = flattener;
    }

    /** Adds the namespaces that have values, and the error if there is one. */
    public void enrich(Span span, EventFields fields, @Nullable String error) {
        enrich(span, HoneyHiveAttributes.INPUTS, fields.inputs());
        enrich(span, HoneyHiveAttributes.OUTPUTS, fields.outputs());
        enrich(span, HoneyHiveAttributes.METADATA, fields.metadata());
        enrich(span, HoneyHiveAttributes.METRICS, fields.metrics());
        enrich(span, HoneyHiveAttributes.FEEDBACK, fields.feedback());
        enrich(span, HoneyHiveAttributes.CONFIG, fields.config());
        enrich(span, HoneyHiveAttributes.USER_PROPERTIES, fields.userProperties());
        if (error != null) {
            span.setAttribute(HoneyHiveAttributes.ERROR, flattener.truncate(error));
        }
    }

    /** Adds untyped attributes, which HoneyHive files as metadata. */
    public void enrichMetadata(Span span, Map<String, ?> attributes) {
        flattener.flattenOnto(span, HoneyHiveAttributes.METADATA, attributes);
    }

    /** Records a method's return value as {@code honeyhive_outputs.result}, flattened. */
    public void recordResult(Span span, Object result) {
        flattener.flattenOnto(span, RESULT, result);
    }

    private void enrich(Span span, String prefix, Map<String, ?> values) {
        if (!values.isEmpty()) {
            flattener.flattenOnto(span, prefix, values);
        }
    }
}
