package ai.honeyhive.it.quarkus.otel;

import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;

/** A tool traced with OpenTelemetry's own annotation, not HoneyHive's. */
@ApplicationScoped
public class Tools {

    @WithSpan("tool lookup")
    public String lookup(@SpanAttribute("topic") String topic) {
        return "facts about " + topic;
    }
}
