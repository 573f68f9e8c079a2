package ai.honeyhive.cdi;

import static ai.honeyhive.testing.HoneyHiveAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.testing.RecordedSpan;
import ai.honeyhive.testing.RecordingHoneyHiveServer;
import ai.honeyhive.tracer.EventType;
import ai.honeyhive.tracer.HoneyHiveTracer;
import ai.honeyhive.tracer.SessionScope;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.trace.ReadableSpan;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InterceptorBinding;
import jakarta.interceptor.InvocationContext;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every @Traced behaviour, on Weld SE, decoded from the OTLP the tracer sends. */
class TracedIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CANARY = "secret-token-6f1e2d";
    static final List<String> SEEN_BY_INTERCEPTORS = new CopyOnWriteArrayList<>();

    private final RecordingHoneyHiveServer server = RecordingHoneyHiveServer.start();

    @AfterEach
    void stop() {
        server.close();
        SEEN_BY_INTERCEPTORS.clear();
    }

    record Question(String text, int priority) {}

    @ApplicationScoped
    static class Assistant {
        @Inject
        Retriever retriever;

        @Traced
        String answer(String question, int priority, Question details, @Traced.Redact String userToken) {
            return retriever.retrieve(question).get(0);
        }

        @Traced(name = "answer_chain", eventType = EventType.CHAIN)
        Map<String, Object> chain(String question) {
            return Map.of("answer", "30 days", "sources", List.of("refund-policy.md"));
        }

        @Traced(captureInputs = Traced.Capture.NEVER, captureOutputs = Traced.Capture.NEVER)
        String quiet(String question) {
            return "quiet answer";
        }

        @Traced(captureInputs = Traced.Capture.ALWAYS)
        String loud(String question) {
            return "loud answer";
        }

        @Traced
        String failChecked(String question) throws IOException {
            throw new IOException("model unreachable");
        }

        @Traced
        String failUnchecked(String question) {
            throw new IllegalStateException("quota exceeded");
        }

        @Traced(eventType = EventType.MODEL)
        CompletionStage<String> later(CompletableFuture<String> result) {
            return result;
        }

        String callsItself(String question) {
            return answer(question, 1, new Question(question, 1), "token");
        }

        @Traced(tracer = "")
        void nothing() {}
    }

    @ApplicationScoped
    static class Retriever {
        @Traced
        List<String> retrieve(String query) {
            return List.of("refund-policy.md");
        }
    }

    @ApplicationScoped
    @Traced(eventType = EventType.CHAIN)
    static class Workflow {
        String step(String input) {
            return "stepped " + input;
        }

        @Traced(enabled = false)
        String untraced(String input) {
            return "untraced " + input;
        }

        @Traced(name = "special", eventType = EventType.MODEL)
        String special(String input) {
            return "special " + input;
        }
    }

    @Dependent
    static class DependentBean {
        @Traced
        String work(String input) {
            return input;
        }
    }

    @RequestScoped
    static class RequestBean {
        @Traced
        String work(String input) {
            return input;
        }
    }

    @InterceptorBinding
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @interface Outer {}

    @InterceptorBinding
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @interface Inner {}

    /** Runs before ours, like a transaction interceptor of the platform: it sees no span yet. */
    @Outer
    @Interceptor
    @Priority(Interceptor.Priority.PLATFORM_BEFORE + 10)
    static class OuterInterceptor {
        @AroundInvoke
        Object around(InvocationContext invocation) throws Exception {
            SEEN_BY_INTERCEPTORS.add("outer saw " + currentSpanName());
            return invocation.proceed();
        }
    }

    /** Runs after ours, like an application interceptor: it runs inside the span. */
    @Inner
    @Interceptor
    @Priority(Interceptor.Priority.APPLICATION + 10)
    static class InnerInterceptor {
        @AroundInvoke
        Object around(InvocationContext invocation) throws Exception {
            SEEN_BY_INTERCEPTORS.add("inner saw " + currentSpanName());
            return invocation.proceed();
        }
    }

    static String currentSpanName() {
        return Span.current() instanceof ReadableSpan readable ? readable.getName() : "no span";
    }

    @ApplicationScoped
    static class Intercepted {
        @Outer
        @Inner
        @Traced
        String work(String input) {
            return input;
        }
    }

    private static final Class<?>[] BEANS = {
        Assistant.class,
        Retriever.class,
        Workflow.class,
        DependentBean.class,
        RequestBean.class,
        OuterInterceptor.class,
        InnerInterceptor.class,
        Intercepted.class
    };

    private Map<String, String> properties() {
        return CdiContainer.exportingTo(server);
    }

    private CdiContainer start() {
        return CdiContainer.start(properties(), BEANS);
    }

    private void flush(CdiContainer container) {
        assertThat(container.get(HoneyHiveTracer.class).flush(WAIT)).isTrue();
    }

    private RecordedSpan span(String name) {
        return server.span(name);
    }

    @Test
    void argumentsAreInputsByParameterNameAndTheResultIsTheOutput() {
        try (CdiContainer container = start()) {
            String answer = container
                    .get(Assistant.class)
                    .answer("How long do refunds take?", 2, new Question("refunds", 1), CANARY);
            flush(container);

            assertThat(answer).isEqualTo("refund-policy.md");
            assertThat(span("Assistant.answer"))
                    .hasEventType("tool")
                    .hasInput("question", "How long do refunds take?")
                    .hasInput("priority", 2L)
                    .hasInput("details", "{\"text\":\"refunds\",\"priority\":1}")
                    .hasNoAttribute("honeyhive_inputs.userToken")
                    .hasOutput("result", "refund-policy.md")
                    .hasSessionId(container.get(HoneyHiveTracer.class).sessionId());
            assertThat(server).as("a redacted argument never travels").hasNoBodyContaining(CANARY);
        }
    }

    @Test
    void nameEventTypeAndStructuredOutputsFollowTheAnnotation() {
        try (CdiContainer container = start()) {
            container.get(Assistant.class).chain("refunds?");
            flush(container);

            assertThat(span("answer_chain"))
                    .hasEventType("chain")
                    .hasOutput("result.answer", "30 days")
                    .hasOutput("result.sources.0", "refund-policy.md");
        }
    }

    @Test
    void captureCanBeTurnedOffPerMethodAndByConfiguration() {
        Map<String, String> properties = properties();
        properties.put("honeyhive.capture.inputs", "false");
        try (CdiContainer container = CdiContainer.start(properties, BEANS)) {
            Assistant assistant = container.get(Assistant.class);
            assistant.quiet("not recorded");
            assistant.loud("recorded anyway");
            assistant.chain("not recorded either");
            flush(container);

            assertThat(span("Assistant.quiet"))
                    .hasNoAttribute("honeyhive_inputs.question")
                    .hasNoAttribute("honeyhive_outputs.result");
            assertThat(span("Assistant.loud")).hasInput("question", "recorded anyway");
            assertThat(span("answer_chain"))
                    .hasNoAttribute("honeyhive_inputs.question")
                    .hasOutput("result.answer", "30 days");
        }
    }

    @Test
    void aCheckedExceptionIsRecordedOnTheSpanAndRethrownAsTheSameInstance() {
        try (CdiContainer container = start()) {
            Assistant assistant = container.get(Assistant.class);

            Throwable checked = org.assertj.core.api.Assertions.catchThrowable(() -> assistant.failChecked("q"));
            Throwable unchecked = org.assertj.core.api.Assertions.catchThrowable(() -> assistant.failUnchecked("q"));
            flush(container);

            assertThat(checked).isExactlyInstanceOf(IOException.class).hasMessage("model unreachable");
            assertThat(unchecked)
                    .isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessage("quota exceeded");
            assertThat(span("Assistant.failChecked")).hasError("java.io.IOException: model unreachable");
            assertThat(span("Assistant.failUnchecked")).hasError("java.lang.IllegalStateException: quota exceeded");
            assertThat(span("Assistant.failChecked").events())
                    .singleElement()
                    .satisfies(event -> assertThat(event.name()).isEqualTo("exception"));
        }
    }

    @Test
    void aCompletionStageEndsTheSpanWhenItCompletesBeforeTheCallerContinues() {
        try (CdiContainer container = start()) {
            Assistant assistant = container.get(Assistant.class);
            CompletableFuture<String> pending = new CompletableFuture<>();
            CompletableFuture<String> failing = new CompletableFuture<>();

            CompletionStage<String> returned = assistant.later(pending);
            CompletionStage<String> returnedFailing = assistant.later(failing);
            flush(container);

            assertThat(returned).isNotDone();
            assertThat(returnedFailing).isNotDone();
            assertThat(server.spans())
                    .as("not ended while the stage is pending")
                    .noneMatch(span -> span.name().equals("Assistant.later"));

            pending.complete("30 days");
            failing.completeExceptionally(new IllegalStateException("model timed out"));
            flush(container);

            List<RecordedSpan> later = server.spans().stream()
                    .filter(span -> span.name().equals("Assistant.later"))
                    .toList();
            assertThat(later).hasSize(2);
            assertThat(later)
                    .anySatisfy(span ->
                            assertThat(span).hasOutput("result", "30 days").hasEventType("model"));
            assertThat(later)
                    .anySatisfy(span -> assertThat(span).hasError("java.lang.IllegalStateException: model timed out"));
            // The caller's stage completes as the method's did, once the span has ended.
            assertThat(returned.toCompletableFuture()).isCompletedWithValue("30 days");
            assertThat(returnedFailing.toCompletableFuture())
                    .failsWithin(Duration.ZERO)
                    .withThrowableOfType(ExecutionException.class)
                    .withCauseInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void nestedTracedCallsParentCorrectlyAndCarryTheCurrentSession() {
        try (CdiContainer container = start()) {
            HoneyHiveTracer tracer = container.get(HoneyHiveTracer.class);
            String sessionId;
            try (SessionScope session = tracer.withSession("cdi-request")) {
                sessionId = session.sessionId();
                container.get(Assistant.class).answer("q", 1, new Question("q", 1), "t");
            }
            flush(container);

            assertThat(span("Retriever.retrieve"))
                    .hasParent(span("Assistant.answer"))
                    .hasSessionId(sessionId);
            assertThat(span("Assistant.answer")).hasSessionId(sessionId);
        }
    }

    @Test
    void classLevelTracedCoversEveryBusinessMethodAndAMethodCanOptOutOrOverride() {
        try (CdiContainer container = start()) {
            Workflow workflow = container.get(Workflow.class);
            assertThat(workflow.step("a")).isEqualTo("stepped a");
            assertThat(workflow.untraced("b")).isEqualTo("untraced b");
            workflow.special("c");
            flush(container);

            assertThat(span("Workflow.step")).hasEventType("chain").hasInput("input", "a");
            assertThat(span("special")).hasEventType("model");
            assertThat(server.spans()).noneMatch(span -> span.name().equals("Workflow.untraced"));
        }
    }

    @Test
    void dependentAndRequestScopedBeansAreTraced() {
        try (CdiContainer container = start()) {
            container.get(DependentBean.class).work("dependent");
            container.inRequest(() -> container.get(RequestBean.class).work("request"));
            flush(container);

            assertThat(span("DependentBean.work")).hasInput("input", "dependent");
            assertThat(span("RequestBean.work")).hasInput("input", "request");
        }
    }

    @Test
    void otherInterceptorsRunOutsideOrInsideTheSpanByPriority() {
        try (CdiContainer container = start()) {
            container.get(Intercepted.class).work("x");
            flush(container);

            assertThat(SEEN_BY_INTERCEPTORS).containsExactly("outer saw no span", "inner saw Intercepted.work");
            assertThat(span("Intercepted.work")).hasInput("input", "x");
        }
    }

    @Test
    void selfInvocationIsNotInterceptedOnWeldSeButCallsThroughInjectedBeansAre() {
        try (CdiContainer container = start()) {
            container.get(Assistant.class).callsItself("self");
            flush(container);

            assertThat(server.spans())
                    .as("this.answer(..) bypasses the interceptor on Weld SE 6")
                    .noneMatch(span -> span.name().equals("Assistant.answer"));
            assertThat(span("Retriever.retrieve")).hasInput("query", "self");
        }
    }
}
