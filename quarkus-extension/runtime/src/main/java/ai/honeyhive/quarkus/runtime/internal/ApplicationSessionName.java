package ai.honeyhive.quarkus.runtime.internal;

import ai.honeyhive.cdi.internal.TracerRegistry;
import ai.honeyhive.tracer.HoneyHiveTracer;
import java.util.Optional;

/**
 * The default session name on Quarkus: the application's name ({@code quarkus.application.name}, the artifactId unless
 * configured), not the launcher's ({@code quarkus-run}, a test runner's booter), which the plain-Java tracer would take
 * from the command line.
 */
final class ApplicationSessionName implements TracerRegistry.BuilderDefaults {

    private final MappingTracerConfigReader tracers;
    private final Optional<String> applicationName;

    ApplicationSessionName(MappingTracerConfigReader tracers, Optional<String> applicationName) {
        this.tracers = tracers;
        this.applicationName = applicationName;
    }

    @Override
    public void apply(String tracerName, HoneyHiveTracer.Builder builder) {
        // The mapping's values include the fallbacks: the default tracer's key and HH_SESSION_NAME.
        if (tracers.tracer(tracerName).sessionName().isEmpty()) {
            applicationName.ifPresent(builder::sessionName);
        }
    }
}
