package ai.honeyhive.tracer.internal.span;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Decides the HoneyHive event type of a span that does not set one, from what instrumentors write: the GenAI
 * semantic conventions, then OpenInference, then the presence of a model name; anything else is a tool.
 */
public final class EventTypeDetector {

    public static final String MODEL = "model";
    public static final String TOOL = "tool";
    public static final String CHAIN = "chain";

    private static final Set<String> GEN_AI_MODEL_OPERATIONS = Set.of("chat", "text_completion", "generate_content");
    private static final Set<String> GEN_AI_CHAIN_OPERATIONS = Set.of("invoke_agent", "create_agent");
    private static final Set<String> OPENINFERENCE_CHAIN_KINDS = Set.of("CHAIN", "AGENT");
    private static final Set<String> OPENINFERENCE_TOOL_KINDS =
            Set.of("TOOL", "RETRIEVER", "EMBEDDING", "RERANKER", "GUARDRAIL");

    private EventTypeDetector() {}

    /** The event type of a span with these attributes: the explicit one if set, else the detected one. */
    public static String eventType(Attributes attributes) {
        String explicit = attributes.get(HoneyHiveAttributes.EVENT_TYPE);
        if (explicit != null && !explicit.isEmpty()) {
            return explicit;
        }
        String byOperation = fromGenAiOperation(attributes.get(HoneyHiveAttributes.GEN_AI_OPERATION_NAME));
        if (byOperation != null) {
            return byOperation;
        }
        String byKind = fromOpenInferenceKind(attributes.get(HoneyHiveAttributes.OPENINFERENCE_SPAN_KIND));
        if (byKind != null) {
            return byKind;
        }
        for (AttributeKey<String> modelKey : HoneyHiveAttributes.MODEL_ATTRIBUTES) {
            if (attributes.get(modelKey) != null) {
                return MODEL;
            }
        }
        return TOOL;
    }

    private static @Nullable String fromGenAiOperation(@Nullable String operation) {
        if (operation == null) {
            return null;
        }
        if (GEN_AI_MODEL_OPERATIONS.contains(operation)) {
            return MODEL;
        }
        if (GEN_AI_CHAIN_OPERATIONS.contains(operation)) {
            return CHAIN;
        }
        return "execute_tool".equals(operation) ? TOOL : null;
    }

    private static @Nullable String fromOpenInferenceKind(@Nullable String kind) {
        if (kind == null) {
            return null;
        }
        String upper = kind.toUpperCase(Locale.ROOT);
        if ("LLM".equals(upper)) {
            return MODEL;
        }
        if (OPENINFERENCE_CHAIN_KINDS.contains(upper)) {
            return CHAIN;
        }
        return OPENINFERENCE_TOOL_KINDS.contains(upper) ? TOOL : null;
    }
}
