package ai.honeyhive.genai;

import static java.util.Objects.requireNonNull;

import ai.honeyhive.genai.internal.StreamGuard;
import ai.honeyhive.tracer.HoneyHiveTracer;
import com.openai.client.OpenAIClient;
import com.openai.client.OpenAIClientAsync;
import io.opentelemetry.instrumentation.openai.v1_1.OpenAITelemetry;

/**
 * {@code openai-java} clients whose calls become HoneyHive model events: the chat history, the completion (streamed
 * ones included), tool calls, model, provider, settings and tokens, in the session of the context they are called
 * in, as a child of the current span. It is OpenTelemetry's own instrumentation ({@code opentelemetry-openai-java-1.1})
 * on the tracer's {@code OpenTelemetry}, whose prompt and completion log records the tracer folds into the model span.
 *
 * <pre>{@code
 * OpenAIClient openAi = HoneyHiveOpenAi.instrument(tracer, OpenAIOkHttpClient.fromEnv());
 * }</pre>
 *
 * <p>Message text is recorded unless the tracer's {@code genaiCaptureContent} is false
 * ({@code honeyhive.genai.capture-content}); then only roles, settings and tokens are.
 */
public final class HoneyHiveOpenAi {

    private HoneyHiveOpenAi() {}

    /** The client, instrumented for the tracer. */
    public static OpenAIClient instrument(HoneyHiveTracer tracer, OpenAIClient client) {
        OpenAITelemetry telemetry = telemetry(tracer);
        // Streamed calls closed early or broken off keep their span and connection: see StreamGuard.
        return StreamGuard.guard(requireNonNull(client, "client"), telemetry::wrap);
    }

    /** The asynchronous client, instrumented for the tracer. */
    public static OpenAIClientAsync instrument(HoneyHiveTracer tracer, OpenAIClientAsync client) {
        OpenAITelemetry telemetry = telemetry(tracer);
        return StreamGuard.guard(requireNonNull(client, "client"), telemetry::wrap);
    }

    private static OpenAITelemetry telemetry(HoneyHiveTracer tracer) {
        requireNonNull(tracer, "tracer");
        return OpenAITelemetry.builder(tracer.openTelemetry())
                .setCaptureMessageContent(tracer.config().genaiCaptureContent())
                .build();
    }
}
