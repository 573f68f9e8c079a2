package ai.honeyhive.tracer.internal.span;

import ai.honeyhive.tracer.internal.ThrottledLogger;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Records an error on the span it happened in, as the wire contract says: one {@code exception} event, status
 * ERROR, and {@code honeyhive_error} as {@code "<ExceptionType>: <message>"}.
 */
public final class SpanErrors {

    private static final Logger logger = Logger.getLogger(SpanErrors.class.getName());
    private static final ThrottledLogger failures = new ThrottledLogger(logger);

    private SpanErrors() {}

    /** Records the error on the span; never throws, even when the exception's own methods do. */
    public static void record(Span span, Throwable error) {
        record(span, error, Attributes.empty());
    }

    /** Records the error with extra attributes on its event; never throws. */
    public static void record(Span span, Throwable error, Attributes eventAttributes) {
        String description = describe(error);
        try {
            span.setStatus(StatusCode.ERROR, description);
            span.setAttribute(HoneyHiveAttributes.ERROR, description);
            span.recordException(error, eventAttributes);
        } catch (RuntimeException e) {
            failures.log(Level.WARNING, "Could not record a " + error.getClass().getName() + " on its span", e);
        }
    }

    /** {@code "<ExceptionType>: <message>"}, or just the type when there is no message. */
    public static String describe(Throwable error) {
        String type = error.getClass().getName();
        String message;
        try {
            message = error.getMessage();
        } catch (RuntimeException e) {
            message = null;
        }
        return message == null ? type : type + ": " + message;
    }
}
