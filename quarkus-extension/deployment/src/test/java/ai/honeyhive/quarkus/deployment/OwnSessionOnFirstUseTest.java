package ai.honeyhive.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.cdi.Traced;
import ai.honeyhive.testing.ReservedRecordingServer;
import ai.honeyhive.testing.Route;
import ai.honeyhive.tracer.HoneyHiveTracer;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.RestAssured;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Quarkus application's requests have sessions of their own: the tracer's own session is started only when work
 * outside any request lands in it, so an application serving requests leaves no empty session behind.
 */
class OwnSessionOnFirstUseTest {

    static final ReservedRecordingServer honeyhive = new ReservedRecordingServer("own-session");

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(OrderResource.class, Reports.class))
            .overrideConfigKey("quarkus.application.name", "orders-service")
            .overrideConfigKey("honeyhive.api-key", "hh-test-key")
            .overrideConfigKey("honeyhive.server-url", honeyhive.url())
            .overrideConfigKey("honeyhive.project", "orders");

    @Inject
    HoneyHiveTracer tracer;

    @Inject
    Reports reports;

    private List<String> startedSessionIds() {
        return honeyhive.server().requests(Route.SESSION_START).stream()
                .map(start -> start.json().at("/session/session_id").asText())
                .toList();
    }

    @Test
    void requestsStartOnlyTheirOwnSessionsUntilWorkOutsideRequestsLandsInTheTracers() {
        honeyhive.server();
        String first =
                RestAssured.get("/orders").then().statusCode(200).extract().header("X-Session-ID");
        String second =
                RestAssured.get("/orders").then().statusCode(200).extract().header("X-Session-ID");
        assertThat(tracer.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(startedSessionIds()).containsExactlyInAnyOrder(first, second);

        reports.nightly();
        assertThat(tracer.flush(Duration.ofSeconds(10))).isTrue();

        assertThat(startedSessionIds()).containsExactlyInAnyOrder(first, second, tracer.sessionId());
        assertThat(honeyhive.server().requests(Route.SESSION_START))
                .filteredOn(
                        start -> start.json().at("/session/session_id").asText().equals(tracer.sessionId()))
                .singleElement()
                .satisfies(start -> assertThat(
                                start.json().at("/session/session_name").asText())
                        .isEqualTo("orders-service"));
        assertThat(honeyhive
                        .awaitSpan(span -> span.name().equals("Reports.nightly"))
                        .sessionId())
                .isEqualTo(tracer.sessionId());
    }

    @Path("/orders")
    public static class OrderResource {
        @GET
        public String orders() {
            return "none";
        }
    }

    @ApplicationScoped
    public static class Reports {
        @Traced
        public String nightly() {
            return "done";
        }
    }
}
