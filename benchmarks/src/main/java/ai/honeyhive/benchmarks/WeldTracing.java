package ai.honeyhive.benchmarks;

import ai.honeyhive.cdi.internal.HoneyHiveCdiExtension;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/** A Weld SE container with the CDI extension, configured through SmallRye Config as an application would be. */
final class WeldTracing implements AutoCloseable {

    private final WeldContainer weld;
    private final SmallRyeConfig config;

    private WeldTracing(WeldContainer weld, SmallRyeConfig config) {
        this.weld = weld;
        this.config = config;
    }

    /**
     * Test mode: spans go through the same SDK, batch processor and attribute work, and are then dropped instead of
     * sent, so that the measurement is of the caller's thread and not of a network.
     */
    static WeldTracing start(Map<String, String> properties, Class<?>... beanClasses) {
        Map<String, String> withQueue = new HashMap<>();
        withQueue.put("honeyhive.batch.max-queue-size", Integer.toString(Tracers.BENCHMARK_QUEUE_SIZE));
        withQueue.putAll(properties);
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDefaultSources()
                .withSources(new PropertiesConfigSource(withQueue, "benchmark", 500))
                .build();
        ConfigProviderResolver.instance()
                .registerConfig(config, Thread.currentThread().getContextClassLoader());
        WeldContainer weld = new Weld()
                .disableDiscovery()
                .addExtension(new HoneyHiveCdiExtension())
                .addBeanClasses(beanClasses)
                .property("org.jboss.weld.se.shutdownHook", false)
                .initialize();
        return new WeldTracing(weld, config);
    }

    <T> T get(Class<T> type) {
        return weld.select(type).get();
    }

    @Override
    public void close() {
        try {
            weld.shutdown();
        } finally {
            ConfigProviderResolver.instance().releaseConfig(config);
        }
    }
}
