package ai.honeyhive.cdi.internal;

import ai.honeyhive.tracer.HoneyHiveTracer;

/**
 * Where a container's tracers get their settings: MicroProfile Config on CDI containers, the configuration mapping on
 * Quarkus. A tracer is named by its name, {@code ""} for the default one.
 */
public interface TracerConfigSource {

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
