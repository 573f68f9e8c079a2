package ai.honeyhive.tracer.internal;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Defensive copies of the maps users hand to builders: order kept, null values allowed (they are skipped later). */
public final class NullTolerantMaps {

    private NullTolerantMaps() {}

    /**
     * An unmodifiable copy in the map's order; {@code Map.copyOf} would reject the null values users may pass.
     *
     * @throws NullPointerException with the parameter's name, if the map itself is null
     */
    public static <V> Map<String, V> copyOf(Map<String, V> map, String parameter) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(map, parameter)));
    }
}
