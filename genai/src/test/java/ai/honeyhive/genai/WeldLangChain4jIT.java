package ai.honeyhive.genai;

import static ai.honeyhive.testing.HoneyHiveAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.cdi.Traced;
import ai.honeyhive.cdi.internal.HoneyHiveCdiExtension;
import ai.honeyhive.genai.internal.cdi.LangChain4jModelsExtension;
import ai.honeyhive.testing.OpenAiStandIn;
import ai.honeyhive.testing.RecordedSpan;
import ai.honeyhive.testing.RecordingHoneyHiveServer;
import ai.honeyhive.tracer.EventType;
import ai.honeyhive.tracer.HoneyHiveTracer;
import ai.honeyhive.tracer.SessionScope;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.smallrye.config.SmallRyeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On CDI (Weld SE 6 with HoneyHive's extensions and MicroProfile Config): LangChain4j
 * models produced by the application without any HoneyHive code get HoneyHive's listener, so their calls, plain and
 * streamed, are model events under the calling bean's span in the caller's session; a model that has the listener
 * already gets no second one.
 */
class WeldLangChain4jIT {

    static OpenAiStandIn openAi;

    private final RecordingHoneyHiveServer honeyhive = RecordingHoneyHiveServer.start();
    private SmallRyeConfig config;

    @BeforeEach
    void configure() {
        config = GenAiTests.registerConfig(honeyhive, Map.of());
        openAi = OpenAiStandIn.start();
    }

    @AfterEach
    void stop() {
        ConfigProviderResolver.instance().releaseConfig(config);
        openAi.close();
        honeyhive.close();
    }

    /** The application's producers: plain LangChain4j, no HoneyHive code. */
    @ApplicationScoped
    static class Models {
        @Produces
        @ApplicationScoped
        ChatModel chat() {
            return OpenAiChatModel.builder()
                    .baseUrl(openAi.baseUrl())
                    .apiKey("sk-test")
                    .modelName("gpt-4o-mini")
                    .build();
        }

        @Produces
        @ApplicationScoped
        StreamingChatModel streaming() {
            return OpenAiStreamingChatModel.builder()
                    .baseUrl(openAi.baseUrl())
                    .apiKey("sk-test")
                    .modelName("gpt-4o-mini")
                    .build();
        }
    }

    @ApplicationScoped
    static class Advisor {
        @Inject
        ChatModel chat;

        @Inject
        StreamingChatModel streaming;

        @Traced(name = "Advisor.advise", eventType = EventType.CHAIN)
        String advise(String question) {
            return chat.chat(question);
        }

        @Traced(name = "Advisor.stream", eventType = EventType.CHAIN)
        CompletableFuture<ChatResponse> stream(String question) {
            CompletableFuture<ChatResponse> response = new CompletableFuture<>();
            streaming.chat(question, new StreamingChatResponseHandler() {
                @Override
                public void onPartialResponse(String partial) {}

                @Override
                public void onCompleteResponse(ChatResponse complete) {
                    response.complete(complete);
                }

                @Override
                public void onError(Throwable error) {
                    response.completeExceptionally(error);
                }
            });
            return response;
        }
    }

    @ApplicationScoped
    static class PlainAdvisor {
        @Inject
        ChatModel chat;

        @Traced(name = "PlainAdvisor.advise", eventType = EventType.CHAIN)
        String advise(String question) {
            return chat.chat(question);
        }
    }

    /** A producer that adds the listener itself. */
    @ApplicationScoped
    static class ListenedAlready {
        @Produces
        @ApplicationScoped
        ChatModel chat(HoneyHiveTracer tracer) {
            return OpenAiChatModel.builder()
                    .baseUrl(openAi.baseUrl())
                    .apiKey("sk-test")
                    .modelName("gpt-4o-mini")
                    .listeners(List.of(new HoneyHiveChatModelListener(tracer)))
                    .build();
        }
    }

    @Test
    void producedModelsCalledFromATracedBeanAreModelEventsUnderItInTheCallersSession() throws Exception {
        String session;
        try (WeldContainer weld = weld(Models.class, Advisor.class)) {
            HoneyHiveTracer tracer = weld.select(HoneyHiveTracer.class).get();
            Advisor advisor = weld.select(Advisor.class).get();
            try (SessionScope scope = tracer.withSession("advice")) {
                session = scope.sessionId();
                assertThat(advisor.advise("How long do refunds take?")).isEqualTo(OpenAiStandIn.DEFAULT_ANSWER);
                assertThat(advisor.stream("And to my card?")
                                .get(30, TimeUnit.SECONDS)
                                .aiMessage()
                                .text())
                        .isEqualTo(OpenAiStandIn.DEFAULT_ANSWER);
            }
            assertThat(tracer.flush(Duration.ofSeconds(30))).isTrue();
        }

        List<RecordedSpan> models = models();
        assertThat(models).hasSize(2);
        for (String[] call :
                new String[][] {{"Advisor.advise", "How long do refunds take?"}, {"Advisor.stream", "And to my card?"}
                }) {
            RecordedSpan model = models.stream()
                    .filter(span ->
                            span.parentSpanId().equals(honeyhive.span(call[0]).spanId()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("No model span under " + call[0] + " among " + models));
            assertThat(model)
                    .hasSessionId(session)
                    .hasAttribute("honeyhive_config.model", "gpt-4o-mini")
                    .hasAttribute("honeyhive_config.provider", "openai")
                    .hasAttribute("honeyhive_outputs.content", OpenAiStandIn.DEFAULT_ANSWER)
                    .hasAttribute(
                            "honeyhive_inputs.chat_history", "[{\"role\":\"user\",\"content\":\"" + call[1] + "\"}]")
                    .hasAttribute("honeyhive_metadata.input_tokens", (long) OpenAiStandIn.PROMPT_TOKENS);
        }
    }

    @Test
    void aModelThatHasTheListenerAlreadyGetsNoSecond() {
        try (WeldContainer weld = weld(ListenedAlready.class, PlainAdvisor.class)) {
            HoneyHiveTracer tracer = weld.select(HoneyHiveTracer.class).get();
            assertThat(weld.select(ChatModel.class).get().listeners())
                    .hasSize(1)
                    .allMatch(HoneyHiveChatModelListener.class::isInstance);
            weld.select(PlainAdvisor.class).get().advise("How long do refunds take?");
            assertThat(tracer.flush(Duration.ofSeconds(30))).isTrue();
        }
        assertThat(models()).hasSize(1);
    }

    @Test
    void theExtensionIsRegisteredForContainersToFind() throws Exception {
        List<String> registered = new ArrayList<>();
        Enumeration<URL> files =
                getClass().getClassLoader().getResources("META-INF/services/" + Extension.class.getName());
        while (files.hasMoreElements()) {
            try (InputStream file = files.nextElement().openStream()) {
                new String(file.readAllBytes(), StandardCharsets.UTF_8).lines().forEach(registered::add);
            }
        }
        assertThat(registered).contains(LangChain4jModelsExtension.class.getName());
    }

    private List<RecordedSpan> models() {
        return honeyhive.spans().stream()
                .filter(span -> "model".equals(span.eventType()))
                .toList();
    }

    /**
     * Weld with HoneyHive's two extensions, added by hand because Weld SE without discovery loads none from
     * {@code META-INF/services}; a container does ({@link #theExtensionIsRegisteredForContainersToFind}).
     */
    private static WeldContainer weld(Class<?>... beans) {
        return new Weld()
                .disableDiscovery()
                .addExtension(new HoneyHiveCdiExtension())
                .addExtension(new LangChain4jModelsExtension())
                .addBeanClasses(beans)
                .property("org.jboss.weld.se.shutdownHook", false)
                .initialize();
    }
}
