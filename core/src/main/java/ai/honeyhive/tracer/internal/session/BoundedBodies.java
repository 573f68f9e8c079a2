package ai.honeyhive.tracer.internal.session;

import ai.honeyhive.tracer.internal.SafeJson;
import ai.honeyhive.tracer.internal.ThrottledLogger;
import ai.honeyhive.tracer.internal.span.AttributeFlattener;
import ai.honeyhive.tracer.internal.span.FlattenLimits;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * The values of a session call's body as JSON within the span limits, so that a session start or update is bounded as
 * a span is: strings cut at the value length with {@value AttributeFlattener#TRUNCATION_MARKER}, values nested deeper
 * than the depth limit written as one JSON string (cut the same way), and at most the attribute budget of values in
 * one field, the rest dropped and counted in a log line. Maps and lists are walked only as far as the budget goes, so
 * a huge one costs the caller's thread no more than a small one. Each entry is converted on its own: a map with a null
 * key or an entry that cannot be read keeps its other entries. Never throws.
 */
final class BoundedBodies {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Logger logger = Logger.getLogger(BoundedBodies.class.getName());
    private static final ThrottledLogger budgetLog = new ThrottledLogger(logger);
    private static final ThrottledLogger conversionLog = new ThrottledLogger(logger);

    private final FlattenLimits limits;
    private final AttributeFlattener flattener;

    BoundedBodies(FlattenLimits limits) {
        this.limits = limits;
        this.flattener = new AttributeFlattener(limits);
    }

    /** A JSON object with one member per entry that has a value, within the limits. */
    ObjectNode objectOf(String field, Map<String, ?> entries) {
        Walk walk = new Walk();
        ObjectNode object = NODES.objectNode();
        try {
            walk.entries(object, entries, 0);
        } catch (RuntimeException e) {
            // A map that throws, or changes while it is read: what was read is kept.
            conversionLog.log(Level.WARNING, "Part of a session's " + field + " could not be read", e);
        }
        if (walk.dropped > 0) {
            budgetLog.log(
                    Level.WARNING,
                    "Dropped " + walk.dropped + " values of a session's " + field + ": more than "
                            + limits.maxAttributes() + " in one field");
        }
        return object;
    }

    /** One conversion, with its share of the budget. */
    private final class Walk {
        private int budget = limits.maxAttributes();
        private long dropped;

        void entries(ObjectNode object, Map<?, ?> entries, int depth) {
            Iterator<? extends Map.Entry<?, ?>> iterator = entries.entrySet().iterator();
            int seen = 0;
            while (iterator.hasNext()) {
                if (budget <= 0) {
                    dropped += entries.size() - seen;
                    return;
                }
                Map.Entry<?, ?> entry = iterator.next();
                seen++;
                if (entry.getValue() != null) {
                    JsonNode value = value(entry.getValue(), depth + 1);
                    if (value != null) {
                        object.set(String.valueOf(entry.getKey()), value);
                    }
                }
            }
        }

        void elements(ArrayNode array, Iterator<?> elements, int size, int depth) {
            int seen = 0;
            while (elements.hasNext()) {
                if (budget <= 0) {
                    dropped += size < 0 ? 1 : size - seen;
                    return;
                }
                Object element = elements.next();
                seen++;
                JsonNode value = element == null ? NODES.nullNode() : value(element, depth + 1);
                array.add(value == null ? NODES.nullNode() : value);
            }
        }

        /** The value as JSON, or null if it could not be converted at all. */
        @Nullable
        JsonNode value(Object value, int depth) {
            try {
                if (value instanceof Map<?, ?> map) {
                    if (depth > limits.maxDepth()) {
                        return deep(value);
                    }
                    ObjectNode object = NODES.objectNode();
                    entries(object, map, depth);
                    return object;
                }
                if (value instanceof Collection<?> collection) {
                    return depth > limits.maxDepth()
                            ? deep(value)
                            : array(collection.iterator(), collection.size(), depth);
                }
                if (value instanceof Iterable<?> iterable) {
                    return depth > limits.maxDepth() ? deep(value) : array(iterable.iterator(), -1, depth);
                }
                if (value.getClass().isArray() && !(value instanceof byte[])) {
                    return depth > limits.maxDepth()
                            ? deep(value)
                            : array(arrayIterator(value), Array.getLength(value), depth);
                }
                JsonNode tree = SafeJson.toTree(value, limits.maxStringLength());
                return tree.isContainerNode() ? bounded(tree, depth) : scalar(tree);
            } catch (RuntimeException | StackOverflowError e) {
                conversionLog.log(
                        Level.WARNING, "A value of type " + value.getClass().getName() + " could not be converted", e);
                return null;
            }
        }

        private JsonNode array(Iterator<?> elements, int size, int depth) {
            ArrayNode array = NODES.arrayNode();
            elements(array, elements, size, depth);
            return array;
        }

        /** A tree Jackson made of a record or POJO, held to the same limits. */
        private JsonNode bounded(JsonNode tree, int depth) {
            if (depth > limits.maxDepth()) {
                return deep(tree);
            }
            if (tree.isObject()) {
                ObjectNode object = NODES.objectNode();
                var fields = tree.fields();
                int seen = 0;
                while (fields.hasNext()) {
                    if (budget <= 0) {
                        dropped += tree.size() - seen;
                        break;
                    }
                    Map.Entry<String, JsonNode> field = fields.next();
                    seen++;
                    object.set(field.getKey(), bounded(field.getValue(), depth + 1));
                }
                return object;
            }
            if (tree.isArray()) {
                ArrayNode array = NODES.arrayNode();
                for (int i = 0; i < tree.size(); i++) {
                    if (budget <= 0) {
                        dropped += tree.size() - i;
                        break;
                    }
                    array.add(bounded(tree.get(i), depth + 1));
                }
                return array;
            }
            return scalar(tree);
        }

        private JsonNode scalar(JsonNode node) {
            budget--;
            if (node.isTextual()) {
                return NODES.textNode(AttributeFlattener.truncate(node.textValue(), limits.maxStringLength()));
            }
            return node;
        }

        /** A value nested past the depth limit: one JSON string, cut at the value length. */
        private JsonNode deep(Object value) {
            budget--;
            return NODES.textNode(flattener.json(value));
        }
    }

    private static Iterator<Object> arrayIterator(Object array) {
        int length = Array.getLength(array);
        return new Iterator<>() {
            private int index;

            @Override
            public boolean hasNext() {
                return index < length;
            }

            @Override
            public Object next() {
                return Array.get(array, index++);
            }
        };
    }
}
