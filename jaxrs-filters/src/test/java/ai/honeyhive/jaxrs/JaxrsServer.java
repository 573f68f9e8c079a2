package ai.honeyhive.jaxrs;

import ai.honeyhive.testing.RecordingHoneyHiveServer;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * A real JAX-RS runtime with CDI: Jersey 4 on Grizzly, with Weld SE 6 discovering the annotated beans of
 * the test classes (META-INF/beans.xml, discovery mode "annotated") and SmallRye Config as MicroProfile Config. The
 * HoneyHive CDI extension comes in through META-INF/services, as in an application.
 */
final class JaxrsServer implements AutoCloseable {

    private final WeldContainer weld;
    private final SmallRyeConfig config;
    private final HttpServer http;

    private JaxrsServer(WeldContainer weld, SmallRyeConfig config, HttpServer http) {
        this.weld = weld;
        this.config = config;
        this.http = http;
    }

    static Map<String, String> exportingTo(RecordingHoneyHiveServer server) {
        Map<String, String> properties = new HashMap<>();
        properties.put("honeyhive.api-key", "jaxrs-key");
        properties.put("honeyhive.project", "support-bot");
        properties.put("honeyhive.server-url", server.baseUrl());
        properties.put("honeyhive.batch.schedule-delay", "50");
        properties.put("honeyhive.batch.max-queue-size", "20000");
        properties.put("honeyhive.start-session", "false");
        return properties;
    }

    static JaxrsServer start(Map<String, String> properties, Class<?>... components) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDefaultSources()
                .withSources(new PropertiesConfigSource(properties, "test-properties", 500))
                .build();
        ConfigProviderResolver.instance()
                .registerConfig(config, Thread.currentThread().getContextClassLoader());
        WeldContainer weld = null;
        try {
            weld = new Weld().property("org.jboss.weld.se.shutdownHook", false).initialize();
            ResourceConfig application = new ResourceConfig(components).register(HoneyHiveServerFilter.class);
            HttpServer http =
                    GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), application, false);
            NetworkListener listener = http.getListeners().iterator().next();
            // Room for the oversized headers the tests send (Grizzly's default stops at 8 KiB, before any filter),
            // and no cap on requests per keep-alive connection (Grizzly closes after 256, which clients then hit).
            listener.setMaxHttpHeaderSize(64 * 1024);
            listener.getKeepAlive().setMaxRequestsCount(-1);
            try {
                http.start();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return new JaxrsServer(weld, config, http);
        } catch (RuntimeException e) {
            if (weld != null) {
                weld.shutdown();
            }
            ConfigProviderResolver.instance().releaseConfig(config);
            throw e;
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + http.getListeners().iterator().next().getPort();
    }

    <T> T get(Class<T> type, java.lang.annotation.Annotation... qualifiers) {
        return weld.select(type, qualifiers).get();
    }

    @Override
    public void close() {
        try {
            http.shutdownNow();
            weld.shutdown();
        } finally {
            ConfigProviderResolver.instance().releaseConfig(config);
        }
    }
}
