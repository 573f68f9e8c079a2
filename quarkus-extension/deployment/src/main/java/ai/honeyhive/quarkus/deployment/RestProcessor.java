package ai.honeyhive.quarkus.deployment;

import ai.honeyhive.jaxrs.HoneyHiveClientFilter;
import ai.honeyhive.jaxrs.HoneyHiveServerFilter;
import ai.honeyhive.quarkus.runtime.HoneyHiveBuildTimeConfig;
import ai.honeyhive.quarkus.runtime.internal.QuarkusServerFilter;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.ExcludeDependencyBuildItem;
import io.quarkus.rest.client.reactive.spi.ClientRequestFilterBuildItem;
import io.quarkus.rest.client.reactive.spi.ClientResponseFilterBuildItem;
import io.quarkus.resteasy.reactive.spi.ContainerRequestFilterBuildItem;

/** A HoneyHive session per Quarkus REST request, and trace context on REST client calls. */
class RestProcessor {

    /**
     * The CDI and JAX-RS jars are indexed on other runtimes for their portable extensions and providers; here the
     * build steps register what they hold, so that nothing is discovered twice and disabling really removes it.
     */
    @BuildStep
    void excludeFromIndex(BuildProducer<ExcludeDependencyBuildItem> excluded) {
        excluded.produce(new ExcludeDependencyBuildItem("ai.honeyhive", "honeyhive-cdi"));
        excluded.produce(new ExcludeDependencyBuildItem("ai.honeyhive", "honeyhive-jaxrs"));
    }

    @BuildStep
    void serverFilter(
            Capabilities capabilities,
            HoneyHiveBuildTimeConfig config,
            BuildProducer<ContainerRequestFilterBuildItem> requestFilters) {
        if (!config.enabled() || capabilities.isMissing(Capability.REST)) {
            return;
        }
        String filter = QuarkusServerFilter.class.getName();
        // Not "non-blocking required": for a blocking endpoint the filter runs on the worker thread with the method.
        requestFilters.produce(new ContainerRequestFilterBuildItem.Builder(filter)
                .setPriority(HoneyHiveServerFilter.PRIORITY)
                .build());
    }

    @BuildStep
    void clientFilter(
            Capabilities capabilities,
            HoneyHiveBuildTimeConfig config,
            BuildProducer<ClientRequestFilterBuildItem> requestFilters,
            BuildProducer<ClientResponseFilterBuildItem> responseFilters,
            BuildProducer<AdditionalBeanBuildItem> beans) {
        if (!config.enabled() || capabilities.isMissing(Capability.REST_CLIENT_REACTIVE)) {
            return;
        }
        requestFilters.produce(new ClientRequestFilterBuildItem(HoneyHiveClientFilter.class.getName()));
        responseFilters.produce(new ClientResponseFilterBuildItem(HoneyHiveClientFilter.class.getName()));
        beans.produce(AdditionalBeanBuildItem.unremovableOf(HoneyHiveClientFilter.class));
    }
}
