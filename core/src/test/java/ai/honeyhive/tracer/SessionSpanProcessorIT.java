package ai.honeyhive.tracer;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.testing.RecordedSpan;
import ai.honeyhive.testing.RecordingHoneyHiveServer;
import ai.honeyhive.tracer.internal.session.SessionIds;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Another OpenTelemetry SDK of the application (a framework's, an agent's) with the tracer's session span processor:
 * its spans inside a HoneyHive session reach HoneyHive, stamped and typed, once; the others stay its own.
 */
class SessionSpanProcessorIT {

    RecordingHoneyHiveServer server;
    HoneyHiveTracer honeyhive;

    @BeforeEach
    void start() {
        server = RecordingHoneyHiveServer.start();
        honeyhive = TestTracers.against(server).startSession(false).build();
    }

    @AfterEach
    void stop() {
        honeyhive.close();
        server.close();
    }

    @Test
    void spansOfAnotherProviderInsideASessionAreDeliveredStampedAndTyped() {
        try (SdkTracerProvider other = SdkTracerProvider.builder()
                .addSpanProcessor(honeyhive.sessionSpanProcessor(false))
                .build()) {
            Tracer framework = other.get("framework");
            String sessionId;
            try (SessionScope session = honeyhive.withSession("chat")) {
                sessionId = session.sessionId();
                assertThat(honeyhive.currentSessionId()).isEqualTo(sessionId);
                try (HoneyHiveSpan chain = honeyhive.trace("answer", EventType.CHAIN)) {
                    Span chat = framework
                            .spanBuilder("chat gpt-4o-mini")
                            .setSpanKind(SpanKind.CLIENT)
                            .setAttribute("gen_ai.operation.name", "chat")
                            .setAttribute("gen_ai.request.model", "gpt-4o-mini")
                            .startSpan();
                    chat.end();
                }
            }
            Span outside = framework.spanBuilder("health check").startSpan();
            outside.end();
            // A session id that only came in with someone's baggage is not a HoneyHive session.
            Baggage inbound =
                    Baggage.builder().put("session_id", SessionIds.newId()).build();
            try (Scope ignored = Context.current().with(inbound).makeCurrent()) {
                framework.spanBuilder("imposter").startSpan().end();
            }
            assertThat(honeyhive.currentSessionId()).isEqualTo(honeyhive.sessionId());

            assertThat(honeyhive.flush(TestTracers.WAIT)).isTrue();
            List<RecordedSpan> spans = server.awaitSpans(2, TestTracers.WAIT);
            RecordedSpan answer = single(spans, "answer");
            RecordedSpan chat = single(spans, "chat gpt-4o-mini");
            assertThat(chat.sessionId()).isEqualTo(sessionId);
            assertThat(chat.parentSpanId()).isEqualTo(answer.spanId());
            assertThat(chat.eventType())
                    .as("detected from the gen_ai attributes")
                    .isEqualTo("model");
            assertThat(chat.stringAttribute("honeyhive.project")).isEqualTo(TestTracers.PROJECT);
            assertThat(spans)
                    .noneMatch(span ->
                            span.name().equals("health check") || span.name().equals("imposter"));
        }
        // Shutting the other provider down left the tracer running.
        try (HoneyHiveSpan after = honeyhive.trace("after", EventType.TOOL)) {
            after.setAttribute("still", true);
        }
        assertThat(honeyhive.flush(TestTracers.WAIT)).isTrue();
        assertThat(server.spans()).anyMatch(span -> span.name().equals("after"));
    }

    @Test
    void includingSpansOutsideSessionsSendsThemInTheTracersOwnSession() {
        try (SdkTracerProvider other = SdkTracerProvider.builder()
                .addSpanProcessor(honeyhive.sessionSpanProcessor(true))
                .build()) {
            Span background = other.get("framework").spanBuilder("nightly job").startSpan();
            try (Scope ignored = background.makeCurrent()) {
                other.get("framework").spanBuilder("step").startSpan().end();
            }
            background.end();
            assertThat(honeyhive.flush(TestTracers.WAIT)).isTrue();
            List<RecordedSpan> spans = server.awaitSpans(2, TestTracers.WAIT);
            assertThat(spans).extracting(RecordedSpan::sessionId).containsOnly(honeyhive.sessionId());
            assertThat(single(spans, "step").parentSpanId())
                    .isEqualTo(single(spans, "nightly job").spanId());
        }
    }

    private static RecordedSpan single(List<RecordedSpan> spans, String name) {
        return spans.stream()
                .filter(span -> span.name().equals(name))
                .reduce((a, b) -> {
                    throw new AssertionError("two spans named " + name + ": " + spans);
                })
                .orElseThrow(() -> new AssertionError("no span named " + name + " in " + spans));
    }
}
