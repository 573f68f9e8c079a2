package ai.honeyhive.genai;

import static ai.honeyhive.genai.internal.OptionalAttributes.setIfPresent;
import static java.util.Objects.requireNonNull;

import ai.honeyhive.tracer.HoneyHiveTracer;
import ai.honeyhive.tracer.internal.ThrottledLogger;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.service.tool.ToolExecution;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes each tool a LangChain4j AI service runs a HoneyHive tool event: a span of the GenAI conventions'
 * {@code execute_tool} operation with the tool's name, call id, arguments and result, which the tracer completes with
 * HoneyHive's keys ({@code honeyhive_inputs.*} from the arguments, {@code honeyhive_outputs.result},
 * {@code honeyhive_config.tool_name}). It is the service's after-tool hook:
 *
 * <pre>{@code
 * Assistant assistant = AiServices.builder(Assistant.class)
 *         .chatModel(model)                                  // with a HoneyHiveChatModelListener
 *         .tools(new OrderTools())
 *         .afterToolExecution(new HoneyHiveToolSpans(tracer))
 *         .build();
 * }</pre>
 *
 * <p>The span covers the tool's run (LangChain4j measures it), under the span current where the hook is called: the
 * caller's, when the service runs its tools on the caller's thread, as it does unless told to run them concurrently.
 * A tool that failed is an error event whose result is LangChain4j's error text. Arguments and results are recorded
 * unless the tracer's {@code genaiCaptureContent} is false. Never throws into LangChain4j.
 */
public final class HoneyHiveToolSpans implements Consumer<ToolExecution> {

    private static final Logger logger = Logger.getLogger(HoneyHiveToolSpans.class.getName());
    private static final ThrottledLogger failures = new ThrottledLogger(logger);

    private final Tracer tracer;
    private final boolean captureContent;
    // The error text is a tool's result: only where results go out as they are is it the event's error too.
    private final boolean errorTextShown;

    public HoneyHiveToolSpans(HoneyHiveTracer tracer) {
        requireNonNull(tracer, "tracer");
        this.tracer = tracer.provider().get(HoneyHiveChatModelListener.SCOPE);
        this.captureContent = tracer.config().genaiCaptureContent();
        this.errorTextShown = captureContent && tracer.config().genaiRedact().isEmpty();
    }

    @Override
    public void accept(ToolExecution execution) {
        try {
            ToolExecutionRequest request = execution.request();
            Instant end = Instant.now();
            Duration duration = execution.duration();
            Span span = tracer.spanBuilder("execute_tool " + request.name())
                    .setParent(Context.current())
                    .setSpanKind(SpanKind.INTERNAL)
                    .setStartTimestamp(duration == null ? end : end.minus(duration))
                    .setAttribute("gen_ai.operation.name", "execute_tool")
                    .setAttribute("gen_ai.tool.type", "function")
                    .startSpan();
            try {
                setIfPresent(span, "gen_ai.tool.name", request.name());
                setIfPresent(span, "gen_ai.tool.call.id", request.id());
                if (captureContent) {
                    setIfPresent(span, "gen_ai.tool.call.arguments", request.arguments());
                    setIfPresent(span, "gen_ai.tool.call.result", execution.result());
                }
                if (execution.hasFailed()) {
                    span.setStatus(StatusCode.ERROR, "the tool failed");
                    span.setAttribute(
                            "honeyhive_error",
                            errorTextShown && execution.result() != null ? execution.result() : "the tool failed");
                }
            } finally {
                span.end(end);
            }
        } catch (RuntimeException e) {
            failures.log(Level.WARNING, "Could not record a LangChain4j tool execution", e);
        }
    }
}
