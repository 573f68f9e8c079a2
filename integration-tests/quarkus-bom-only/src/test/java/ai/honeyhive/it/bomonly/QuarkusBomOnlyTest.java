package ai.honeyhive.it.bomonly;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.testing.RecordedRequest;
import ai.honeyhive.testing.RecordedSpan;
import ai.honeyhive.testing.RecordingHoneyHiveResource;
import ai.honeyhive.testing.RecordingHoneyHiveServer;
import ai.honeyhive.testing.Route;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.HttpSenderProvider;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * An application whose POM imports the Quarkus BOM and nothing else is traced: the request's session starts, and its
 * spans reach HoneyHive over OTLP with the OpenTelemetry release Quarkus manages.
 */
@QuarkusTest
@QuarkusTestResource(RecordingHoneyHiveResource.class)
class QuarkusBomOnlyTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void aRequestIsASessionWithItsTracedBeanExportedWithQuarkussOpenTelemetry() {
        Response response = RestAssured.given().queryParam("name", "Ada").get("/greeting");
        response.then().statusCode(200);
        assertThat(response.asString()).isEqualTo("Hello, Ada");
        String session = response.header("X-Session-ID");

        RecordingHoneyHiveServer honeyhive = RecordingHoneyHiveResource.server();
        RecordedSpan request = honeyhive.awaitSpan(
                span -> session.equals(span.sessionId()) && "GET /greeting".equals(span.name()), WAIT);
        RecordedSpan greet = honeyhive.awaitSpan(
                span -> session.equals(span.sessionId()) && span.name().endsWith("greet"), WAIT);
        assertThat(greet.parentSpanId()).isEqualTo(request.spanId());
        assertThat(greet.eventType()).isEqualTo("tool");
        assertThat(greet.stringAttribute("honeyhive.project")).isEqualTo("bom-only-it");

        RecordedRequest start = honeyhive.awaitRequest(
                Route.SESSION_START,
                recorded -> session.equals(recorded.json().at("/session/session_id").asText()),
                WAIT);
        assertThat(start.header("Authorization")).contains("Bearer hh-test-key");
    }

    @Test
    void noOpenTelemetrySenderArtifactIsOnTheClassPath() {
        // The tracer sends with its own JDK-client sender: none of OpenTelemetry's sender artifacts is needed.
        assertThat(ServiceLoader.load(HttpSenderProvider.class)).isEmpty();
        assertThat(CompletableResultCode.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toString())
                .as("the OpenTelemetry SDK Quarkus 3.37 manages")
                .contains("opentelemetry-sdk-common-1.60.");
    }
}
