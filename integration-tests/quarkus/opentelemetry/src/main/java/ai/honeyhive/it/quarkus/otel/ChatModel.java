package ai.honeyhive.it.quarkus.otel;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A chat model client that traces itself the way quarkus-langchain4j does: a client span from Quarkus's own
 * {@link Tracer}, named after the operation and model, with the OpenTelemetry GenAI attributes.
 */
@ApplicationScoped
public class ChatModel {

    @Inject
    Tracer tracer;

    public String chat(String prompt) {
        Span span = tracer.spanBuilder("chat gpt-4o-mini")
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute("gen_ai.operation.name", "chat")
                .setAttribute("gen_ai.system", "openai")
                .setAttribute("gen_ai.request.model", "gpt-4o-mini")
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            String reply = "reply to " + prompt;
            span.setAttribute("gen_ai.response.model", "gpt-4o-mini-2024-07-18");
            span.setAttribute("gen_ai.usage.input_tokens", 12L);
            span.setAttribute("gen_ai.usage.output_tokens", 7L);
            return reply;
        } finally {
            span.end();
        }
    }
}
