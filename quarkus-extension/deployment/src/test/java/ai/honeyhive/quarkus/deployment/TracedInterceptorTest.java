package ai.honeyhive.quarkus.deployment;

import static ai.honeyhive.testing.HoneyHiveAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.honeyhive.cdi.HoneyHive;
import ai.honeyhive.cdi.Traced;
import ai.honeyhive.testing.RecordedSpan;
import ai.honeyhive.testing.ReservedRecordingServer;
import ai.honeyhive.tracer.EventType;
import ai.honeyhive.tracer.HoneyHiveTracer;
import ai.honeyhive.tracer.SessionScope;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The build steps register the tracer beans and the @Traced interceptor, with Mutiny and CompletionStage results. */
class TracedInterceptorTest {

    static final ReservedRecordingServer honeyhive = new ReservedRecordingServer("traced");

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Assistant.class, Retriever.class))
            .overrideConfigKey("honeyhive.api-key", "hh-test-key")
            .overrideConfigKey("honeyhive.project", "quarkus-unit")
            .overrideConfigKey("honeyhive.server-url", honeyhive.url())
            .overrideConfigKey("honeyhive.start-session", "false")
            .overrideConfigKey("honeyhive.disable-batch", "true")
            .overrideConfigKey("honeyhive.tracers.billing.project", "billing-project")
            .overrideConfigKey("honeyhive.tracers.billing.capture.inputs", "false");

    @Inject
    Assistant assistant;

    @Inject
    HoneyHiveTracer tracer;

    @Inject
    @HoneyHive("billing")
    HoneyHiveTracer billing;

    @Test
    void theTracerBeansAreConfiguredFromTheHoneyhiveKeys() {
        assertThat(tracer.project()).isEqualTo("quarkus-unit");
        assertThat(tracer.isTestMode()).isFalse();
        assertThat(billing.project()).isEqualTo("billing-project");
        assertThat(billing).isNotSameAs(tracer);
    }

    @Test
    void aTracedMethodRecordsItsArgumentsResultAndNesting() {
        honeyhive.server();
        try (SessionScope session = tracer.withSession("sync")) {
            assertThat(assistant.answer("what is a span?", 2)).isEqualTo("2 answers to what is a span?");
        }
        RecordedSpan answer = awaitSpan(candidate -> candidate.name().equals("Assistant.answer")
                && "what is a span?".equals(candidate.stringAttribute("honeyhive_inputs.question")));
        RecordedSpan search = awaitSpan(candidate ->
                candidate.name().equals("retrieval") && answer.spanId().equals(candidate.parentSpanId()));
        assertThat(answer.eventType()).isEqualTo("chain");
        assertThat(answer.stringAttribute("honeyhive_inputs.question")).isEqualTo("what is a span?");
        assertThat(answer.attribute("honeyhive_inputs.count")).contains(2L);
        assertThat(answer.stringAttribute("honeyhive_outputs.result")).isEqualTo("2 answers to what is a span?");
        assertThat(search.eventType()).isEqualTo("tool");
        assertThat(search.parentSpanId()).isEqualTo(answer.spanId());
        assertThat(search.sessionId()).isEqualTo(answer.sessionId());
    }

    @Test
    void aUniEndsItsSpanWhenItsItemArrivesAndItsPipelineRunsInsideTheSpan() {
        honeyhive.server();
        Uni<String> reply = assistant.draft("hello");
        String item = reply.await().atMost(Duration.ofSeconds(10));
        assertThat(item).isEqualTo("draft: 1 answers to hello");
        RecordedSpan draft = awaitSpan(candidate -> candidate.name().equals("Assistant.draft"));
        assertThat(draft.stringAttribute("honeyhive_outputs.result")).isEqualTo("draft: 1 answers to hello");
        RecordedSpan inner = awaitSpan(candidate ->
                candidate.name().equals("Assistant.answer") && draft.spanId().equals(candidate.parentSpanId()));
        assertThat(inner.traceId()).isEqualTo(draft.traceId());
    }

    @Test
    void aFailedUniIsRecordedAsTheSpansError() {
        honeyhive.server();
        assertThatThrownBy(() -> assistant.failLater().await().atMost(Duration.ofSeconds(10)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("model overloaded");
        RecordedSpan span = awaitSpan(candidate -> candidate.name().equals("Assistant.failLater"));
        assertThat(span.stringAttribute("honeyhive_error")).contains("model overloaded");
    }

    @Test
    void aMultiEndsItsSpanWhenItCompletes() {
        honeyhive.server();
        Multi<String> tokens = assistant.stream();
        assertThat(honeyhive.server().spans()).noneMatch(span -> span.name().equals("Assistant.stream"));
        assertThat(tokens.collect().asList().await().atMost(Duration.ofSeconds(10)))
                .containsExactly("a", "b", "c");
        assertThat(awaitSpan(candidate -> candidate.name().equals("Assistant.stream"))
                        .eventType())
                .isEqualTo("model");
    }

    @Test
    void aCompletionStageEndsItsSpanWhenItCompletes() throws Exception {
        honeyhive.server();
        CompletableFuture<String> gate = new CompletableFuture<>();
        CompletionStage<String> stage = assistant.later(gate);
        assertThat(stage.toCompletableFuture()).isNotDone();
        gate.complete("done");
        assertThat(stage.toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo("done");
        RecordedSpan span = awaitSpan(candidate -> candidate.name().equals("Assistant.later"));
        assertThat(span.stringAttribute("honeyhive_outputs.result")).isEqualTo("done");
    }

    @Test
    void aNamedTracerSendsWithItsOwnProjectAndCaptureSettings() {
        honeyhive.server();
        assistant.bill("card-4242");
        RecordedSpan span = awaitSpan(candidate -> candidate.name().equals("Assistant.bill"));
        assertThat(span.stringAttribute("honeyhive.project")).isEqualTo("billing-project");
        assertThat(span.attributes()).doesNotContainKey("honeyhive_inputs.card");
    }

    @Test
    void aMutinyTypeThatIsNotExactlyUniOrMultiIsReturnedAsItIs() {
        honeyhive.server();
        UnicastProcessor<String> queue = assistant.queue();
        queue.onNext("x");
        queue.onComplete();
        assertThat(queue.collect().asList().await().atMost(Duration.ofSeconds(10)))
                .containsExactly("x");
        assertThat(awaitSpan(span -> span.name().equals("Assistant.queue"))).isNotNull();
    }

    @Test
    void aStaticTracedMethodIsInterceptedOnQuarkus() {
        honeyhive.server();
        assertThat(Assistant.normalize("  Hi ")).isEqualTo("hi");
        assertThat(awaitSpan(span -> span.name().equals("Assistant.normalize"))
                        .stringAttribute("honeyhive_outputs.result"))
                .isEqualTo("hi");
    }

    static RecordedSpan awaitSpan(Predicate<RecordedSpan> wanted) {
        return honeyhive.awaitSpan(wanted);
    }

    @ApplicationScoped
    public static class Assistant {

        @Inject
        Retriever retriever;

        @Traced(eventType = EventType.CHAIN)
        public String answer(String question, int count) {
            return retriever.search(question, count);
        }

        @Traced
        public Uni<String> draft(String question) {
            // Runs when subscribed: the answer span must still be a child of this one.
            return Uni.createFrom().item(() -> "draft: " + answer(question, 1)).emitOn(delayed());
        }

        @Traced
        public Uni<String> failLater() {
            return Uni.createFrom()
                    .<String>failure(new IllegalStateException("model overloaded"))
                    .emitOn(delayed());
        }

        @Traced(eventType = EventType.MODEL)
        public Multi<String> stream() {
            return Multi.createFrom().items("a", "b", "c").emitOn(delayed());
        }

        @Traced
        public CompletionStage<String> later(CompletableFuture<String> gate) {
            return gate;
        }

        @Traced(tracer = "billing")
        public void bill(String card) {}

        @Traced
        public UnicastProcessor<String> queue() {
            return UnicastProcessor.create();
        }

        @Traced
        static String normalize(String text) {
            return text.strip().toLowerCase(java.util.Locale.ROOT);
        }

        private static Executor delayed() {
            return CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS);
        }
    }

    @ApplicationScoped
    public static class Retriever {
        @Traced(name = "retrieval", eventType = EventType.TOOL)
        public String search(String question, int count) {
            return count + " answers to " + question;
        }
    }
}
