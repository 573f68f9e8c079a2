package ai.honeyhive.quarkus.deployment;

import ai.honeyhive.cdi.internal.TracerRegistry;
import io.quarkus.builder.item.SimpleBuildItem;
import io.quarkus.runtime.RuntimeValue;

/** The application's tracers, built when it starts: for the build steps that wire more beans to them. */
public final class TracerRegistryBuildItem extends SimpleBuildItem {

    private final RuntimeValue<TracerRegistry> registry;

    TracerRegistryBuildItem(RuntimeValue<TracerRegistry> registry) {
        this.registry = registry;
    }

    RuntimeValue<TracerRegistry> registry() {
        return registry;
    }
}
