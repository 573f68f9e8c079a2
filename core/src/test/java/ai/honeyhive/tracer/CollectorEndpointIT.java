package ai.honeyhive.tracer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.honeyhive.testing.RecordedRequest;
import ai.honeyhive.testing.RecordedSpan;
import ai.honeyhive.testing.RecordingHoneyHiveServer;
import ai.honeyhive.testing.Response;
import ai.honeyhive.testing.Route;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Spans through an OpenTelemetry Collector (a recording server standing in for it), session calls to HoneyHive: each
 * gets its own headers, and the API key never reaches the collector.
 */
class CollectorEndpointIT {

    private final RecordingHoneyHiveServer honeyhive = RecordingHoneyHiveServer.start();
    private final RecordingHoneyHiveServer collector = RecordingHoneyHiveServer.start();

    @AfterEach
    void stop() {
        honeyhive.close();
        collector.close();
    }

    @Test
    void spansGoToTheCollectorWithItsHeadersAndSessionCallsToHoneyHive() {
        String sessionId;
        try (HoneyHiveTracer tracer = TestTracers.against(honeyhive)
                .otlpEndpoint(collector.baseUrl() + "/opentelemetry/v1/traces")
                .otlpHeaders(Map.of("x-collector-token", "gateway-secret"))
                .build()) {
            sessionId = tracer.sessionId();
            tracer.trace("answer").close();
            assertThat(tracer.flush(TestTracers.WAIT)).isTrue();
            assertThat(tracer.config().toString()).doesNotContain("gateway-secret");
        }

        RecordedSpan answer = collector.awaitSpan(span -> span.name().equals("answer"), TestTracers.WAIT);
        assertThat(answer.sessionId()).isEqualTo(sessionId);
        assertThat(answer.stringAttribute("honeyhive.project")).isEqualTo(TestTracers.PROJECT);
        RecordedRequest export = collector.requests(Route.TRACES).get(0);
        assertThat(export.header("x-collector-token")).contains("gateway-secret");
        assertThat(export.header("Authorization")).isEmpty();
        assertThat(export.headers().toString()).doesNotContain(TestTracers.API_KEY);
        assertThat(export.header("X-Source")).isEmpty();
        assertThat(collector.requests(Route.SESSION_START)).isEmpty();

        assertThat(honeyhive.requests(Route.TRACES)).isEmpty();
        RecordedRequest start = honeyhive.requests(Route.SESSION_START).get(0);
        assertThat(start.header("Authorization")).contains("Bearer " + TestTracers.API_KEY);
    }

    @Test
    void aCollectorThatRefusesTheSpansIsWhatTheWarningTellsToCheck() {
        collector.respondByDefault(Route.TRACES, Response.status(401));
        try (LogCapture logs = LogCapture.start();
                HoneyHiveTracer tracer = TestTracers.against(honeyhive)
                        .startSession(false)
                        .otlpEndpoint(collector.baseUrl() + "/opentelemetry/v1/traces")
                        .build()) {
            tracer.trace("refused").close();
            assertThat(tracer.flush(TestTracers.WAIT)).isFalse();
            assertThat(logs.from("ai.honeyhive").stream().map(java.util.logging.LogRecord::getMessage))
                    .anySatisfy(message -> assertThat(message)
                            .contains("did not accept 1 spans")
                            .contains("Check honeyhive.otlp.endpoint")
                            .doesNotContain("honeyhive.api-key"));
        }
    }

    @Test
    void theEnvironmentNamesTheCollectorAndItsHeaders() {
        try (HoneyHiveTracer tracer = HoneyHiveTracer.builder()
                .environment(Map.of(
                        "HH_API_KEY",
                        TestTracers.API_KEY,
                        "HH_API_URL",
                        honeyhive.baseUrl(),
                        "HH_OTLP_ENDPOINT",
                        collector.baseUrl() + "/opentelemetry/v1/traces",
                        "HH_OTLP_HEADERS",
                        "authorization=Bearer collector-key, x-tenant=shop"))
                .project(TestTracers.PROJECT)
                .shutdownHook(false)
                .build()) {
            tracer.trace("from-env").close();
            assertThat(tracer.flush(TestTracers.WAIT)).isTrue();
        }
        collector.awaitSpan(span -> span.name().equals("from-env"), TestTracers.WAIT);
        RecordedRequest export = collector.requests(Route.TRACES).get(0);
        assertThat(export.header("Authorization")).contains("Bearer collector-key");
        assertThat(export.header("x-tenant")).contains("shop");
    }

    @Test
    void headerNamesAreCaseInsensitiveTheLaterEntryAndTheCollectorsOwnWin() {
        try (HoneyHiveTracer tracer = TestTracers.against(honeyhive)
                .startSession(false)
                .otlpEndpoint(collector.baseUrl() + "/opentelemetry/v1/traces")
                .environment(Map.of("HH_OTLP_HEADERS", "user-agent=gateway-client, X-Tenant=first, x-tenant=second"))
                .build()) {
            tracer.trace("cased").close();
            assertThat(tracer.flush(TestTracers.WAIT)).isTrue();
        }
        RecordedRequest export = collector.requests(Route.TRACES).get(0);
        assertThat(values(export, "User-Agent")).containsExactly("gateway-client");
        assertThat(values(export, "X-Tenant")).containsExactly("second");
    }

    @Test
    void aHeaderTheClientSetsItselfFailsTheBuildNamingTheKey() {
        assertThat(buildFailure("Host=collector")).hasMessageContaining("cannot set the header Host");
    }

    @Test
    void aHeaderEntryWithoutANameFailsTheBuildNamingTheKey() {
        assertThat(buildFailure("=s3cret-collector-token"))
                .hasMessageContaining("name=value")
                .hasMessageNotContaining("s3cret-collector-token");
    }

    /** Every value sent under this header name, in any case. */
    private static List<String> values(RecordedRequest request, String header) {
        return request.headers().entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(header))
                .flatMap(entry -> entry.getValue().stream())
                .toList();
    }

    /** The error of a build with these {@code HH_OTLP_HEADERS}, which names the key. */
    private static Throwable buildFailure(String headers) {
        Throwable failure = catchThrowable(() -> HoneyHiveTracer.builder()
                .environment(Map.of("HH_OTLP_HEADERS", headers))
                .testMode(true)
                .shutdownHook(false)
                .build());
        assertThat(failure).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("honeyhive.otlp.headers");
        return failure;
    }
}
