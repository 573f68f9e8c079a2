package ai.honeyhive.tracer.internal.span;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The dotted names of flattened attributes ({@code honeyhive_metadata.tenant}), remembered so that enriching a
 * span with the same keys again does not build the same strings again. Bounded: once full, further names are built
 * each time rather than kept, so that keys made of ids cannot grow it without limit.
 */
final class AttributeNames {

    private static final int MAX_NAMES = 4096;

    private final Map<String, Under> byPrefix = new ConcurrentHashMap<>();
    private final AtomicInteger size = new AtomicInteger();

    /** {@code prefix.key}, or {@code key} for an empty prefix. */
    String child(String prefix, String key) {
        return under(prefix).child(key);
    }

    /** The names below one prefix: looked up once for all the entries of a map, not once per entry. */
    Under under(String prefix) {
        Under under = byPrefix.get(prefix);
        if (under != null) {
            return under;
        }
        if (prefix.isEmpty() || size.get() >= MAX_NAMES) {
            return new Under(prefix, null);
        }
        size.incrementAndGet();
        return byPrefix.computeIfAbsent(prefix, unused -> new Under(prefix, new ConcurrentHashMap<>()));
    }

    /** The names below one prefix. */
    final class Under {
        private final String prefix;
        // Null when nothing is remembered: the prefix is empty, or the budget was spent before it was seen.
        private final @Nullable Map<String, String> names;

        private Under(String prefix, @Nullable Map<String, String> names) {
            this.prefix = prefix;
            this.names = names;
        }

        /** {@code prefix.key}, or {@code key} for an empty prefix. */
        String child(String key) {
            if (prefix.isEmpty()) {
                return key;
            }
            String name = names == null ? null : names.get(key);
            if (name != null) {
                return name;
            }
            name = prefix + "." + key;
            if (names != null && size.get() < MAX_NAMES) {
                size.incrementAndGet();
                names.putIfAbsent(key, name);
            }
            return name;
        }
    }
}
