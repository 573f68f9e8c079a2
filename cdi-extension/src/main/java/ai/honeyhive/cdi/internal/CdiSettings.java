package ai.honeyhive.cdi.internal;

import ai.honeyhive.tracer.internal.config.Setting;
import java.util.List;

/**
 * The settings of a tracer that only containers read, beside the tracer's own ({@code Settings}): whether
 * {@code @Traced} traces at all, and what it records by default. One row each, as in the tracer's table.
 */
public final class CdiSettings {

    public static final Setting<Boolean> ENABLED = Setting.bool("enabled")
            .property("honeyhive.enabled")
            .defaultValue(true)
            .describedAs("`false`: `@Traced` only calls the method; nothing is traced or sent");

    public static final Setting<Boolean> CAPTURE_INPUTS = Setting.bool("captureInputs")
            .property("honeyhive.capture.inputs")
            .defaultValue(true)
            .describedAs("whether `@Traced(captureInputs = CONFIGURED)` records the arguments");

    public static final Setting<Boolean> CAPTURE_OUTPUTS = Setting.bool("captureOutputs")
            .property("honeyhive.capture.outputs")
            .defaultValue(true)
            .describedAs("whether `@Traced(captureOutputs = CONFIGURED)` records the return value");

    /** Every container setting, in the order of the configuration reference. */
    public static final List<Setting<?>> ALL = List.of(ENABLED, CAPTURE_INPUTS, CAPTURE_OUTPUTS);

    private CdiSettings() {}
}
