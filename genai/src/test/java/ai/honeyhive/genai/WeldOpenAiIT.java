package ai.honeyhive.genai;

import static ai.honeyhive.testing.HoneyHiveAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.cdi.Traced;
import ai.honeyhive.cdi.internal.HoneyHiveCdiExtension;
import ai.honeyhive.testing.OpenAiStandIn;
import ai.honeyhive.testing.RecordedSpan;
import ai.honeyhive.testing.RecordingHoneyHiveServer;
import ai.honeyhive.tracer.EventType;
import ai.honeyhive.tracer.HoneyHiveTracer;
import ai.honeyhive.tracer.SessionScope;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.smallrye.config.SmallRyeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * On CDI (Weld SE 6 with the HoneyHive extension and MicroProfile Config): an instrumented {@code OpenAIClient}
 * produced with {@link HoneyHiveOpenAi#instrument} and injected into a {@code @Traced} bean; its call is a model event,
 * a child of the bean's span, in the session of the caller.
 */
class WeldOpenAiIT {

    static OpenAiStandIn openAi;

    private final RecordingHoneyHiveServer honeyhive = RecordingHoneyHiveServer.start();

    @AfterEach
    void stop() {
        honeyhive.close();
    }

    /** The application's producer: one line. */
    @ApplicationScoped
    static class OpenAiClients {
        @Produces
        @Singleton
        OpenAIClient openAi(HoneyHiveTracer tracer) {
            return HoneyHiveOpenAi.instrument(
                    tracer,
                    OpenAIOkHttpClient.builder()
                            .baseUrl(openAi.baseUrl())
                            .apiKey("sk-test")
                            .build());
        }
    }

    @ApplicationScoped
    static class Advisor {
        @Inject
        OpenAIClient client;

        @Traced(name = "Advisor.advise", eventType = EventType.CHAIN)
        String advise(String question) {
            return client.chat()
                    .completions()
                    .create(ChatCompletionCreateParams.builder()
                            .model("gpt-4o-mini")
                            .addUserMessage(question)
                            .build())
                    .choices()
                    .get(0)
                    .message()
                    .content()
                    .orElse("");
        }
    }

    @Test
    void anInjectedInstrumentedClientCalledFromATracedBeanIsAModelEventUnderItInTheCallersSession() {
        SmallRyeConfig config = GenAiTests.registerConfig(honeyhive);
        String session;
        try (OpenAiStandIn standIn = OpenAiStandIn.start()) {
            openAi = standIn;
            try (WeldContainer weld = new Weld()
                    .disableDiscovery()
                    .addExtension(new HoneyHiveCdiExtension())
                    .addBeanClasses(OpenAiClients.class, Advisor.class)
                    .property("org.jboss.weld.se.shutdownHook", false)
                    .initialize()) {
                HoneyHiveTracer tracer = weld.select(HoneyHiveTracer.class).get();
                try (SessionScope scope = tracer.withSession("advice")) {
                    session = scope.sessionId();
                    assertThat(weld.select(Advisor.class).get().advise("How long do refunds take?"))
                            .isEqualTo(OpenAiStandIn.DEFAULT_ANSWER);
                }
                assertThat(tracer.flush(Duration.ofSeconds(30))).isTrue();
            }
        } finally {
            ConfigProviderResolver.instance().releaseConfig(config);
        }

        RecordedSpan chain = honeyhive.span("Advisor.advise");
        RecordedSpan model = honeyhive.spans().stream()
                .filter(span -> "model".equals(span.eventType()))
                .findFirst()
                .orElseThrow();
        assertThat(model)
                .hasParent(chain)
                .hasSessionId(session)
                .hasAttribute("honeyhive_outputs.content", OpenAiStandIn.DEFAULT_ANSWER)
                .hasAttribute(
                        "honeyhive_inputs.chat_history",
                        "[{\"role\":\"user\",\"content\":\"How long do refunds take?\"}]");
    }
}
