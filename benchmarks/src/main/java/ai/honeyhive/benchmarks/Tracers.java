package ai.honeyhive.benchmarks;

import ai.honeyhive.tracer.HoneyHiveTracer;
import java.time.Duration;
import java.util.Map;

/** Tracers for the benchmarks, with no environment read. */
final class Tracers {

    /**
     * The queue of the JMH benchmarks' tracers: the OpenTelemetry SDK's default, which the baselines have. Their loops
     * end spans faster than any pipeline hands them on, so the queue is always full; at the tracer's default of 65,536
     * the live queue (about 75 MB) is copied by every young collection, and where a collection lands decides a ratio.
     */
    static final int BENCHMARK_QUEUE_SIZE = 2048;

    private Tracers() {}

    /** Test mode: spans are made and processed, and nothing leaves the JVM. */
    static HoneyHiveTracer testMode() {
        return base().testMode(true).batchMaxQueueSize(BENCHMARK_QUEUE_SIZE).build();
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
