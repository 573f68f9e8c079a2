package ai.honeyhive.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.cdi.internal.TracerRegistry;
import ai.honeyhive.testing.RecordedSpan;
import ai.honeyhive.testing.ReservedRecordingServer;
import io.quarkus.arc.Arc;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.RestAssured;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code honeyhive.jaxrs.tracer} may name a configured tracer the code never injects (so Quarkus has no bean for it):
 * request sessions go to that tracer, as on the other runtimes.
 */
class JaxrsNamedTracerTest {

    static final ReservedRecordingServer honeyhive = new ReservedRecordingServer("jaxrs-named");

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(OrderResource.class))
            .overrideConfigKey("honeyhive.api-key", "hh-test-key")
            .overrideConfigKey("honeyhive.server-url", honeyhive.url())
            .overrideConfigKey("honeyhive.start-session", "false")
            .overrideConfigKey("honeyhive.project", "default-project")
            .overrideConfigKey("honeyhive.tracers.orders.project", "orders-project")
            .overrideConfigKey("honeyhive.jaxrs.tracer", "orders");

    @Test
    void requestsAreTracedByTheNamedTracer() {
        honeyhive.server();
        String sessionId =
                RestAssured.get("/orders").then().statusCode(200).extract().header("X-Session-ID");

        assertThat(sessionId).as("the request got a session").isNotBlank();
        assertThat(Arc.container()
                        .instance(TracerRegistry.class)
                        .get()
                        .tracer("orders")
                        .flush(Duration.ofSeconds(10)))
                .isTrue();
        RecordedSpan request = honeyhive.awaitSpan(span -> span.name().equals("GET /orders"));
        assertThat(request.sessionId()).isEqualTo(sessionId);
        assertThat(request.stringAttribute("honeyhive.project")).isEqualTo("orders-project");
    }

    @Path("/orders")
    public static class OrderResource {
        @GET
        public String orders() {
            return "none";
        }
    }
}
