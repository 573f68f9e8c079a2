package ai.honeyhive.quarkus.deployment;

import ai.honeyhive.jaxrs.HoneyHiveClientFilter;
import ai.honeyhive.jaxrs.HoneyHiveServerFilter;
import ai.honeyhive.quarkus.runtime.internal.QuarkusClientFilter;
import ai.honeyhive.quarkus.runtime.internal.QuarkusServerFilter;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.BuildTimeConditionBuildItem;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.rest.client.reactive.spi.ClientRequestFilterBuildItem;
import io.quarkus.rest.client.reactive.spi.ClientResponseFilterBuildItem;
import io.quarkus.resteasy.reactive.spi.ContainerRequestFilterBuildItem;
import java.util.List;
import org.jboss.jandex.ClassInfo;

/** A HoneyHive session per Quarkus REST request, and trace context on REST client calls. */
class HoneyHiveRestProcessor {

    /**
     * The JAX-RS jar's own providers are {@code @Provider}s for discovery on other runtimes; here the build steps
     * register the Quarkus variants, so the originals are turned off, else every request would be traced twice.
     */
    @BuildStep
    void turnOffDiscoveredProviders(
            CombinedIndexBuildItem index, BuildProducer<BuildTimeConditionBuildItem> conditions) {
        for (Class<?> discovered : List.of(HoneyHiveServerFilter.class, HoneyHiveClientFilter.class)) {
            ClassInfo type = index.getIndex().getClassByName(discovered);
            if (type != null) {
                conditions.produce(new BuildTimeConditionBuildItem(type, false));
            }
        }
    }

    @BuildStep(onlyIf = HoneyHiveEnabled.class)
    void serverFilter(Capabilities capabilities, BuildProducer<ContainerRequestFilterBuildItem> requestFilters) {
        if (capabilities.isMissing(Capability.REST)) {
            return;
        }
        String filter = QuarkusServerFilter.class.getName();
        // Not "non-blocking required": for a blocking endpoint the filter runs on the worker thread with the method.
        requestFilters.produce(new ContainerRequestFilterBuildItem.Builder(filter)
                .setPriority(HoneyHiveServerFilter.PRIORITY)
                .build());
    }

    @BuildStep(onlyIf = HoneyHiveEnabled.class)
    void clientFilter(
            Capabilities capabilities,
            BuildProducer<ClientRequestFilterBuildItem> requestFilters,
            BuildProducer<ClientResponseFilterBuildItem> responseFilters,
            BuildProducer<AdditionalBeanBuildItem> beans) {
        if (capabilities.isMissing(Capability.REST_CLIENT_REACTIVE)
                || capabilities.isPresent(Capability.OPENTELEMETRY_TRACER)) {
            // With quarkus-opentelemetry, its own client instrumentation writes the headers, through the baggage
            // propagator the extension wraps, and its client spans reach HoneyHive inside sessions.
            return;
        }
        requestFilters.produce(new ClientRequestFilterBuildItem(QuarkusClientFilter.class.getName()));
        responseFilters.produce(new ClientResponseFilterBuildItem(QuarkusClientFilter.class.getName()));
        beans.produce(AdditionalBeanBuildItem.unremovableOf(QuarkusClientFilter.class));
    }
}
