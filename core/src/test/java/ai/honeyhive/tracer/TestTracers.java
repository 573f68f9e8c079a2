package ai.honeyhive.tracer;

import ai.honeyhive.testing.RecordingHoneyHiveServer;
import java.time.Duration;
import java.util.Map;

/** Tracers for tests: an empty environment, so the machine's HH_* variables never leak in. */
final class TestTracers {

    static final String API_KEY = "hh-test-key-0123456789";
    static final String PROJECT = "support-bot";
    static final Duration WAIT = Duration.ofSeconds(30);

    private TestTracers() {}

    /** A builder that exports to the recording server with a short batch delay. */
    static HoneyHiveTracer.Builder against(RecordingHoneyHiveServer server) {
        return HoneyHiveTracer.builder()
                .environment(Map.of())
                .serverUrl(server.baseUrl())
                .apiKey(API_KEY)
                .project(PROJECT)
                .shutdownHook(false)
                .batchScheduleDelay(Duration.ofMillis(50));
    }

    /** A builder in test mode that reads no environment. */
    static HoneyHiveTracer.Builder inTestMode() {
        return HoneyHiveTracer.builder().environment(Map.of()).testMode(true).shutdownHook(false);
    }
}
