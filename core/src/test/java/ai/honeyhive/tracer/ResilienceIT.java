package ai.honeyhive.tracer;

import static ai.honeyhive.testing.HoneyHiveAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.honeyhive.testing.RecordedSpan;
import ai.honeyhive.testing.RecordingHoneyHiveServer;
import ai.honeyhive.testing.Response;
import ai.honeyhive.testing.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** After build, nothing the tracer is handed may break the caller; and the API key never shows. */
class ResilienceIT {

    private static final String CANARY_KEY = "hh-canary-5b1f0e7d9a";

    private final RecordingHoneyHiveServer server = RecordingHoneyHiveServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    static final class ExplodingGetter {
        public String getName() {
            return "kept";
        }

        public String getValue() {
            throw new IllegalStateException("getter fails");
        }

        @Override
        public String toString() {
            return "exploding-getter";
        }
    }

    static final class ExplodingEverything {
        // Jackson cannot write an Optional without its Java 8 module: the whole object fails, not one property.
        public java.util.Optional<String> getValue() {
            return java.util.Optional.of("unwritable");
        }

        @Override
        public String toString() {
            throw new UnsupportedOperationException("toString fails too");
        }
    }

    static final class Node {
        public final String name;
        public Node next;

        Node(String name) {
            this.name = name;
        }
    }

    @Test
    void unserializableHugeAndCyclicValuesAreHandledAndTheCallerRunsOn() {
        Node first = new Node("a");
        Node second = new Node("b");
        first.next = second;
        second.next = first;
        Map<String, Object> cyclicMap = new LinkedHashMap<>();
        cyclicMap.put("me", cyclicMap);
        List<Object> values = new ArrayList<>();
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("getter", new ExplodingGetter());
        inputs.put("everything", new ExplodingEverything());
        inputs.put("huge", "y".repeat(10 * 1024 * 1024));
        inputs.put("cyclic_pojo", first);
        inputs.put("cyclic_map", cyclicMap);

        try (HoneyHiveTracer tracer = TestTracers.against(server).build()) {
            assertThatCode(() -> {
                        try (HoneyHiveSpan span = tracer.trace("hostile", EventType.TOOL, inputs)) {
                            tracer.enrichSpan(Enrichment.builder()
                                    .inputs(inputs)
                                    .outputs(inputs)
                                    .build());
                            tracer.enrichCurrentSpan(inputs);
                            values.add("the caller's code ran");
                        }
                    })
                    .doesNotThrowAnyException();
            assertThat(tracer.flush(TestTracers.WAIT)).isTrue();
        }

        assertThat(values).containsExactly("the caller's code ran");
        RecordedSpan span = server.spans().get(0);
        assertThat(span)
                .hasInput("getter.name", "kept")
                .hasInput("getter.value", "[unreadable: IllegalStateException]")
                .hasInput("everything", "<unconvertible " + ExplodingEverything.class.getName() + ">")
                .hasInput("cyclic_map.me", "[circular reference]");
        assertThat(span.stringAttribute("honeyhive_inputs.huge"))
                .hasSize(16 * 1024)
                .endsWith("...[truncated]");
        assertThat(span.attributes().keySet()).anyMatch(key -> key.startsWith("honeyhive_inputs.cyclic_pojo"));
    }

    @Test
    void nullArgumentsGiveNoOpSpansInsteadOfExceptions() {
        try (HoneyHiveTracer tracer = TestTracers.inTestMode().build()) {
            HoneyHiveSpan span = tracer.trace(nullString());

            assertThat(span.getSpanContext().isValid()).isFalse();
            span.close();
        }
    }

    @SuppressWarnings("NullAway")
    private static String nullString() {
        return null;
    }

    @Test
    void theApiKeyNeverAppearsInLogsToStringExceptionsOrSpans() {
        server.enqueue(Route.TRACES, Response.status(401), Response.json(500, "{\"echo\":\"" + CANARY_KEY + "\"}"));
        List<String> texts = new ArrayList<>();
        try (LogCapture logs = LogCapture.start()) {
            try (HoneyHiveTracer tracer = TestTracers.against(server)
                    .apiKey(CANARY_KEY)
                    .verbose(true)
                    .disableBatch(true)
                    .build()) {
                texts.add(tracer.toString());
                texts.add(tracer.config().toString());
                tracer.trace("rejected-1").close();
                tracer.trace("rejected-2").close();
                tracer.trace("accepted").close();
                tracer.flush(TestTracers.WAIT);
            }
            Throwable invalid = catchThrowable(() -> HoneyHiveTracer.builder()
                    .environment(Map.of("HH_API_KEY", CANARY_KEY))
                    .serverUrl("not-a-url")
                    .build());
            texts.add(invalid.getMessage());
            Throwable blank = catchThrowable(
                    () -> TracerConfig.builder().apiKey(CANARY_KEY).source(" ").build());
            texts.add(blank.getMessage());
            texts.addAll(logs.formatted());
            assertThat(logs.from("ai.honeyhive")).as("verbose logging is on").isNotEmpty();
        }

        assertThat(texts).isNotEmpty().noneMatch(text -> text.contains(CANARY_KEY));
        assertThat(server.requests(Route.TRACES)).hasSize(3);
        assertThat(server).hasNoBodyContaining(CANARY_KEY);
        assertThat(server.spans()).singleElement().satisfies(span -> assertThat(
                        span.attributes().values())
                .noneMatch(value -> value.toString().contains(CANARY_KEY)));
    }

    @Test
    void theKeyStaysMaskedForATracerWhoseTwinWithTheSameKeyWasClosed() {
        server.respondByDefault(Route.TRACES, Response.json(500, "{\"echo\":\"" + CANARY_KEY + "\"}"));
        try (LogCapture logs = LogCapture.start()) {
            HoneyHiveTracer first =
                    TestTracers.against(server).apiKey(CANARY_KEY).build();
            try (HoneyHiveTracer second =
                    TestTracers.against(server).apiKey(CANARY_KEY).build()) {
                first.close();
                second.trace("after-twin-closed").close();
                assertThat(second.flush(TestTracers.WAIT)).isFalse();
            }

            assertThat(server.requests(Route.TRACES)).isNotEmpty();
            assertThat(logs.formatted()).noneMatch(line -> line.contains(CANARY_KEY));
        }
    }

    @Test
    void noOpSpansMayBeClosedOnAnyThreadWithoutComplaint() throws Exception {
        HoneyHiveTracer tracer = TestTracers.inTestMode().build();
        tracer.close();
        HoneyHiveSpan noop = tracer.trace("after-close");
        try (LogCapture logs = LogCapture.start()) {
            Thread other = new Thread(noop::close);
            other.start();
            other.join();

            assertThat(logs.from("ai.honeyhive.tracer.internal.span.OwnedScope"))
                    .isEmpty();
        }
    }

    @Test
    void nullArgumentsToTheSessionAndLinkApiNeverThrow() {
        try (HoneyHiveTracer tracer = TestTracers.inTestMode().build()) {
            assertThatCode(() -> {
                        assertThat(tracer.createSession(null)).isNotBlank();
                        assertThat(tracer.createSessionAsync(null).toCompletableFuture())
                                .isCompleted();
                        tracer.withSession((SessionOptions) null).close();
                        tracer.withSession((String) null).close();
                        tracer.unlink(null);
                        tracer.enrichSession(null);
                        tracer.enrichSpan(null);
                        tracer.enrichCurrentSpan(null);
                    })
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void nullMapsGivenToTheEnrichmentBuildersAreTakenAsEmptyAndTheOtherFieldsGoOut() {
        try (HoneyHiveTracer tracer = TestTracers.against(server).build()) {
            assertThatCode(() -> tracer.enrichSession(SessionEnrichment.builder()
                            .metadata(null)
                            .inputs(null)
                            .outputs(null)
                            .metrics(null)
                            .feedback(null)
                            .config(null)
                            .userProperties(null)
                            .metadata(Map.of("kept", "yes"))
                            .build()))
                    .doesNotThrowAnyException();
            assertThatCode(() ->
                            Enrichment.builder().metadata(null).outputs(null).build())
                    .doesNotThrowAnyException();
            assertThat(tracer.flush(TestTracers.WAIT)).isTrue();
        }
        assertThat(server.requests(Route.EVENTS)).singleElement().satisfies(update -> assertThat(
                        update.json().at("/metadata/kept").asText())
                .isEqualTo("yes"));
    }

    @Test
    void aSessionEnrichmentsSessionIdMustBeAUuidAsASessionOptionsIs() {
        assertThatThrownBy(() -> SessionEnrichment.builder().sessionId("nope").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sessionId");
        assertThatThrownBy(() -> SessionOptions.builder().sessionId("nope").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sessionId");
    }

    @Test
    void hugeAndMissingTimeoutsDoNotLeaveTheTracerHalfClosed() {
        HoneyHiveTracer tracer = TestTracers.against(server).build();
        tracer.trace("before-forever").close();

        assertThat(tracer.flush(java.time.temporal.ChronoUnit.FOREVER.getDuration()))
                .isTrue();
        assertThat(tracer.close(null)).isTrue();
        assertThat(server.spans()).extracting(RecordedSpan::name).contains("before-forever");
    }

    @Test
    void anEndlessIterableStopsAtTheAttributeBudget() {
        Iterable<Integer> endless = () -> new java.util.Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Integer next() {
                return next++;
            }
        };
        try (HoneyHiveTracer tracer =
                        TestTracers.inTestMode().maxSpanAttributes(10).build();
                HoneyHiveSpan span = tracer.trace("endless")) {
            assertThatCode(() -> tracer.enrichSpan(Enrichment.builder()
                            .inputs(Map.of("numbers", endless))
                            .build()))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void aSpanClosedOnAnotherThreadCanStillRestoreItsOwnersContext() throws Exception {
        try (HoneyHiveTracer tracer = TestTracers.inTestMode().build()) {
            HoneyHiveSpan span = tracer.trace("handed-over");
            Thread other = new Thread(span::close);
            other.start();
            other.join();
            assertThat(io.opentelemetry.api.trace.Span.current().getSpanContext())
                    .as("still current here until closed here")
                    .isEqualTo(span.getSpanContext());

            span.close();

            assertThat(io.opentelemetry.api.trace.Span.current()
                            .getSpanContext()
                            .isValid())
                    .isFalse();
        }
    }

    @Test
    void endingASpanAlsoRestoresTheContext() {
        try (HoneyHiveTracer tracer = TestTracers.inTestMode().build()) {
            HoneyHiveSpan span = tracer.trace("ended-not-closed");
            span.end();

            assertThat(io.opentelemetry.api.trace.Span.current()
                            .getSpanContext()
                            .isValid())
                    .isFalse();
        }
    }
}
