package ai.honeyhive.tracer.internal.genai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.opentelemetry.api.common.Attributes;

/**
 * A model span's gen_ai log records, read: the keys of its {@code gen_ai.client.inference.operation.details} records
 * (GenAI 1.37's JSON, as a producer writes them on a span), and its per-message records as HoneyHive's chat messages,
 * the prompt and the choices. They stay parsed: the export reads them once, for HoneyHive's keys.
 */
record FoldedChat(Attributes details, ArrayNode prompt, ArrayNode completion) {

    /** A span with no records folded into it; its arrays are only read. */
    static final FoldedChat NONE = new FoldedChat(
            Attributes.empty(), JsonNodeFactory.instance.arrayNode(), JsonNodeFactory.instance.arrayNode());
}
