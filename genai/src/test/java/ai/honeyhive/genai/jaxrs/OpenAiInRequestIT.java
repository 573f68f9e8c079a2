package ai.honeyhive.genai.jaxrs;

import static ai.honeyhive.testing.HoneyHiveAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.genai.GenAiTests;
import ai.honeyhive.jaxrs.HoneyHiveServerFilter;
import ai.honeyhive.testing.OpenAiStandIn;
import ai.honeyhive.testing.RecordedSpan;
import ai.honeyhive.testing.RecordingHoneyHiveServer;
import ai.honeyhive.tracer.HoneyHiveTracer;
import io.smallrye.config.SmallRyeConfig;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/**
 * A CDI application as it is deployed: Jersey 4 with Weld SE 6 discovering this package's beans, MicroProfile Config
 * (SmallRye), the HoneyHive CDI extension and request filter, and an {@code OpenAIClient} that the application's
 * producer instruments with {@code HoneyHiveOpenAi.instrument}. A request's model call is a model event under the
 * traced bean's span, in the request's session.
 */
class OpenAiInRequestIT {

    private static final String QUESTION = "How long do refunds take?";

    @Test
    void aModelCallInARequestIsAModelEventUnderTheTracedBeanInTheRequestsSession() throws Exception {
        HttpResponse<String> response;
        try (RecordingHoneyHiveServer honeyhive = RecordingHoneyHiveServer.start();
                OpenAiStandIn openAi = OpenAiStandIn.start()) {
            SmallRyeConfig config = GenAiTests.registerConfig(
                    honeyhive, Map.of("honeyhive.start-session", "false", "advisor.openai.base-url", openAi.baseUrl()));
            try (WeldContainer weld =
                    new Weld().property("org.jboss.weld.se.shutdownHook", false).initialize()) {
                HttpServer http = GrizzlyHttpServerFactory.createHttpServer(
                        URI.create("http://127.0.0.1:0/"),
                        new ResourceConfig(AdviceResource.class).register(HoneyHiveServerFilter.class));
                try {
                    int port = http.getListeners().iterator().next().getPort();
                    URI uri = URI.create("http://127.0.0.1:" + port + "/advice?q="
                            + URLEncoder.encode(QUESTION, StandardCharsets.UTF_8));
                    response = HttpClient.newHttpClient()
                            .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
                } finally {
                    http.shutdownNow();
                }
                assertThat(weld.select(HoneyHiveTracer.class).get().flush(Duration.ofSeconds(30)))
                        .isTrue();
            } finally {
                ConfigProviderResolver.instance().releaseConfig(config);
            }

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(OpenAiStandIn.DEFAULT_ANSWER);
            String session = response.headers()
                    .firstValue(HoneyHiveServerFilter.SESSION_HEADER)
                    .orElseThrow();
            RecordedSpan request = honeyhive.span("GET /advice");
            RecordedSpan advisor = honeyhive.span("Advisor.advise");
            assertThat(advisor).hasParent(request).hasSessionId(session);
            List<RecordedSpan> models = honeyhive.spans().stream()
                    .filter(span -> "model".equals(span.eventType()))
                    .toList();
            assertThat(models).hasSize(1);
            RecordedSpan model = models.get(0);
            assertThat(model)
                    .hasParent(advisor)
                    .hasSessionId(session)
                    .hasAttribute("honeyhive_config.model", "gpt-4o-mini")
                    .hasAttribute("honeyhive_config.provider", "openai")
                    .hasAttribute("honeyhive_outputs.role", "assistant")
                    .hasAttribute("honeyhive_outputs.content", OpenAiStandIn.DEFAULT_ANSWER)
                    .hasAttribute("honeyhive_metadata.output_tokens", 10L)
                    .hasAttribute(
                            "honeyhive_inputs.chat_history", "[{\"role\":\"user\",\"content\":\"" + QUESTION + "\"}]");
        }
    }
}
