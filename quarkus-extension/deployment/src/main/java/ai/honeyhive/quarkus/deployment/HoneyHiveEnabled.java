package ai.honeyhive.quarkus.deployment;

import java.util.function.BooleanSupplier;

/** Whether HoneyHive tracing is built into the application ({@code quarkus.honeyhive.enabled}): gates build steps. */
class HoneyHiveEnabled implements BooleanSupplier {

    private final HoneyHiveBuildTimeConfig config;

    HoneyHiveEnabled(HoneyHiveBuildTimeConfig config) {
        this.config = config;
    }

    @Override
    public boolean getAsBoolean() {
        return config.enabled();
    }
}
