package ai.honeyhive.it.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.testing.RecordingHoneyHiveResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What an operator of a Quarkus application sees of delivery to HoneyHive: the readiness check "HoneyHive delivery"
 * with SmallRye Health, and the meters with Micrometer's Prometheus registry, both reading the tracer's own counts.
 */
@QuarkusTest
@QuarkusTestResource(
        value = RecordingHoneyHiveResource.class,
        initArgs = @ResourceArg(name = "api-key", value = "hh-it-key"))
class DeliveryVisibilityTest {

    @BeforeEach
    void startServer() {
        RecordingHoneyHiveResource.server();
    }

    @Test
    void theReadinessCheckIsUpWithTheTracersCounts() {
        String session = RestAssured.given()
                .queryParam("q", "refunds")
                .get("/support/answer")
                .then()
                .statusCode(200)
                .extract()
                .header("X-Session-ID");
        RecordingHoneyHiveResource.awaitSpan(
                span -> session.equals(span.sessionId()) && span.name().equals("GET /support/answer"));

        JsonPath ready = RestAssured.get("/q/health/ready")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Object> check = ready.getMap("checks.find { it.name == 'HoneyHive delivery' }");
        assertThat(check).containsEntry("status", "UP");
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) check.get("data");
        assertThat(((Number) data.get("default.spans.delivered")).longValue()).isPositive();
        assertThat(((Number) data.get("default.session-calls.delivered")).longValue())
                .isPositive();
        assertThat(data).containsEntry("default.spans.dropped", 0).containsKey("state");
    }

    @Test
    void theMetersCountSpansAndSessionCallsByOutcome() {
        RestAssured.given()
                .queryParam("q", "refunds")
                .get("/support/answer")
                .then()
                .statusCode(200);
        RecordingHoneyHiveResource.awaitSpan(span -> span.name().equals("GET /support/answer"));

        String metrics =
                RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics)
                .contains("honeyhive_spans_total{outcome=\"delivered\",tracer=\"default\"}")
                .contains("honeyhive_spans_total{outcome=\"dropped\",tracer=\"default\"} 0.0")
                .contains("honeyhive_session_calls_total{outcome=\"delivered\",tracer=\"default\"}")
                .contains("honeyhive_spans_queued{tracer=\"default\"}");
    }

    @Test
    void aNamedTracerBuiltOnFirstUseHasItsOwnMeters() {
        RestAssured.given()
                .queryParam("q", "refunds")
                .get("/support/audit")
                .then()
                .statusCode(200);
        RecordingHoneyHiveResource.awaitSpan(span -> span.name().equals("AuditLog.record"));

        // The export is counted once its answer is read, a moment after the server has recorded the span.
        String delivered = "honeyhive_spans_total{outcome=\"delivered\",tracer=\"audit\"} 1.0";
        String metrics = "";
        for (long deadline = System.nanoTime() + 10_000_000_000L;
                !metrics.contains(delivered) && System.nanoTime() < deadline; ) {
            metrics = RestAssured.get("/q/metrics")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
        }
        assertThat(metrics)
                .contains("honeyhive_spans_total{outcome=\"delivered\",tracer=\"audit\"} 1.0")
                .contains("honeyhive_spans_queued{tracer=\"audit\"}");
    }
}
