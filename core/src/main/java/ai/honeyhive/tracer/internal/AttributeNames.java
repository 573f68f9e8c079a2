package ai.honeyhive.tracer.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The dotted names of flattened attributes ({@code honeyhive_metadata.tenant}), remembered so that enriching a
 * span with the same keys again does not build the same strings again. Bounded: once full, further names are built
 * each time rather than kept, so that keys made of ids cannot grow it without limit.
 */
final class AttributeNames {

    private static final int MAX_NAMES = 4096;

    private final Map<String, Map<String, String>> byPrefix = new ConcurrentHashMap<>();
    private final AtomicInteger size = new AtomicInteger();

    /** {@code prefix.key}, or {@code key} for an empty prefix. */
    String child(String prefix, String key) {
        if (prefix.isEmpty()) {
            return key;
        }
        Map<String, String> names = byPrefix.get(prefix);
        String name = names == null ? null : names.get(key);
        if (name != null) {
            return name;
        }
        name = prefix + "." + key;
        if (size.get() < MAX_NAMES) {
            size.incrementAndGet();
            byPrefix.computeIfAbsent(prefix, unused -> new ConcurrentHashMap<>())
                    .putIfAbsent(key, name);
        }
        return name;
    }
}
