package ai.honeyhive.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.junit.jupiter.api.Test;

class ApplicationConfigTest {

    @Test
    void noImplementationOnTheClassPathFailsNamingHoneyHiveAndTheFix() {
        // What the MicroProfile Config API throws when its service loader finds no resolver.
        IllegalStateException api = new IllegalStateException("No ConfigProviderResolver implementation found!");
        assertThatThrownBy(() -> ApplicationConfig.get(() -> {
                    throw api;
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("honeyhive.*")
                .hasMessageContaining("io.smallrye.config:smallrye-config")
                .hasCause(api);
    }

    @Test
    void anImplementationOnTheClassPathIsUsed() {
        Config config = ApplicationConfig.get();
        assertThat(config).isSameAs(ConfigProviderResolver.instance().getConfig());
    }

    @Test
    void otherFailuresPassAsTheyAre() {
        IllegalStateException other = new IllegalStateException("something else");
        assertThatThrownBy(() -> ApplicationConfig.get(() -> {
                    throw other;
                }))
                .isSameAs(other);
    }
}
