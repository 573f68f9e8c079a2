package ai.honeyhive.quarkus.deployment;

import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.RuntimeInitializedClassBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ServiceProviderBuildItem;

/** What a native image of the application needs of the tracer that static analysis does not find. */
class HoneyHiveNativeProcessor {

    private static final String HTTP_SENDER_PROVIDER = "io.opentelemetry.sdk.common.export.HttpSenderProvider";

    @BuildStep
    void register(
            BuildProducer<ServiceProviderBuildItem> services, BuildProducer<NativeImageResourceBuildItem> resources) {
        // The OTLP exporter finds its JDK HTTP sender through the service loader.
        services.produce(ServiceProviderBuildItem.allProvidersFromClassPath(HTTP_SENDER_PROVIDER));
        // The library version sent in the hh-client headers.
        resources.produce(new NativeImageResourceBuildItem("ai/honeyhive/tracer/internal/version.properties"));
    }

    @BuildStep
    RuntimeInitializedClassBuildItem sessionIdGenerators() {
        // Seeded SecureRandoms must be made when the application starts, never baked into the image.
        return new RuntimeInitializedClassBuildItem("ai.honeyhive.tracer.internal.session.SessionIds$Generators");
    }
}
