package ai.honeyhive.tracer.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Jackson set up for user objects that may be hostile: cycles fail fast instead of overflowing the stack, beans
 * without properties are empty objects, and a value that cannot be converted becomes its {@code toString()} (or a
 * placeholder when even that fails). Never throws.
 */
public final class SafeJson {

    // Far below Jackson's default of 1000, so that a cyclic POJO fails fast instead of overflowing the stack.
    private static final int MAX_NESTING = 64;
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamWriteConstraints(StreamWriteConstraints.builder()
                            .maxNestingDepth(MAX_NESTING)
                            .build())
                    .build())
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(SerializationFeature.FAIL_ON_SELF_REFERENCES)
            .build();

    private static final Logger logger = Logger.getLogger(SafeJson.class.getName());
    private static final ThrottledLogger conversionLog = new ThrottledLogger(logger);

    private SafeJson() {}

    /** The shared mapper; configure nothing on it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The value as a JSON tree, or as its text when Jackson cannot convert it. */
    public static JsonNode toTree(@Nullable Object value, int maxStringLength) {
        // The common scalars directly: valueToTree runs a whole serializer for each, which costs microseconds.
        if (value instanceof String text) {
            return TextNode.valueOf(text);
        }
        if (value instanceof Integer number) {
            return JsonNodeFactory.instance.numberNode(number);
        }
        if (value instanceof Long number) {
            return JsonNodeFactory.instance.numberNode(number);
        }
        if (value instanceof Boolean bool) {
            return JsonNodeFactory.instance.booleanNode(bool);
        }
        if (value instanceof Double number) {
            return JsonNodeFactory.instance.numberNode(number);
        }
        try {
            return MAPPER.valueToTree(value);
        } catch (RuntimeException | StackOverflowError e) {
            return TextNode.valueOf(safeToString(value, maxStringLength));
        }
    }

    /** A JSON object with one member per entry, each converted on its own so that one bad value spoils nothing else. */
    public static ObjectNode objectOf(Map<String, ?> entries, int maxStringLength) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        entries.forEach((key, value) -> {
            if (value != null) {
                object.set(key, toTree(value, maxStringLength));
            }
        });
        return object;
    }

    /** {@code toString()} cut to the length, or {@code <unconvertible Type>} when it throws. */
    public static String safeToString(@Nullable Object value, int maxLength) {
        if (value == null) {
            return "null";
        }
        try {
            String text = String.valueOf(value.toString());
            return text.length() <= maxLength ? text : text.substring(0, maxLength);
        } catch (RuntimeException | StackOverflowError e) {
            conversionLog.log(
                    Level.WARNING,
                    "A value of type " + value.getClass().getName() + " could not be converted, not even by toString()",
                    e);
            return "<unconvertible " + value.getClass().getName() + ">";
        }
    }
}
