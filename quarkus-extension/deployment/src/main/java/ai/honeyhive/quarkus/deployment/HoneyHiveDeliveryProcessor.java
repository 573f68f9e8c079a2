package ai.honeyhive.quarkus.deployment;

import ai.honeyhive.quarkus.runtime.internal.delivery.DeliveryHealthCheck;
import ai.honeyhive.quarkus.runtime.internal.delivery.DeliveryMeters;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.bootstrap.classloading.QuarkusClassLoader;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;

/** What operators see of delivery to HoneyHive: a readiness check with SmallRye Health, meters with Micrometer. */
class HoneyHiveDeliveryProcessor {

    @BuildStep(onlyIf = HoneyHiveEnabled.class)
    void deliveryVisibility(Capabilities capabilities, BuildProducer<AdditionalBeanBuildItem> beans) {
        if (capabilities.isPresent(Capability.SMALLRYE_HEALTH)) {
            beans.produce(AdditionalBeanBuildItem.unremovableOf(DeliveryHealthCheck.class));
        }
        // Quarkus Micrometer provides the metrics capability; the class check keeps other providers out.
        if (capabilities.isPresent(Capability.METRICS)
                && QuarkusClassLoader.isClassPresentAtRuntime("io.micrometer.core.instrument.binder.MeterBinder")) {
            beans.produce(AdditionalBeanBuildItem.unremovableOf(DeliveryMeters.class));
        }
    }
}
