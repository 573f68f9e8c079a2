package ai.honeyhive.quarkus.runtime.internal;

import ai.honeyhive.tracer.internal.config.ConfigValues;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * Booleans as the tracer reads them on every runtime: {@code true/1/yes/on} or {@code false/0/no/off}. Quarkus's own
 * converter would take anything else as false, and {@code y} as true where the other runtimes reject it.
 */
public final class HoneyHiveBooleanConverter implements Converter<Boolean> {

    private static final long serialVersionUID = 1L;

    @Override
    public Boolean convert(String value) {
        // SmallRye names the key when it reports the exception.
        return ConfigValues.parseBoolean("the value", value);
    }
}
