package ai.honeyhive.quarkus.deployment;

import io.quarkus.builder.item.SimpleBuildItem;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The tracer names the application's code uses ({@code @Traced(tracer)}, {@code @HoneyHive}), each with where. */
public final class TracerNamesBuildItem extends SimpleBuildItem {

    private final TreeMap<String, Set<String>> usedNames = new TreeMap<>();

    TracerNamesBuildItem(Map<String, Set<String>> usedNames) {
        // Sorted and mutable types: the recorder writes them into the application's start code.
        usedNames.forEach((name, places) -> this.usedNames.put(name, new TreeSet<>(places)));
    }

    /** Each name used, with the places that use it. */
    Map<String, Set<String>> usedNames() {
        return usedNames;
    }
}
