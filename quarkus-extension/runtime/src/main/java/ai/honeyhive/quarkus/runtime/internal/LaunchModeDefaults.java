package ai.honeyhive.quarkus.runtime.internal;

import ai.honeyhive.cdi.internal.TracerRegistry;
import ai.honeyhive.quarkus.runtime.HoneyHiveRuntimeConfig;
import ai.honeyhive.tracer.HoneyHiveTracer;
import io.quarkus.runtime.LaunchMode;

/**
 * Dev and test mode work with no account: without an API key (and with test mode left unset), the tracer runs in
 * test mode and records to the local sink instead. In dev mode the local sink's file also feeds the Dev UI page.
 */
final class LaunchModeDefaults implements TracerRegistry.BuilderDefaults {

    /** Where dev mode records events unless {@code honeyhive.local-sink} says otherwise; the Dev UI reads it. */
    static final String DEV_EVENTS_FILE = "target/honeyhive/dev-events.jsonl";

    /** Where test mode records events unless {@code honeyhive.local-sink} says otherwise. */
    static final String TEST_EVENTS_FILE = "target/honeyhive/test-events.jsonl";

    private final MappingTracerConfigReader tracers;
    private final LaunchMode launchMode;

    LaunchModeDefaults(MappingTracerConfigReader tracers, LaunchMode launchMode) {
        this.tracers = tracers;
        this.launchMode = launchMode;
    }

    @Override
    public void apply(String tracerName, HoneyHiveTracer.Builder builder) {
        if (launchMode == LaunchMode.NORMAL) {
            return;
        }
        // The mapping's values include the fallbacks: the default tracer's key and the HH_* variables.
        HoneyHiveRuntimeConfig.Tracer tracer = tracers.tracer(tracerName);
        boolean offline = tracer.apiKey().isEmpty() && tracer.testMode().isEmpty();
        if (offline) {
            builder.testMode(true);
        }
        if (tracer.localSink().isEmpty()) {
            if (launchMode == LaunchMode.DEVELOPMENT) {
                builder.localSink(offline ? "console," + DEV_EVENTS_FILE : DEV_EVENTS_FILE);
            } else if (offline) {
                builder.localSink(TEST_EVENTS_FILE);
            }
        }
    }
}
