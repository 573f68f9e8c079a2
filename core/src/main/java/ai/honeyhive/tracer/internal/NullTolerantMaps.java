package ai.honeyhive.tracer.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Defensive copies of the maps users hand to builders: order kept, null values allowed (they are skipped later), and
 * a null map taken as none, logged once, rather than thrown into the code that traces.
 */
public final class NullTolerantMaps {

    private static final Logger logger = Logger.getLogger(NullTolerantMaps.class.getName());
    private static final ThrottledLogger nullMaps = new ThrottledLogger(logger);

    private NullTolerantMaps() {}

    /** An unmodifiable copy in the map's order; {@code Map.copyOf} would reject the null values users may pass. */
    public static <V> Map<String, V> copyOf(@Nullable Map<String, V> map, String parameter) {
        if (map == null) {
            nullMaps.log(
                    Level.WARNING, "A null " + parameter + " map was given to a HoneyHive builder; taken as empty");
            return Map.of();
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
