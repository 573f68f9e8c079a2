package ai.honeyhive.benchmarks.quarkus;

import ai.honeyhive.cdi.Traced;
import ai.honeyhive.tracer.EventType;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The same method three ways: untraced, with {@code @Traced}, and with OpenTelemetry's {@code @WithSpan}. Unremovable:
 * only the benchmark looks it up, programmatically.
 */
@ApplicationScoped
@Unremovable
public class Answerer {

    static String work(String question, String tenant) {
        return question.length() > tenant.length() ? question : tenant;
    }

    public String plain(String question, String tenant) {
        return work(question, tenant);
    }

    @Traced(eventType = EventType.TOOL, captureInputs = Traced.Capture.NEVER, captureOutputs = Traced.Capture.NEVER)
    public String traced(String question, String tenant) {
        return work(question, tenant);
    }

    @WithSpan
    public String withSpan(String question, String tenant) {
        return work(question, tenant);
    }
}
