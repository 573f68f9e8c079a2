package ai.honeyhive.tracer.internal.span;

import ai.honeyhive.tracer.internal.SafeJson;
import ai.honeyhive.tracer.internal.ThrottledLogger;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import java.io.IOException;
import java.io.Writer;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Turns maps, lists, arrays, records and POJOs into span attributes named {@code prefix.key.sub}, as the wire
 * contract says: maps recurse with {@code .key}, lists with {@code .index}, nulls and empty containers write
 * nothing, strings, booleans and numbers stay native, records and POJOs go through Jackson first, and anything that
 * cannot be converted becomes its {@code toString()}.
 *
 * <p>Bounded by {@link FlattenLimits}: deeper values become one JSON string, attributes beyond the budget are
 * dropped, long strings are cut with {@value #TRUNCATION_MARKER}, cycles are written as {@value #CYCLE_MARKER}. It
 * never throws: a value it cannot handle is logged (throttled) and dropped. Thread-safe.
 *
 * <p>Over 400 lines because the walk, its fast path for flat maps and the conversion of single values share the
 * limits, the attribute budget and the cycle check of one flattening; split apart, each would need the others' state.
 */
public final class AttributeFlattener {

    public static final String TRUNCATION_MARKER = "...[truncated]";
    public static final String CYCLE_MARKER = "[circular reference]";

    private static final Logger logger = Logger.getLogger(AttributeFlattener.class.getName());
    private static final ThrottledLogger budgetLog = new ThrottledLogger(logger);
    private static final ThrottledLogger conversionLog = new ThrottledLogger(logger);

    private final FlattenLimits limits;
    private final ObjectMapper mapper;
    private final AttributeNames names = new AttributeNames();

    public AttributeFlattener(FlattenLimits limits) {
        this.limits = limits;
        this.mapper = SafeJson.mapper();
    }

    /** Flattens a value below a prefix ({@code ""} for none) into new attributes. */
    public Attributes flatten(String prefix, @Nullable Object value) {
        AttributesBuilder out = Attributes.builder();
        flattenInto(out, prefix, value);
        return out.build();
    }

    /**
     * Flattens a value below a prefix straight onto a span: no intermediate attributes to build and sort, which is
     * what enriching a span costs most.
     */
    public void flattenOnto(Span span, String prefix, @Nullable Object value) {
        if (!prefix.isEmpty()) {
            try {
                if (putFlat(span, prefix, value)) {
                    return;
                }
            } catch (RuntimeException e) {
                // A map that throws, or changes while it is read: as in a walk, only this value is lost.
                conversionLog.log(Level.WARNING, "Dropped part of " + prefix + ": the value could not be flattened", e);
                return;
            }
        }
        walk(new Walk(limits.maxDepth(), (key, scalar) -> putOnSpan(span, key, scalar)), prefix, value);
    }

    /** Flattens each entry of a map below a prefix ({@code ""} for none) into new attributes. */
    public Attributes flattenEntries(String prefix, Map<String, ?> entries) {
        AttributesBuilder out = Attributes.builder();
        flattenInto(out, prefix, entries);
        return out.build();
    }

    /** Flattens a value below a prefix into the builder, and returns how many attributes were written. */
    public int flattenInto(AttributesBuilder out, String prefix, @Nullable Object value) {
        return walk(new Walk(limits.maxDepth(), (key, scalar) -> putInBuilder(out, key, scalar)), prefix, value);
    }

    private int walk(Walk walk, String prefix, @Nullable Object value) {
        try {
            walk.value(prefix, value, 0);
        } catch (RuntimeException | StackOverflowError e) {
            // A broken user object must cost the caller nothing but this attribute.
            conversionLog.log(Level.WARNING, "Dropped part of " + prefix + ": the value could not be flattened", e);
        }
        if (walk.dropped > 0) {
            budgetLog.log(
                    Level.WARNING,
                    "Dropped " + walk.dropped + " attributes of " + prefix + ": more than " + limits.maxAttributes()
                            + " in one value");
        }
        return walk.written;
    }

    /**
     * The value as one attribute value: strings, booleans and numbers natively, anything else as one JSON string.
     * Used for captured method arguments, where one argument is one attribute.
     */
    public Object scalarOrJson(@Nullable Object value) {
        Object scalar = scalar(value);
        return scalar != null ? scalar : json(value);
    }

    /**
     * The value as JSON text, cut at the string limit; never throws. Containers nested deeper than JSON output allows
     * are cut there with {@link SafeJson#TOO_DEEP_MARKER}, so the levels above them are kept.
     */
    public String json(@Nullable Object value) {
        try {
            return write(value);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            if (!nestedTooDeep(e)) {
                return safeToString(value);
            }
        }
        try {
            // At most one value per character written: the text is cut there anyway.
            return write(SafeJson.boundedTree(value, limits.maxStringLength(), limits.maxStringLength()));
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return safeToString(value);
        }
    }

    // Jackson wraps the nesting limit's exception in one that names the path to it.
    private static boolean nestedTooDeep(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 16; cause = cause.getCause(), depth++) {
            if (cause instanceof StreamConstraintsException) {
                return true;
            }
        }
        return false;
    }

    /** The value as JSON text, cut at the string limit with the marker; throws what Jackson throws otherwise. */
    private String write(@Nullable Object value) throws IOException {
        BoundedWriter writer = new BoundedWriter(limits.maxStringLength() - TRUNCATION_MARKER.length());
        try {
            mapper.writeValue(writer, value);
            return writer.toString();
        } catch (IOException | RuntimeException | StackOverflowError e) {
            if (writer.overflowed) {
                return writer + TRUNCATION_MARKER;
            }
            throw e;
        }
    }

    /** Cuts a string at the limit with the marker, without splitting a surrogate pair. */
    public String truncate(String value) {
        return truncate(value, limits.maxStringLength());
    }

    /** Cuts a string at {@code max} characters with the marker, without splitting a surrogate pair. */
    public static String truncate(String value, int max) {
        if (value.length() <= max) {
            return value;
        }
        int cut = max - TRUNCATION_MARKER.length();
        if (Character.isHighSurrogate(value.charAt(cut - 1))) {
            cut--;
        }
        return value.substring(0, cut) + TRUNCATION_MARKER;
    }

    private String safeToString(@Nullable Object value) {
        return truncate(SafeJson.safeToString(value, limits.maxStringLength() + 1));
    }

    /** The value as a native attribute value (String, Boolean, Long, Double), or null if it is not a scalar. */
    private @Nullable Object scalar(@Nullable Object value) {
        if (value instanceof String string) {
            return truncate(string);
        }
        if (value instanceof Boolean) {
            return value;
        }
        if (value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte
                || value instanceof AtomicInteger
                || value instanceof AtomicLong) {
            return ((Number) value).longValue();
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof BigInteger big) {
            return big.bitLength() < Long.SIZE ? (Object) big.longValue() : big.toString();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof CharSequence
                || value instanceof Character
                || value instanceof UUID
                || value instanceof URI
                || value instanceof URL
                || value instanceof Path
                || value instanceof TemporalAccessor
                || value instanceof TemporalAmount) {
            // JDK value types whose toString() is their canonical text form.
            return truncate(value.toString());
        }
        return null;
    }

    /** Where a walk writes each scalar it finds. */
    @FunctionalInterface
    private interface Output {
        void put(String key, Object scalar);
    }

    private static void putInBuilder(AttributesBuilder out, String key, Object value) {
        if (value instanceof String string) {
            out.put(key, string);
        } else if (value instanceof Boolean bool) {
            out.put(key, bool);
        } else if (value instanceof Long number) {
            out.put(key, number);
        } else if (value instanceof Double number) {
            out.put(key, number);
        } else {
            out.put(key, value.toString());
        }
    }

    private static void putOnSpan(Span span, String key, Object value) {
        if (value instanceof String string) {
            span.setAttribute(key, string);
        } else if (value instanceof Boolean bool) {
            span.setAttribute(key, bool);
        } else if (value instanceof Long number) {
            span.setAttribute(key, number);
        } else if (value instanceof Double number) {
            span.setAttribute(key, number);
        } else {
            span.setAttribute(key, value.toString());
        }
    }

    /** One flattening pass: the output, the budget and the containers on the current path. */
    private final class Walk {
        private final Output out;
        // The containers from the root to here, for cycle detection: at most maxDepth deep, so a scan is cheap.
        private final Object[] path;
        private int pathLength;
        private int written;
        private int dropped;

        Walk(int maxDepth, Output out) {
            this.path = new Object[maxDepth + 1];
            this.out = out;
        }

        private boolean onPath(Object container) {
            for (int i = 0; i < pathLength; i++) {
                if (path[i] == container) {
                    return true;
                }
            }
            return false;
        }

        void value(String key, @Nullable Object value, int depth) {
            if (value == null) {
                return;
            }
            Object scalar = scalar(value);
            if (scalar != null) {
                put(key, scalar);
            } else if (value instanceof Optional<?> optional) {
                value(key, optional.orElse(null), depth);
            } else if (value instanceof JsonNode node) {
                node(key, node, depth);
            } else if (SafeJson.isContainer(value)) {
                container(key, value, depth);
            } else {
                pojo(key, value, depth);
            }
        }

        private void container(String key, Object container, int depth) {
            if (depth >= limits.maxDepth()) {
                put(key, json(container));
                return;
            }
            if (onPath(container)) {
                put(key, CYCLE_MARKER);
                return;
            }
            // depth < maxDepth here, and each level adds one container: the path never outgrows its array.
            path[pathLength++] = container;
            try {
                AttributeNames.Under children = names.under(key);
                if (container instanceof Map<?, ?> map) {
                    for (Map.Entry<?, ?> entry : map.entrySet()) {
                        if (budgetSpent()) {
                            break;
                        }
                        value(children.child(String.valueOf(entry.getKey())), entry.getValue(), depth + 1);
                    }
                } else if (container instanceof Iterable<?> iterable) {
                    int index = 0;
                    for (Iterator<?> it = iterable.iterator(); it.hasNext(); index++) {
                        if (budgetSpent()) {
                            break;
                        }
                        value(children.child(Integer.toString(index)), it.next(), depth + 1);
                    }
                } else {
                    int length = Array.getLength(container);
                    for (int index = 0; index < length; index++) {
                        if (budgetSpent()) {
                            break;
                        }
                        value(children.child(Integer.toString(index)), Array.get(container, index), depth + 1);
                    }
                }
            } finally {
                path[--pathLength] = null;
            }
        }

        private void pojo(String key, Object value, int depth) {
            JsonNode node;
            try {
                node = mapper.valueToTree(value);
            } catch (RuntimeException | StackOverflowError e) {
                put(key, safeToString(value));
                return;
            }
            node(key, node, depth);
        }

        private void node(String key, JsonNode node, int depth) {
            if (node.isNull() || node.isMissingNode()) {
                return;
            }
            if (node.isTextual()) {
                put(key, truncate(node.textValue()));
            } else if (node.isBoolean()) {
                put(key, node.booleanValue());
            } else if (node.isIntegralNumber() && node.canConvertToLong()) {
                put(key, node.longValue());
            } else if (node.isNumber()) {
                put(key, node.doubleValue());
            } else if (node.isContainerNode()) {
                if (depth >= limits.maxDepth()) {
                    put(key, truncate(node.toString()));
                    return;
                }
                if (node.isObject()) {
                    node.properties().forEach(entry -> node(child(key, entry.getKey()), entry.getValue(), depth + 1));
                } else {
                    for (int index = 0; index < node.size(); index++) {
                        node(child(key, Integer.toString(index)), node.get(index), depth + 1);
                    }
                }
            } else {
                put(key, truncate(node.asText()));
            }
        }

        /** Once the budget is spent, the rest of a value is not walked at all: it could be huge, or endless. */
        private boolean budgetSpent() {
            if (written >= limits.maxAttributes()) {
                dropped++;
                return true;
            }
            return false;
        }

        private void put(String key, Object value) {
            if (key.isEmpty()) {
                // A scalar with no prefix has no name to go under.
                return;
            }
            if (written >= limits.maxAttributes()) {
                dropped++;
                return;
            }
            written++;
            out.put(key, value);
        }
    }

    /**
     * Writes a scalar (the usual return value) or a flat map of strings and numbers (the usual enrichment) straight
     * onto the span, one attribute per entry, with no walk to set up; false if the value is neither.
     */
    private boolean putFlat(Span span, String prefix, @Nullable Object value) {
        Object scalar = scalar(value);
        if (scalar != null) {
            putOnSpan(span, prefix, scalar);
            return true;
        }
        if (!(value instanceof Map<?, ?> map) || !isFlat(map)) {
            return false;
        }
        AttributeNames.Under children = names.under(prefix);
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            Object entryScalar = scalar(entry.getValue());
            if (entryScalar != null) {
                putOnSpan(span, children.child(String.valueOf(entry.getKey())), entryScalar);
            }
        }
        return true;
    }

    /** Whether every value is null or a plain scalar, and there are no more entries than the budget allows. */
    private boolean isFlat(Map<?, ?> map) {
        if (map.size() > limits.maxAttributes()) {
            return false;
        }
        for (Object value : map.values()) {
            if (value != null
                    && !(value instanceof String
                            || value instanceof Boolean
                            || value instanceof Integer
                            || value instanceof Long
                            || value instanceof Double)) {
                return false;
            }
        }
        return true;
    }

    private String child(String prefix, String key) {
        return names.child(prefix, key);
    }

    /** A writer that keeps the first {@code limit} characters and then stops the serializer. */
    private static final class BoundedWriter extends Writer {
        private final StringBuilder text = new StringBuilder();
        private final int limit;
        boolean overflowed;

        BoundedWriter(int limit) {
            this.limit = limit;
        }

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            int room = limit - text.length();
            if (length > room) {
                text.append(chars, offset, Math.max(room, 0));
                overflowed = true;
                throw new IOException("JSON text longer than " + limit + " characters");
            }
            text.append(chars, offset, length);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
