package ai.honeyhive.tracer.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Jackson set up for user objects that may be hostile: cycles fail fast instead of overflowing the stack, beans
 * without properties are empty objects, a getter that throws costs only its own property (written as
 * {@value #UNREADABLE_MARKER} and the exception's type), and a value that cannot be converted becomes its
 * {@code toString()} (or a placeholder when even that fails). Never throws.
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
            .addModule(new SimpleModule("honeyhive-tolerant-getters").setSerializerModifier(new TolerantGetters()))
            .build();

    private static final Logger logger = Logger.getLogger(SafeJson.class.getName());
    private static final ThrottledLogger conversionLog = new ThrottledLogger(logger);

    /** What a map, collection or array nested deeper than JSON output allows is written as. */
    public static final String TOO_DEEP_MARKER = "[nested too deep]";

    /** How deep JSON written by the tracer may nest; deeper containers become {@link #TOO_DEEP_MARKER}. */
    public static final int MAX_JSON_DEPTH = MAX_NESTING - 1;

    /** What a property whose getter threw is written as, followed by the exception's simple name. */
    public static final String UNREADABLE_MARKER = "[unreadable: ";

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

    /**
     * The value as a tree in which maps, collections, arrays and JSON containers nest at most {@link #MAX_JSON_DEPTH}
     * levels, deeper ones written as {@link #TOO_DEEP_MARKER}, and at most {@code maxNodes} values are converted (a
     * cyclic map with two references to itself would otherwise double at every level). Other objects are converted
     * by Jackson, each on its own, or written as their text when that fails.
     */
    public static JsonNode boundedTree(@Nullable Object value, int maxNodes, int maxStringLength) {
        return new BoundedTree(maxNodes, maxStringLength).node(value, 0);
    }

    private static final class BoundedTree {

        private final int maxStringLength;
        private int nodesLeft;

        BoundedTree(int maxNodes, int maxStringLength) {
            this.nodesLeft = maxNodes;
            this.maxStringLength = maxStringLength;
        }

        JsonNode node(@Nullable Object value, int depth) {
            if (nodesLeft-- <= 0) {
                return TextNode.valueOf(TOO_DEEP_MARKER);
            }
            // Before the container test: every JsonNode is Iterable, a text node too. Bytes are written as Base64.
            if (value instanceof JsonNode leaf && !leaf.isContainerNode()) {
                return leaf;
            }
            if (value == null || !isContainer(value) || value instanceof byte[]) {
                return toTree(value, maxStringLength);
            }
            if (depth >= MAX_JSON_DEPTH) {
                return TextNode.valueOf(TOO_DEEP_MARKER);
            }
            if (value instanceof Map<?, ?> map) {
                ObjectNode object = JsonNodeFactory.instance.objectNode();
                map.forEach((key, child) -> object.set(String.valueOf(key), node(child, depth + 1)));
                return object;
            }
            if (value instanceof ObjectNode source) {
                ObjectNode object = JsonNodeFactory.instance.objectNode();
                source.fields()
                        .forEachRemaining(field -> object.set(field.getKey(), node(field.getValue(), depth + 1)));
                return object;
            }
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            if (value instanceof Iterable<?> iterable) {
                iterable.forEach(child -> array.add(node(child, depth + 1)));
            } else {
                for (int index = 0; index < Array.getLength(value); index++) {
                    array.add(node(Array.get(value, index), depth + 1));
                }
            }
            return array;
        }
    }

    /** Whether the value is a map, an iterable (a JSON container too) or an array: what is walked level by level. */
    public static boolean isContainer(Object value) {
        return value instanceof Map
                || value instanceof Iterable
                || value.getClass().isArray();
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

    /** Writes each bean property through {@link TolerantProperty}. */
    private static final class TolerantGetters extends BeanSerializerModifier {
        private static final long serialVersionUID = 1L;

        @Override
        public List<BeanPropertyWriter> changeProperties(
                SerializationConfig config, BeanDescription description, List<BeanPropertyWriter> properties) {
            List<BeanPropertyWriter> tolerant = new ArrayList<>(properties.size());
            properties.forEach(property -> tolerant.add(new TolerantProperty(property)));
            return tolerant;
        }
    }

    /**
     * A bean property whose getter may throw: Jackson reads the value before it writes the name, so a getter that
     * throws has written nothing yet, and the property is written as a marker instead of failing the whole object.
     */
    private static final class TolerantProperty extends BeanPropertyWriter {
        private static final long serialVersionUID = 1L;

        TolerantProperty(BeanPropertyWriter property) {
            super(property);
        }

        @Override
        public void serializeAsField(Object bean, JsonGenerator generator, SerializerProvider provider)
                throws Exception {
            try {
                super.serializeAsField(bean, generator, provider);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                generator.writeStringField(
                        getName(), UNREADABLE_MARKER + cause.getClass().getSimpleName() + "]");
            }
        }
    }
}
