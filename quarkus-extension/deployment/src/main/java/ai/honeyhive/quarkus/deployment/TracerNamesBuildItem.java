package ai.honeyhive.quarkus.deployment;

import io.quarkus.builder.item.SimpleBuildItem;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tracer names the application uses ({@code @Traced(tracer)}, {@code @HoneyHive}), with where, and those its
 * build-time configuration names ({@code honeyhive.tracers.<name>.*}).
 */
public final class TracerNamesBuildItem extends SimpleBuildItem {

    private final Map<String, Set<String>> usedNames;
    private final Set<String> configuredNames;

    TracerNamesBuildItem(Map<String, Set<String>> usedNames, Set<String> configuredNames) {
        this.usedNames = Map.copyOf(usedNames);
        this.configuredNames = Set.copyOf(configuredNames);
    }

    /** Each name used, with the places that use it. */
    Map<String, Set<String>> usedNames() {
        return usedNames;
    }

    /** The names configured. */
    Set<String> configuredNames() {
        return configuredNames;
    }

    /** Every name used or configured, sorted. */
    Set<String> allNames() {
        Set<String> all = new TreeSet<>(usedNames.keySet());
        all.addAll(configuredNames);
        return all;
    }
}
