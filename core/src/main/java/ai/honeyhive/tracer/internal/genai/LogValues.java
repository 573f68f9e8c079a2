package ai.honeyhive.tracer.internal.genai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.api.common.KeyValue;
import io.opentelemetry.api.common.Value;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A log record's body or attribute value ({@link Value}) as JSON, and its JSON's length. */
final class LogValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private LogValues() {}

    static JsonNode toJson(@Nullable Value<?> value) {
        if (value == null) {
            return NODES.nullNode();
        }
        return switch (value.getType()) {
            case STRING -> NODES.textNode((String) value.getValue());
            case BOOLEAN -> NODES.booleanNode((Boolean) value.getValue());
            case LONG -> NODES.numberNode((Long) value.getValue());
            case DOUBLE -> NODES.numberNode((Double) value.getValue());
            case ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                for (Object element : (List<?>) value.getValue()) {
                    array.add(toJson((Value<?>) element));
                }
                yield array;
            }
            case KEY_VALUE_LIST -> {
                ObjectNode object = NODES.objectNode();
                for (Object entry : (List<?>) value.getValue()) {
                    KeyValue keyValue = (KeyValue) entry;
                    object.set(keyValue.getKey(), toJson(keyValue.getValue()));
                }
                yield object;
            }
            default -> NODES.textNode(value.asString());
        };
    }

    /**
     * About the length of the value as JSON (escapes aside), without writing it: the fold measures every record on
     * the application's thread.
     */
    static int jsonLength(@Nullable Value<?> value) {
        if (value == null) {
            return 4;
        }
        return switch (value.getType()) {
            case STRING -> ((String) value.getValue()).length() + 2;
            case ARRAY -> {
                int length = 2;
                for (Object element : (List<?>) value.getValue()) {
                    length += 1 + jsonLength((Value<?>) element);
                }
                yield length;
            }
            case KEY_VALUE_LIST -> {
                int length = 2;
                for (Object entry : (List<?>) value.getValue()) {
                    KeyValue keyValue = (KeyValue) entry;
                    length += keyValue.getKey().length() + 4 + jsonLength(keyValue.getValue());
                }
                yield length;
            }
            case BYTES -> ((java.nio.ByteBuffer) value.getValue()).remaining() * 4 / 3 + 4;
            default -> String.valueOf(value.getValue()).length();
        };
    }
}
