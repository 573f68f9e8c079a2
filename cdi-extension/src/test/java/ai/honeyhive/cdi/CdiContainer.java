package ai.honeyhive.cdi;

import ai.honeyhive.cdi.internal.HoneyHiveCdiExtension;
import ai.honeyhive.testing.RecordingHoneyHiveServer;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;
import java.lang.annotation.Annotation;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * A real Weld SE container with SmallRye Config as MicroProfile Config: the test's properties and simulated
 * environment variables over the default sources (system properties, the process environment, and
 * META-INF/microprofile-config.properties). The extension is found through META-INF/services, as in an application.
 */
final class CdiContainer implements AutoCloseable {

    private final WeldContainer weld;
    private final SmallRyeConfig config;

    private CdiContainer(WeldContainer weld, SmallRyeConfig config) {
        this.weld = weld;
        this.config = config;
    }

    /** Properties for a tracer that exports to the recording server, with a short batch delay. */
    static Map<String, String> exportingTo(RecordingHoneyHiveServer server) {
        Map<String, String> properties = new HashMap<>();
        properties.put("honeyhive.api-key", "cdi-key");
        properties.put("honeyhive.project", "support-bot");
        properties.put("honeyhive.server-url", server.baseUrl());
        properties.put("honeyhive.batch.schedule-delay", "50");
        return properties;
    }

    static CdiContainer start(Map<String, String> properties, Class<?>... beans) {
        return start(properties, Map.of(), beans);
    }

    static CdiContainer start(Map<String, String> properties, Map<String, String> environment, Class<?>... beans) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDefaultSources()
                .withSources(new PropertiesConfigSource(properties, "test-properties", 500))
                .withSources(new EnvConfigSource(environment, 350))
                .build();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ConfigProviderResolver.instance().registerConfig(config, loader);
        try {
            WeldContainer weld = new Weld()
                    .disableDiscovery()
                    // Weld SE loads no META-INF/services extensions without discovery; ServiceRegistrationTest
                    // checks that the jar registers the extension for containers that do.
                    .addExtension(new HoneyHiveCdiExtension())
                    .addBeanClasses(beans)
                    .property("org.jboss.weld.se.shutdownHook", false)
                    .initialize();
            return new CdiContainer(weld, config);
        } catch (RuntimeException e) {
            ConfigProviderResolver.instance().releaseConfig(config);
            throw e;
        }
    }

    <T> T get(Class<T> type, Annotation... qualifiers) {
        Instance<T> instance = weld.select(type, qualifiers);
        return instance.get();
    }

    /** Runs the action with the request context active, as a request would. */
    void inRequest(Runnable action) {
        RequestContextController request =
                weld.select(RequestContextController.class).get();
        request.activate();
        try {
            action.run();
        } finally {
            request.deactivate();
        }
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
