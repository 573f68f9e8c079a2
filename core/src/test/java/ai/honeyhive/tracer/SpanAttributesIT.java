package ai.honeyhive.tracer;

import static ai.honeyhive.testing.HoneyHiveAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.testing.RecordedRequest;
import ai.honeyhive.testing.RecordedSpan;
import ai.honeyhive.testing.RecordingHoneyHiveServer;
import ai.honeyhive.testing.Route;
import ai.honeyhive.tracer.internal.SafeJson;
import com.fasterxml.jackson.databind.node.TextNode;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every attribute rule of the wire contract, checked on spans decoded from real OTLP requests. */
class SpanAttributesIT {

    private final RecordingHoneyHiveServer server = RecordingHoneyHiveServer.start();
    private final HoneyHiveTracer tracer =
            TestTracers.against(server).source("production").build();

    @AfterEach
    void stop() {
        tracer.close();
        server.close();
    }

    private RecordedSpan only(String name) {
        assertThat(tracer.flush(TestTracers.WAIT)).isTrue();
        return server.span(name);
    }

    @Test
    void everySpanCarriesSessionProjectAndSourceWithTheirTraceloopTwins() {
        tracer.trace("retrieve", EventType.TOOL).close();

        RecordedSpan span = only("retrieve");
        assertThat(span)
                .hasAttribute("honeyhive.session_id", tracer.sessionId())
                .hasAttribute("traceloop.association.properties.session_id", tracer.sessionId())
                .hasAttribute("honeyhive.project", TestTracers.PROJECT)
                .hasAttribute("traceloop.association.properties.project", TestTracers.PROJECT)
                .hasAttribute("honeyhive.source", "production")
                .hasAttribute("traceloop.association.properties.source", "production")
                .hasNoAttribute("honeyhive.parent_id")
                .hasNoAttribute("honeyhive_metadata.run_id");
    }

    @Test
    void projectIsLeftOutWhenNoneIsKnown() {
        try (HoneyHiveTracer noProject = HoneyHiveTracer.builder()
                .environment(Map.of())
                .serverUrl(server.baseUrl())
                .apiKey(TestTracers.API_KEY)
                .shutdownHook(false)
                .build()) {
            noProject.trace("anonymous").close();
            assertThat(noProject.flush(TestTracers.WAIT)).isTrue();
        }

        RecordedSpan span = server.spans().get(0);
        assertThat(span).hasNoAttribute("honeyhive.project").hasNoAttribute("traceloop.association.properties.project");
    }

    @Test
    void baggageOverridesSessionProjectSourceAndAddsParentAndEvaluationIds() {
        Baggage baggage = Baggage.builder()
                .put("session_id", "b7c1b1d4-0000-4000-8000-000000000001")
                .put("project", "other-project")
                .put("source", "canary")
                .put("parent_id", "parent-event-1")
                .put("run_id", "run-1")
                .put("dataset_id", "dataset-1")
                .put("datapoint_id", "datapoint-1")
                .build();
        try (Scope ignored = baggage.makeCurrent()) {
            tracer.trace("in-baggage").close();
        }

        assertThat(only("in-baggage"))
                .hasAttribute("honeyhive.session_id", "b7c1b1d4-0000-4000-8000-000000000001")
                .hasAttribute("traceloop.association.properties.session_id", "b7c1b1d4-0000-4000-8000-000000000001")
                .hasAttribute("honeyhive.project", "other-project")
                .hasAttribute("honeyhive.source", "canary")
                .hasAttribute("honeyhive.parent_id", "parent-event-1")
                .hasAttribute("traceloop.association.properties.parent_id", "parent-event-1")
                .hasAttribute("honeyhive_metadata.run_id", "run-1")
                .hasAttribute("honeyhive_metadata.dataset_id", "dataset-1")
                .hasAttribute("honeyhive_metadata.datapoint_id", "datapoint-1");
    }

    @Test
    void evaluationModeStampsTheConfiguredIdsOnEverySpan() {
        try (HoneyHiveTracer evaluation = TestTracers.against(server)
                .evaluation(true)
                .runId("run-7")
                .datasetId("dataset-7")
                .datapointId("datapoint-7")
                .build()) {
            evaluation.trace("scored").close();
            evaluation
                    .provider()
                    .get("instrumentor")
                    .spanBuilder("from-instrumentor")
                    .startSpan()
                    .end();
            assertThat(evaluation.flush(TestTracers.WAIT)).isTrue();
        }

        assertThat(server.spans()).hasSize(2).allSatisfy(span -> assertThat(span)
                .hasAttribute("honeyhive_metadata.run_id", "run-7")
                .hasAttribute("honeyhive_metadata.dataset_id", "dataset-7")
                .hasAttribute("honeyhive_metadata.datapoint_id", "datapoint-7"));
    }

    @Test
    void evaluationIdsAreNotStampedOutsideEvaluationMode() {
        try (HoneyHiveTracer notEvaluating =
                TestTracers.against(server).runId("run-7").build()) {
            notEvaluating.trace("plain").close();
            assertThat(notEvaluating.flush(TestTracers.WAIT)).isTrue();
        }

        assertThat(server.spans().get(0)).hasNoAttribute("honeyhive_metadata.run_id");
    }

    @Test
    void explicitEventTypeIsSentAsItsWireValue() {
        tracer.trace("call-model", EventType.MODEL).close();
        tracer.trace("run-chain", EventType.CHAIN).close();
        tracer.trace("use-tool", EventType.TOOL).close();

        assertThat(only("call-model")).hasEventType("model");
        assertThat(only("run-chain")).hasEventType("chain");
        assertThat(only("use-tool")).hasEventType("tool");
    }

    @Test
    void eventTypeIsDetectedFromInstrumentorAttributesInTheContractsOrder() {
        Tracer instrumentor = tracer.provider().get("instrumentor");
        Map<String, Map<String, String>> spans = new LinkedHashMap<>();
        spans.put("op-chat", Map.of("gen_ai.operation.name", "chat"));
        spans.put("op-text", Map.of("gen_ai.operation.name", "text_completion"));
        spans.put("op-generate", Map.of("gen_ai.operation.name", "generate_content"));
        spans.put("op-agent", Map.of("gen_ai.operation.name", "invoke_agent"));
        spans.put("op-create-agent", Map.of("gen_ai.operation.name", "create_agent"));
        spans.put("op-tool", Map.of("gen_ai.operation.name", "execute_tool"));
        spans.put("oi-llm", Map.of("openinference.span.kind", "LLM"));
        spans.put("oi-chain", Map.of("openinference.span.kind", "CHAIN"));
        spans.put("oi-agent", Map.of("openinference.span.kind", "AGENT"));
        spans.put("oi-retriever", Map.of("openinference.span.kind", "RETRIEVER"));
        spans.put("oi-embedding", Map.of("openinference.span.kind", "EMBEDDING"));
        spans.put("oi-reranker", Map.of("openinference.span.kind", "RERANKER"));
        spans.put("oi-guardrail", Map.of("openinference.span.kind", "GUARDRAIL"));
        spans.put("model-attr", Map.of("gen_ai.request.model", "gpt-4o"));
        spans.put("response-model-attr", Map.of("gen_ai.response.model", "gpt-4o"));
        spans.put("llm-model-attr", Map.of("llm.request.model", "claude"));
        spans.put("operation-beats-kind", Map.of("gen_ai.operation.name", "chat", "openinference.span.kind", "TOOL"));
        spans.put("kind-beats-model", Map.of("openinference.span.kind", "CHAIN", "gen_ai.request.model", "m"));
        spans.put("explicit-wins", Map.of("honeyhive_event_type", "chain", "gen_ai.operation.name", "chat"));
        spans.put("nothing", Map.of());
        spans.forEach((name, attributes) -> {
            var builder = instrumentor.spanBuilder(name);
            attributes.forEach(builder::setAttribute);
            builder.startSpan().end();
        });
        Span late = instrumentor.spanBuilder("model-set-after-start").startSpan();
        late.setAttribute("gen_ai.response.model", "gpt-4o");
        late.end();

        Map<String, String> expected = new LinkedHashMap<>();
        List.of(
                        "op-chat",
                        "op-text",
                        "op-generate",
                        "oi-llm",
                        "model-attr",
                        "response-model-attr",
                        "llm-model-attr",
                        "operation-beats-kind",
                        "model-set-after-start")
                .forEach(name -> expected.put(name, "model"));
        List.of("op-agent", "op-create-agent", "oi-chain", "oi-agent", "kind-beats-model", "explicit-wins")
                .forEach(name -> expected.put(name, "chain"));
        List.of("op-tool", "oi-retriever", "oi-embedding", "oi-reranker", "oi-guardrail", "nothing")
                .forEach(name -> expected.put(name, "tool"));
        expected.forEach((name, type) -> assertThat(only(name)).as(name).hasEventType(type));
    }

    @Test
    void initialAttributesOfTraceAreFlattenedUnderTheirKeys() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("operation_type", "batch");
        attributes.put("batch_size", 100);
        attributes.put("options", Map.of("retries", 3));
        tracer.trace("data_processing", EventType.TOOL, attributes).close();

        assertThat(only("data_processing"))
                .hasAttribute("operation_type", "batch")
                .hasAttribute("batch_size", 100L)
                .hasAttribute("options.retries", 3L);
    }

    @Test
    void durationIsRecordedInMillisecondsWhenTheSpanEnds() {
        tracer.trace("timed").close();

        RecordedSpan span = only("timed");
        Object duration = span.attribute("honeyhive_duration_ms").orElseThrow();
        assertThat(duration).isInstanceOf(Double.class);
        assertThat((Double) duration)
                .isCloseTo(
                        (span.endEpochNanos() - span.startEpochNanos()) / 1_000_000.0,
                        org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void exceptionIsRecordedOnTheSameSpanWithStatusErrorAndOneExceptionEvent() {
        try (HoneyHiveSpan span = tracer.trace("risky", EventType.TOOL)) {
            try {
                throw new IllegalStateException("quota exceeded");
            } catch (IllegalStateException e) {
                span.recordException(e);
            }
        }

        RecordedSpan span = only("risky");
        assertThat(span).hasError("java.lang.IllegalStateException: quota exceeded");
        assertThat(span.events()).singleElement().satisfies(event -> {
            assertThat(event.name()).isEqualTo("exception");
            assertThat(event.attributes()).containsEntry("exception.type", "java.lang.IllegalStateException");
        });
        assertThat(server.spans()).as("no extra error span").hasSize(1);
    }

    @Test
    void tracedWrapperRecordsTheExceptionAndRethrowsTheSameInstance() {
        IllegalArgumentException thrown = new IllegalArgumentException("bad input");

        Runnable failing = tracer.traced("wrapped", EventType.TOOL, (Runnable) () -> {
            throw thrown;
        });

        org.assertj.core.api.Assertions.assertThatThrownBy(failing::run).isSameAs(thrown);
        assertThat(only("wrapped")).hasError("java.lang.IllegalArgumentException: bad input");
    }

    @Test
    void enrichSpanWritesTheSevenNamespacesAndTheError() {
        try (HoneyHiveSpan ignored = tracer.trace("enriched", EventType.MODEL)) {
            tracer.enrichSpan(Enrichment.builder()
                    .inputs(Map.of("question", "What is the refund policy?"))
                    .outputs(Map.of("answer", Map.of("text", "30 days", "citations", List.of("doc-1", "doc-2"))))
                    .metadata(Map.of("experiment", "b"))
                    .metrics(Map.of("score", 0.9, "tokens", 412))
                    .feedback(Map.of("thumbs_up", true))
                    .config(Map.of("model", "gpt-4o", "temperature", 0.2))
                    .userProperties(Map.of("user_id", "u-1"))
                    .error("partial answer")
                    .build());
        }

        assertThat(only("enriched"))
                .hasInput("question", "What is the refund policy?")
                .hasOutput("answer.text", "30 days")
                .hasOutput("answer.citations.0", "doc-1")
                .hasOutput("answer.citations.1", "doc-2")
                .hasAttribute("honeyhive_metadata.experiment", "b")
                .hasAttribute("honeyhive_metrics.score", 0.9)
                .hasAttribute("honeyhive_metrics.tokens", 412L)
                .hasAttribute("honeyhive_feedback.thumbs_up", true)
                .hasAttribute("honeyhive_config.model", "gpt-4o")
                .hasAttribute("honeyhive_config.temperature", 0.2)
                .hasAttribute("honeyhive_user_properties.user_id", "u-1")
                .hasAttribute("honeyhive_error", "partial answer");
    }

    @Test
    void enrichCurrentSpanWritesAnUntypedMapAsMetadata() {
        try (HoneyHiveSpan ignored = tracer.trace("process_user_request")) {
            tracer.enrichCurrentSpan(Map.of("user.tier", "premium", "request", Map.of("size", 12)));
        }

        assertThat(only("process_user_request"))
                .hasAttribute("honeyhive_metadata.user.tier", "premium")
                .hasAttribute("honeyhive_metadata.request.size", 12L);
    }

    record Document(String id, double score, List<String> tags, Document parent) {}

    static final class Customer {
        private final String name = "Ada";
        private final int orders = 3;

        public String getName() {
            return name;
        }

        public int getOrders() {
            return orders;
        }
    }

    @Test
    void flatteningFollowsTheContract() {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("text", "hello");
        inputs.put("flag", true);
        inputs.put("count", 7);
        inputs.put("ratio", 0.25f);
        inputs.put("missing", null);
        inputs.put("empty_map", Map.of());
        inputs.put("empty_list", List.of());
        inputs.put("record", new Document("d-1", 0.5, List.of("a"), null));
        inputs.put("pojo", new Customer());
        inputs.put("array", new int[] {4, 5});
        inputs.put("nested", Map.of("list", List.of(Map.of("k", "v"))));
        try (HoneyHiveSpan ignored = tracer.trace("flattened")) {
            tracer.enrichSpan(Enrichment.builder().inputs(inputs).build());
        }

        RecordedSpan span = only("flattened");
        assertThat(span)
                .hasInput("text", "hello")
                .hasInput("flag", true)
                .hasInput("count", 7L)
                .hasInput("ratio", 0.25)
                .hasInput("record.id", "d-1")
                .hasInput("record.score", 0.5)
                .hasInput("record.tags.0", "a")
                .hasInput("pojo.name", "Ada")
                .hasInput("pojo.orders", 3L)
                .hasInput("array.0", 4L)
                .hasInput("array.1", 5L)
                .hasInput("nested.list.0.k", "v");
        assertThat(span.attributes().keySet())
                .as("nulls and empty containers write nothing")
                .noneMatch(key -> key.startsWith("honeyhive_inputs.missing")
                        || key.startsWith("honeyhive_inputs.empty_")
                        || key.startsWith("honeyhive_inputs.record.parent"));
    }

    @Test
    void limitsCutDepthCountAndLength() {
        Map<String, Object> deep = new LinkedHashMap<>();
        Map<String, Object> level = deep;
        for (int i = 0; i < 12; i++) {
            Map<String, Object> next = new LinkedHashMap<>();
            level.put("l" + i, next);
            level = next;
        }
        level.put("leaf", "bottom");
        Map<String, Object> wide = new LinkedHashMap<>();
        for (int i = 0; i < 2000; i++) {
            wide.put("k" + i, i);
        }
        try (HoneyHiveSpan ignored = tracer.trace("limited")) {
            tracer.enrichSpan(Enrichment.builder()
                    .inputs(Map.of("deep", deep, "long", "x".repeat(100_000)))
                    .metadata(wide)
                    .build());
        }

        RecordedSpan span = only("limited");
        String longValue = span.stringAttribute("honeyhive_inputs.long");
        assertThat(longValue).hasSize(16 * 1024).endsWith("...[truncated]");
        String deepKey = "honeyhive_inputs.deep.l0.l1.l2.l3.l4.l5.l6";
        assertThat(span.stringAttribute(deepKey))
                .as("below depth 8 the rest is one JSON string")
                .isEqualTo("{\"l7\":{\"l8\":{\"l9\":{\"l10\":{\"l11\":{\"leaf\":\"bottom\"}}}}}}");
        assertThat(span.attributes().keySet().stream().filter(k -> k.startsWith("honeyhive_metadata.k")))
                .as("one value writes at most 1024 attributes")
                .hasSize(1024);
    }

    @Test
    void nestingPastWhatJsonAllowsIsCutThereWithAMarkerAndTheLevelsAboveAreKept() {
        Map<String, Object> deep = new LinkedHashMap<>();
        Map<String, Object> level = deep;
        for (int i = 0; i < 500; i++) {
            Map<String, Object> next = new LinkedHashMap<>();
            level.put("l" + i, next);
            level = next;
        }
        level.put("leaf", "bottom");
        try (HoneyHiveSpan ignored = tracer.trace("very-deep")) {
            tracer.enrichSpan(Enrichment.builder().inputs(Map.of("deep", deep)).build());
        }

        // Eight levels as attributes, then one JSON string holding the next 63 levels and the marker where it stops.
        String json = only("very-deep").stringAttribute("honeyhive_inputs.deep.l0.l1.l2.l3.l4.l5.l6");
        assertThat(json)
                .startsWith("{\"l7\":{\"l8\":{")
                .contains("\"l69\":\"" + SafeJson.TOO_DEEP_MARKER + "\"")
                .doesNotContain("l70")
                .doesNotContain("bottom");
    }

    @Test
    void jsonValuesInsideNestingPastWhatJsonAllowsKeepTheirValue() {
        Map<String, Object> deep = new LinkedHashMap<>();
        Map<String, Object> level = deep;
        for (int i = 0; i < 500; i++) {
            Map<String, Object> next = new LinkedHashMap<>();
            level.put("label", TextNode.valueOf("level-" + i));
            level.put("next", next);
            level = next;
        }
        try (HoneyHiveSpan ignored = tracer.trace("very-deep-json")) {
            tracer.enrichSpan(Enrichment.builder().inputs(Map.of("deep", deep)).build());
        }

        String json =
                only("very-deep-json").stringAttribute("honeyhive_inputs.deep.next.next.next.next.next.next.next");
        assertThat(json).contains("\"label\":\"level-8\"").contains("\"label\":\"level-20\"");
    }

    @Test
    void cyclesAreDetected() {
        Map<String, Object> cyclic = new LinkedHashMap<>();
        cyclic.put("name", "loop");
        cyclic.put("self", cyclic);
        List<Object> list = new ArrayList<>();
        list.add(list);
        try (HoneyHiveSpan ignored = tracer.trace("cyclic")) {
            tracer.enrichSpan(Enrichment.builder()
                    .inputs(Map.of("map", cyclic, "list", list))
                    .build());
        }

        assertThat(only("cyclic"))
                .hasInput("map.name", "loop")
                .hasInput("map.self", "[circular reference]")
                .hasInput("list.0", "[circular reference]");
    }

    @Test
    void requestsGoToTheTracesPathWithProtobufAndHoneyHiveHeaders() {
        tracer.trace("headers").close();
        assertThat(tracer.flush(TestTracers.WAIT)).isTrue();

        RecordedRequest request = server.requests(Route.TRACES).get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/opentelemetry/v1/traces");
        assertThat(request.header("Content-Type")).contains("application/x-protobuf");
        assertThat(request.header("Authorization")).contains("Bearer " + TestTracers.API_KEY);
        assertThat(request.header("X-Source")).contains("production");
        assertThat(request.header("hh-client-language")).contains("java");
        assertThat(request.header("hh-client-version"))
                .hasValueSatisfying(v -> assertThat(v).isNotBlank());
        assertThat(request.header("hh-client-package")).contains("ai.honeyhive:honeyhive-tracer");
    }

    @Test
    void resourceNamesTheServiceAndTheSdk() {
        tracer.trace("resource").close();

        RecordedSpan span = only("resource");
        assertThat(span.resourceAttributes())
                .containsEntry("service.name", TestTracers.PROJECT)
                .containsEntry("telemetry.sdk.language", "java")
                .containsKey("telemetry.sdk.version");
        assertThat(span.scopeName()).isEqualTo(HoneyHiveTracer.INSTRUMENTATION_SCOPE);
    }
}
