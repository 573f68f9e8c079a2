package ai.honeyhive.quarkus.deployment;

import io.quarkus.builder.item.SimpleBuildItem;
import java.util.Map;
import java.util.Set;

/** The tracer names the application uses ({@code @Traced(tracer)}, {@code @HoneyHive}), with where. */
public final class TracerNamesBuildItem extends SimpleBuildItem {

    private final Map<String, Set<String>> usedNames;

    TracerNamesBuildItem(Map<String, Set<String>> usedNames) {
        this.usedNames = Map.copyOf(usedNames);
    }

    /** Each name, with the places that use it. */
    Map<String, Set<String>> usedNames() {
        return usedNames;
    }
}
