package ai.honeyhive.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JaxrsSessionSettingsTest {

    private final JaxrsSessionSettings settings = JaxrsSessionSettings.builder()
            .excludedPaths(List.of("/health/", "q/metrics"))
            .build();

    @Test
    void excludesAConfiguredPathWithOrWithoutSlashesAtEitherEnd() {
        assertThat(settings.isExcluded("health")).isTrue();
        assertThat(settings.isExcluded("/health")).isTrue();
        assertThat(settings.isExcluded("//health/")).isTrue();
        assertThat(settings.isExcluded(" /q/metrics ")).isTrue();
    }

    @Test
    void excludesWhatLiesBelowAConfiguredPath() {
        assertThat(settings.isExcluded("/health/live")).isTrue();
        assertThat(settings.isExcluded("q/metrics/base/cpu")).isTrue();
    }

    @Test
    void leavesOtherPathsTracedEvenWhenTheyStartWithTheSameLetters() {
        assertThat(settings.isExcluded("/healthcheck")).isFalse();
        assertThat(settings.isExcluded("/support/health")).isFalse();
        assertThat(settings.isExcluded("/q")).isFalse();
        assertThat(settings.isExcluded("")).isFalse();
        assertThat(settings.isExcluded("/")).isFalse();
    }

    @Test
    void excludesTheHealthAndMetricsEndpointsByDefault() {
        JaxrsSessionSettings defaults = JaxrsSessionSettings.builder().build();

        assertThat(defaults.isExcluded("/q/health/ready")).isTrue();
        assertThat(defaults.isExcluded("/metrics")).isTrue();
        assertThat(defaults.isExcluded("/support/ask")).isFalse();
    }
}
