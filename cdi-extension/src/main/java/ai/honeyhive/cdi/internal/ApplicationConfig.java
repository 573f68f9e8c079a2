package ai.honeyhive.cdi.internal;

import java.util.function.Supplier;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The application's MicroProfile Config, or a startup error that says what is missing: without an implementation on
 * the class path the API fails with "No ConfigProviderResolver implementation found!", which names neither HoneyHive
 * nor the fix.
 */
final class ApplicationConfig {

    static final String MISSING_IMPLEMENTATION = "HoneyHive reads its configuration (honeyhive.* keys) through"
            + " MicroProfile Config, and no MicroProfile Config implementation is on the class path. On Weld SE or"
            + " another plain CDI container, add io.smallrye.config:smallrye-config; Quarkus, Open Liberty (feature"
            + " mpConfig) and WildFly bring one.";

    private ApplicationConfig() {}

    static Config get() {
        return get(ConfigProvider::getConfig);
    }

    static Config get(Supplier<Config> provider) {
        try {
            return provider.get();
        } catch (IllegalStateException e) {
            if (String.valueOf(e.getMessage()).contains("ConfigProviderResolver")) {
                throw new IllegalStateException(MISSING_IMPLEMENTATION, e);
            }
            throw e;
        }
    }
}
