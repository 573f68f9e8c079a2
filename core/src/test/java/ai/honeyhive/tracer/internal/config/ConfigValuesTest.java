package ai.honeyhive.tracer.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConfigValuesTest {

    @Test
    void durationsAreReadInTheThreeFormsTheDocumentationGives() {
        assertThat(ConfigValues.parseDuration("k", "PT5S")).isEqualTo(Duration.ofSeconds(5));
        assertThat(ConfigValues.parseDuration("k", "2500")).isEqualTo(Duration.ofMillis(2500));
        assertThat(ConfigValues.parseDuration("k", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(ConfigValues.parseDuration("k", " 5s ")).isEqualTo(Duration.ofSeconds(5));
        assertThat(ConfigValues.parseDuration("k", "2M")).isEqualTo(Duration.ofMinutes(2));
        assertThat(ConfigValues.parseDuration("k", "1h")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void anUnreadableDurationNamesItsKey() {
        assertThatThrownBy(() -> ConfigValues.parseDuration("honeyhive.session-timeout", "5 parsecs"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("honeyhive.session-timeout")
                .hasMessageContaining("5 parsecs");
        assertThatThrownBy(() -> ConfigValues.parseDuration("k", "-5s")).isInstanceOf(IllegalArgumentException.class);
    }
}
