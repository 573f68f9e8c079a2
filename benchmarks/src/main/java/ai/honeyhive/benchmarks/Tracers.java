package ai.honeyhive.benchmarks;

import ai.honeyhive.tracer.HoneyHiveTracer;
import java.time.Duration;
import java.util.Map;

/** Tracers for the benchmarks, with no environment read. */
final class Tracers {

    private Tracers() {}

    /** Test mode: spans are made and processed, and nothing leaves the JVM. */
    static HoneyHiveTracer testMode() {
        return base().testMode(true).build();
    }

    /** The production set-up: batch export and session calls to this HoneyHive, with the default settings. */
    static HoneyHiveTracer sendingTo(String serverUrl) {
        return base().apiKey("hh-benchmark-key").serverUrl(serverUrl).build();
    }

    /** Closes without waiting long for a backend that may be down. */
    static void close(HoneyHiveTracer tracer) {
        tracer.close(Duration.ofSeconds(1));
    }

    private static HoneyHiveTracer.Builder base() {
        return HoneyHiveTracer.builder()
                .environment(Map.of())
                .project("benchmarks")
                .startSession(false)
                .shutdownHook(false);
    }
}
