package ai.honeyhive.quarkus.deployment;

import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.RuntimeInitializedClassBuildItem;

/** What a native image of the application needs of the tracer that static analysis does not find. */
class HoneyHiveNativeProcessor {

    // The OTLP exporter is handed the tracer's own HTTP sender, not one found by the service loader: nothing to
    // register for it.
    @BuildStep
    NativeImageResourceBuildItem versionResource() {
        // The library version sent in the hh-client headers.
        return new NativeImageResourceBuildItem("ai/honeyhive/tracer/internal/version.properties");
    }

    @BuildStep
    RuntimeInitializedClassBuildItem sessionIdGenerators() {
        // Seeded SecureRandoms must be made when the application starts, never baked into the image.
        return new RuntimeInitializedClassBuildItem("ai.honeyhive.tracer.internal.session.SessionIds$Generators");
    }
}
