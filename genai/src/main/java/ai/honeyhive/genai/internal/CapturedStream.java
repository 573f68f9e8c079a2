package ai.honeyhive.genai.internal;

import ai.honeyhive.tracer.internal.ThrottledLogger;
import com.openai.core.http.AsyncStreamResponse;
import com.openai.core.http.StreamResponse;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.ReadableSpan;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/** A streamed call's raw stream (the client's, under the wrapper) and the wrapper's span of it. */
record CapturedStream(Object raw, Span span) {

    private static final String WRAPPER_SCOPE = "io.opentelemetry.openai-java-1.1";
    private static final Logger logger = Logger.getLogger(CapturedStream.class.getName());
    private static final ThrottledLogger failures = new ThrottledLogger(logger);

    /**
     * Closes the stream through the wrapper and, where the wrapper fails to, directly; then ends the wrapper's span if
     * it is left open. Never throws.
     */
    void close(Runnable closeInstrumented) {
        try {
            closeInstrumented.run();
        } catch (RuntimeException e) {
            failures.log(
                    Level.FINE,
                    "OpenTelemetry's openai-java instrumentation failed to close a stream; closed it here",
                    e);
            closeRaw();
        } finally {
            endSpan(null);
        }
    }

    private void closeRaw() {
        try {
            if (raw instanceof StreamResponse<?> stream) {
                stream.close();
            } else if (raw instanceof AsyncStreamResponse<?> stream) {
                stream.close();
            }
        } catch (RuntimeException e) {
            failures.log(Level.WARNING, "Could not close an openai-java stream", e);
        }
    }

    /** Ends the wrapper's span if it is left open (and only the wrapper's), with the error if there is one. */
    void endSpan(@Nullable Throwable error) {
        if (!isOpen()) {
            return;
        }
        if (error != null) {
            span.recordException(error);
            span.setStatus(StatusCode.ERROR, error.getClass().getName());
        }
        span.end();
    }

    /** Ends the wrapper's span if the stream ended and the wrapper left it open: it could not read the stream's end. */
    void endUnfinished() {
        if (isOpen()) {
            span.setStatus(StatusCode.ERROR, "the stream ended before its last chunk");
            span.setAttribute("honeyhive_error", "the stream ended before its last chunk");
            span.end();
        }
    }

    private boolean isOpen() {
        return span instanceof ReadableSpan readable
                && !readable.hasEnded()
                && WRAPPER_SCOPE.equals(readable.getInstrumentationScopeInfo().getName());
    }
}
