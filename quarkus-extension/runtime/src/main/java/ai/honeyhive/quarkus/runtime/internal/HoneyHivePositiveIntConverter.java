package ai.honeyhive.quarkus.runtime.internal;

import ai.honeyhive.tracer.internal.config.ConfigValues;
import org.eclipse.microprofile.config.spi.Converter;

/** Whole numbers of at least 1, as the tracer reads them on every runtime, rejected naming the key that holds them. */
public final class HoneyHivePositiveIntConverter implements Converter<Integer> {

    private static final long serialVersionUID = 1L;

    @Override
    public Integer convert(String value) {
        // SmallRye names the key when it reports the exception.
        return ConfigValues.parsePositiveInt("the value", value);
    }
}
