package ai.honeyhive.cdi.internal;

import ai.honeyhive.tracer.internal.HoneyHiveAttributes;
import ai.honeyhive.tracer.internal.SpanErrors;
import ai.honeyhive.tracer.internal.ThrottledLogger;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.context.Scope;
import jakarta.interceptor.InvocationContext;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Runs one intercepted call in a span: arguments as inputs, the result as output, an exception as the span's error,
 * rethrown unchanged. A {@link CompletionStage} result ends the span when it completes, and the caller gets the very
 * stage the method returned. Tracing failures are logged and cost the call nothing else.
 */
final class TracedInvocation {

    private static final Logger logger = Logger.getLogger(TracedInvocation.class.getName());
    private static final ThrottledLogger failures = new ThrottledLogger(logger);
    private static final String RESULT = HoneyHiveAttributes.OUTPUTS + ".result";

    private TracedInvocation() {}

    static @Nullable Object proceed(
            InvocationContext invocation, TracedMethod method, TracerRegistry.TracerEntry tracer) throws Exception {
        Span span;
        Scope scope;
        try {
            span = start(invocation, method, tracer);
            scope = span.makeCurrent();
        } catch (RuntimeException e) {
            failures.log(Level.WARNING, "Could not start the span of " + method.name() + "; it runs untraced", e);
            return invocation.proceed();
        }
        Object result;
        try {
            result = invocation.proceed();
        } catch (Throwable error) {
            scope.close();
            finish(span, method, tracer, null, error);
            throw error;
        }
        scope.close();
        if (result instanceof CompletionStage<?> stage) {
            try {
                stage.whenComplete((value, error) -> finish(span, method, tracer, value, unwrap(error)));
                return result;
            } catch (RuntimeException e) {
                failures.log(Level.WARNING, "Could not wait for the result of " + method.name(), e);
            }
        }
        finish(span, method, tracer, result, null);
        return result;
    }

    private static Span start(InvocationContext invocation, TracedMethod method, TracerRegistry.TracerEntry tracer) {
        SpanBuilder builder = tracer.spans()
                .spanBuilder(method.name())
                .setAttribute(HoneyHiveAttributes.EVENT_TYPE, method.eventType().wireValue());
        if (method.recordsInputs(tracer.captureInputs())) {
            Object[] arguments = invocation.getParameters();
            String[] names = method.parameterNames();
            for (int i = 0; i < names.length && i < arguments.length; i++) {
                if (names[i] != null && arguments[i] != null) {
                    setInput(builder, HoneyHiveAttributes.INPUTS + "." + names[i], tracer, arguments[i]);
                }
            }
        }
        return builder.startSpan();
    }

    private static void setInput(SpanBuilder builder, String key, TracerRegistry.TracerEntry tracer, Object argument) {
        Object value = tracer.flattener().scalarOrJson(argument);
        if (value instanceof Long number) {
            builder.setAttribute(AttributeKey.longKey(key), number);
        } else if (value instanceof Double number) {
            builder.setAttribute(AttributeKey.doubleKey(key), number);
        } else if (value instanceof Boolean bool) {
            builder.setAttribute(AttributeKey.booleanKey(key), bool);
        } else {
            builder.setAttribute(AttributeKey.stringKey(key), value.toString());
        }
    }

    private static void finish(
            Span span,
            TracedMethod method,
            TracerRegistry.TracerEntry tracer,
            @Nullable Object result,
            @Nullable Throwable error) {
        try {
            if (error != null) {
                SpanErrors.record(span, error);
            } else if (result != null && method.recordsOutputs(tracer.captureOutputs())) {
                span.setAllAttributes(tracer.flattener().flatten(RESULT, result));
            }
        } catch (RuntimeException e) {
            failures.log(Level.WARNING, "Could not record the outcome of " + method.name(), e);
        } finally {
            span.end();
        }
    }

    /** The exception a stage failed with, not the wrapper its dependents see. */
    private static @Nullable Throwable unwrap(@Nullable Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
