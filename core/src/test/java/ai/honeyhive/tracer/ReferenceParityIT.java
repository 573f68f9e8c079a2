package ai.honeyhive.tracer;

import static ai.honeyhive.testing.HoneyHiveAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.honeyhive.testing.RecordedRequest;
import ai.honeyhive.testing.RecordedSpan;
import ai.honeyhive.testing.RecordingHoneyHiveServer;
import ai.honeyhive.testing.Route;
import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.context.Context;
import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The reference's API where Java needed a form of its own: errors in a {@code trace} block, a configured session
 * started on request, a session's duration, an event id chosen by the application, captured arguments and results,
 * event types by name. Each decoded at the recording server.
 */
class ReferenceParityIT {

    private static final String SESSION = "7d3c2b1a-0f9e-4d8c-b7a6-5e4d3c2b1a09";

    private final RecordingHoneyHiveServer server = RecordingHoneyHiveServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void workRunInATraceRecordsItsExceptionOnTheSpanAndRethrowsTheSameOne() throws Exception {
        IOException failure = new IOException("index unavailable");
        try (HoneyHiveTracer tracer = TestTracers.against(server).build()) {
            assertThatThrownBy(() -> tracer.trace("retrieve", EventType.TOOL, () -> {
                        throw failure;
                    }))
                    .isSameAs(failure);
            IllegalStateException unchecked = new IllegalStateException("no answer");
            assertThatThrownBy(() -> tracer.trace("answer", EventType.CHAIN, () -> {
                        throw unchecked;
                    }))
                    .isSameAs(unchecked);
            String result = tracer.trace("generate", EventType.MODEL, () -> "Refunds take 30 days.");
            StringBuilder ran = new StringBuilder();
            tracer.trace("log", EventType.TOOL, () -> {
                ran.append("ran");
            });
            IOException checked = new IOException("disk full");
            assertThatThrownBy(() -> tracer.trace("write", EventType.TOOL, () -> writeTo(new StringBuilder(), checked)))
                    .isSameAs(checked);

            assertThat(result).isEqualTo("Refunds take 30 days.");
            assertThat(ran).hasToString("ran");
            assertThat(tracer.flush(TestTracers.WAIT)).isTrue();
        }

        RecordedSpan retrieve = server.span("retrieve");
        assertThat(retrieve).hasEventType("tool").hasError("java.io.IOException: index unavailable");
        assertThat(retrieve.events()).singleElement().satisfies(event -> {
            assertThat(event.name()).isEqualTo("exception");
            assertThat(event.attributes()).containsEntry("exception.type", "java.io.IOException");
        });
        assertThat(server.span("answer")).hasEventType("chain").hasError("java.lang.IllegalStateException: no answer");
        assertThat(server.span("generate").statusCode()).isEqualTo("STATUS_CODE_UNSET");
        assertThat(server.span("generate")).hasEventType("model").hasNoAttribute("honeyhive_error");
        assertThat(server.span("log").events()).isEmpty();
        assertThat(server.span("write")).hasError("java.io.IOException: disk full");
    }

    /** A method without a result that throws a checked exception, as a {@code TracedAction} runs it. */
    private static void writeTo(StringBuilder target, IOException failure) throws IOException {
        target.append("writing");
        throw failure;
    }

    @Test
    void workRunInATraceIsAChildOfTheCurrentSpanAndItsSpansAreItsChildren() {
        try (HoneyHiveTracer tracer = TestTracers.against(server).build()) {
            try (HoneyHiveSpan request = tracer.trace("request", EventType.CHAIN)) {
                tracer.trace("answer", EventType.CHAIN, () -> {
                    try (HoneyHiveSpan ignored = tracer.trace("lookup")) {
                        return "done";
                    }
                });
            }
            assertThat(tracer.flush(TestTracers.WAIT)).isTrue();
        }
        assertThat(server.span("answer")).hasParent(server.span("request"));
        assertThat(server.span("lookup")).hasParent(server.span("answer"));
    }

    @Test
    void aConfiguredSessionIdIsStartedOnlyWhenStartSessionIsSetWithIt() {
        try (HoneyHiveTracer linked =
                TestTracers.against(server).sessionId(SESSION).build()) {
            try (HoneyHiveSpan ignored = linked.trace("step")) {
                // traced into the existing session
            }
            assertThat(linked.flush(TestTracers.WAIT)).isTrue();
        }
        assertThat(server.requests(Route.SESSION_START))
                .as("an existing session is not started")
                .isEmpty();
        assertThat(server.span("step")).hasSessionId(SESSION);

        server.reset();
        try (HoneyHiveTracer started = TestTracers.against(server)
                .sessionId(SESSION.toUpperCase())
                .startSession(true)
                .sessionName("nightly-eval")
                .inputs(Map.of("question", "How long do refunds take?"))
                .evaluation(true)
                .runId("run-7")
                .datasetId("dataset-3")
                .datapointId("datapoint-11")
                .build()) {
            assertThat(started.flush(TestTracers.WAIT)).isTrue();
        }
        JsonNode session = server.requests(Route.SESSION_START).get(0).json().get("session");
        assertThat(session.get("session_id").asText()).isEqualTo(SESSION);
        assertThat(session.get("session_name").asText()).isEqualTo("nightly-eval");
        assertThat(session.at("/inputs/question").asText()).isEqualTo("How long do refunds take?");
        assertThat(session.at("/metadata/run_id").asText()).isEqualTo("run-7");
        assertThat(session.at("/metadata/dataset_id").asText()).isEqualTo("dataset-3");
        assertThat(session.at("/metadata/datapoint_id").asText()).isEqualTo("datapoint-11");
        assertThat(server.requests(Route.SESSION_START)).hasSize(1);
    }

    @Test
    void enrichSessionSendsTheSessionsDurationInMilliseconds() {
        String session;
        try (HoneyHiveTracer tracer = TestTracers.against(server).build()) {
            session = tracer.sessionId();
            tracer.enrichSession(SessionEnrichment.builder()
                    .duration(Duration.ofMillis(1500).plusNanos(250_000))
                    .build());
            tracer.enrichSession(SessionEnrichment.builder()
                    .outputs(Map.of("answer", "Refunds take 30 days."))
                    .duration(Duration.ofSeconds(2))
                    .build());
            assertThat(tracer.flush(TestTracers.WAIT)).isTrue();
        }
        List<JsonNode> updates = server.requests(Route.EVENTS).stream()
                .map(RecordedRequest::json)
                .toList();
        assertThat(updates).hasSize(2).allSatisfy(update -> assertThat(
                        update.get("event_id").asText())
                .isEqualTo(session));
        // Two updates of one session may go out in either order.
        JsonNode durationOnly = updates.stream()
                .filter(update -> !update.has("outputs"))
                .findFirst()
                .orElseThrow();
        JsonNode withOutputs = updates.stream()
                .filter(update -> update.has("outputs"))
                .findFirst()
                .orElseThrow();
        assertThat(durationOnly.get("duration").asDouble()).isEqualTo(1500.25);
        assertThat(withOutputs.get("duration").asDouble()).isEqualTo(2000.0);
        assertThat(withOutputs.at("/outputs/answer").asText()).isEqualTo("Refunds take 30 days.");
        assertThatThrownBy(() -> SessionEnrichment.builder().duration(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duration");
    }

    @Test
    void anEventIdChosenOrAssignedByTheApplicationIsTheSpansEventId() throws Exception {
        String chosen = "0b5b1c5e-6e1f-4c5e-9f3a-2d2f6f0c9a11";
        String assigned;
        String assignedAgain;
        String closedSpanId;
        Set<String> concurrent = ConcurrentHashMap.newKeySet();
        try (HoneyHiveTracer tracer = TestTracers.against(server).build()) {
            HoneyHiveSpan chosenSpan = tracer.trace("chosen");
            chosenSpan.setEventId(chosen.toUpperCase());
            assertThat(chosenSpan.eventId()).isEqualTo(chosen);
            chosenSpan.close();
            closedSpanId = chosenSpan.eventId();
            try (HoneyHiveSpan span = tracer.trace("invalid")) {
                span.setEventId("not-a-uuid");
            }
            Callable<String[]> traced = tracer.traced(
                    "assigned", EventType.CHAIN, () -> new String[] {tracer.currentEventId(), tracer.currentEventId()});
            String[] ids = traced.call();
            assigned = ids[0];
            assignedAgain = ids[1];
            assertThat(tracer.currentEventId()).as("no span is current").isNull();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try (HoneyHiveSpan shared = tracer.trace("shared")) {
                List<Callable<Boolean>> askers =
                        Collections.nCopies(64, Context.current().wrap(() -> concurrent.add(tracer.currentEventId())));
                for (Future<Boolean> asked : pool.invokeAll(askers)) {
                    asked.get();
                }
            } finally {
                pool.shutdown();
            }
            assertThat(tracer.flush(TestTracers.WAIT)).isTrue();
        }
        assertThat(server.span("chosen")).hasAttribute("honeyhive_event_id", chosen);
        assertThat(closedSpanId).as("an ended span keeps its id").isEqualTo(chosen);
        assertThat(server.span("invalid")).hasNoAttribute("honeyhive_event_id");
        assertThat(assigned).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(assignedAgain).isEqualTo(assigned);
        assertThat(server.span("assigned")).hasAttribute("honeyhive_event_id", assigned);
        assertThat(concurrent).as("threads asking at once get one id").hasSize(1);
        assertThat(server.span("shared"))
                .hasAttribute("honeyhive_event_id", concurrent.iterator().next());
    }

    @Test
    void tracedFunctionsRecordTheirArgumentsAndResultsAndRecordTheirExceptions() {
        record Doc(String title, int words) {}
        try (HoneyHiveTracer tracer = TestTracers.against(server).build()) {
            Function<String, List<Doc>> search = tracer.traced(
                    "retrieve", EventType.TOOL, "query", query -> List.of(new Doc(query + " policy", 120)));
            BiFunction<String, Integer, String> answer = tracer.traced(
                    "answer", EventType.MODEL, "question", "max_tokens", (question, maxTokens) -> "30 days");
            Function<String, String> failing = tracer.traced("failing", EventType.TOOL, "input", input -> {
                throw new IllegalArgumentException("bad " + input);
            });
            try (HoneyHiveSpan request = tracer.trace("request", EventType.CHAIN)) {
                assertThat(search.apply("refund")).hasSize(1);
                assertThat(answer.apply("How long?", 64)).isEqualTo("30 days");
                assertThatThrownBy(() -> failing.apply("x")).hasMessage("bad x");
            }
            assertThat(tracer.flush(TestTracers.WAIT)).isTrue();
        }
        RecordedSpan request = server.span("request");
        assertThat(server.span("retrieve"))
                .hasParent(request)
                .hasEventType("tool")
                .hasInput("query", "refund")
                .hasOutput("result.0.title", "refund policy")
                .hasOutput("result.0.words", 120L);
        assertThat(server.span("answer"))
                .hasEventType("model")
                .hasInput("question", "How long?")
                .hasInput("max_tokens", 64L)
                .hasOutput("result", "30 days");
        assertThat(server.span("failing"))
                .hasInput("input", "x")
                .hasError("java.lang.IllegalArgumentException: bad x")
                .hasNoAttribute("honeyhive_outputs.result");
    }

    @Test
    void anEventTypeGivenByNameIsThatTypeOrDetectedWithTheNameKept() {
        try (HoneyHiveTracer tracer = TestTracers.against(server).build()) {
            tracer.trace("by-name", "Chain").close();
            tracer.trace("llm_completion", "openai_gpt4").close();
            tracer.trace("llm_with_model", "openai_gpt4", Map.of("gen_ai.request.model", "gpt-4"))
                    .close();
            assertThat(tracer.flush(TestTracers.WAIT)).isTrue();
        }
        assertThat(server.span("by-name")).hasEventType("chain").hasNoAttribute("honeyhive_metadata.event_type");
        assertThat(server.span("llm_completion"))
                .hasEventType("tool")
                .hasAttribute("honeyhive_metadata.event_type", "openai_gpt4");
        assertThat(server.span("llm_with_model"))
                .hasEventType("model")
                .hasAttribute("honeyhive_metadata.event_type", "openai_gpt4");
    }
}
