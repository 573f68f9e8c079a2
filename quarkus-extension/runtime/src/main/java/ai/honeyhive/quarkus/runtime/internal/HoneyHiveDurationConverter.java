package ai.honeyhive.quarkus.runtime.internal;

import ai.honeyhive.tracer.internal.config.ConfigValues;
import java.time.Duration;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * Durations as the tracer reads them on every runtime: ISO-8601, a number with a unit, or milliseconds. Quarkus's own
 * converter would read a bare number as seconds, where the other runtimes and {@code OTEL_BSP_*} read milliseconds.
 */
public final class HoneyHiveDurationConverter implements Converter<Duration> {

    private static final long serialVersionUID = 1L;

    @Override
    public Duration convert(String value) {
        // SmallRye names the key when it reports the exception.
        return ConfigValues.parseDuration("the value", value);
    }
}
