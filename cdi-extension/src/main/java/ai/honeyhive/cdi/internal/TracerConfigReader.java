package ai.honeyhive.cdi.internal;

import ai.honeyhive.tracer.HoneyHiveTracer;

/**
 * Reads the settings of a container's tracers: from MicroProfile Config on CDI containers, from the configuration
 * mapping on Quarkus. A tracer is named by its name, {@code ""} for the default one.
 */
public interface TracerConfigReader {

    /** Whether the tracer traces at all. */
    boolean enabled(String tracerName);

    /** The default for {@code @Traced(captureInputs = CONFIGURED)}. */
    boolean captureInputs(String tracerName);

    /** The default for {@code @Traced(captureOutputs = CONFIGURED)}. */
    boolean captureOutputs(String tracerName);

    /**
     * A builder with every configured setting of the tracer, and the container in charge of its lifecycle.
     *
     * @throws IllegalArgumentException naming the key, if a value cannot be parsed
     */
    HoneyHiveTracer.Builder builder(String tracerName);
}
