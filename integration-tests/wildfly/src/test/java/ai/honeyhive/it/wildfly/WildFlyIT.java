package ai.honeyhive.it.wildfly;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.it.jakarta.JakartaServer;
import ai.honeyhive.it.jakarta.JakartaServerContract;
import ai.honeyhive.testing.RecordedSpan;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** The shared WAR on WildFly 39.0.1.Final (standalone.xml; its OpenTelemetry subsystems added live). */
class WildFlyIT extends JakartaServerContract {

    @Override
    protected JakartaServer server() {
        return new WildFlyServer();
    }

    /**
     * WildFly differs here. Its OpenTelemetry subsystems put the server's OpenTelemetry (1.48) before
     * {@code WEB-INF/lib}, so the WAR excludes them in {@code jboss-deployment-structure.xml}, and an application that
     * uses the tracer cannot also have the server's telemetry (without the exclusion, the server's SDK fails on the
     * tracer's 1.68 OTLP exporter, and the tracer on the server's API). What is tested instead: the server's
     * telemetry still works for an application without the tracer (the same WAR, its tracer libraries and the
     * exclusion removed), deployed beside the traced one.
     */
    @Override
    @Test
    @Order(Order.DEFAULT + 310)
    protected void anApplicationCanUseTheServersOpenTelemetryAndOursTogether() throws Exception {
        runningServer()
                .deploy(telemetryApplication(
                        "/WEB-INF/lib/honeyhive-",
                        "/WEB-INF/lib/opentelemetry-",
                        "/WEB-INF/jboss-deployment-structure.xml"));

        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        runningServer().applicationUrl("hh-otel") + "/api/assistant/answer?q=plain"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("answer to plain from 2 documents");
        RecordedSpan theirs = collector()
                .awaitSpan(
                        span -> "hh-otel-server"
                                        .equals(span.resourceAttributes().get("service.name"))
                                && span.kind().equals("SPAN_KIND_SERVER"),
                        Duration.ofSeconds(30));
        assertThat(theirs.name()).contains("/assistant/answer");
        runningServer().undeploy("hh-otel.war");
    }
}
