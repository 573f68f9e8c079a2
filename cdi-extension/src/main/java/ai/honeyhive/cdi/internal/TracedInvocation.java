package ai.honeyhive.cdi.internal;

import ai.honeyhive.tracer.internal.ThrottledLogger;
import ai.honeyhive.tracer.internal.span.SpanErrors;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.interceptor.InvocationContext;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Runs one intercepted call in a span: arguments as inputs, the result as output, an exception as the span's error,
 * rethrown unchanged. A {@link CompletionStage} result ends the span when it completes, before the caller's continuation
 * runs; a runtime adds other asynchronous types (Quarkus: Mutiny's {@code Uni} and
 * {@code Multi}) with {@link AsyncResults}. Tracing failures are logged and cost the call nothing else.
 */
public final class TracedInvocation {

    private static final Logger logger = Logger.getLogger(TracedInvocation.class.getName());
    private static final ThrottledLogger failures = new ThrottledLogger(logger);
    private static final Object[] NO_ARGUMENTS = {};

    private TracedInvocation() {}

    /** Asynchronous results that end the span when they complete rather than when the method returns. */
    public interface AsyncResults {
        /**
         * Arranges for {@code onDone} to run once when the result completes, and returns what the caller gets; or
         * returns null if the result is not of a type this knows.
         *
         * @param result what the method returned
         * @param declaredType the method's declared return type: a replacement must be assignable to it
         * @param spanContext the context with the method's span current, for work that runs when the result is
         *     consumed (subscription of a lazy type)
         * @param onDone to call with the value or the failure
         */
        @Nullable
        Object whenDone(
                Object result,
                Class<?> declaredType,
                Context spanContext,
                BiConsumer<@Nullable Object, @Nullable Throwable> onDone);

        /**
         * Whether {@link #whenDone} may know this result: a cheap test that spares plain results the callback
         * {@code whenDone} needs. Answering true for a result it then declines costs only that callback.
         */
        default boolean mayAdapt(Object result) {
            return true;
        }
    }

    /**
     * {@link CompletionStage}: the caller gets a stage that completes, with the same outcome, once the span has
     * ended, so that the span's duration does not include the caller's continuation (a {@code CompletableFuture}
     * runs its dependents newest first). Where the declared type would not take that stage, the caller gets the
     * method's own.
     */
    public static final AsyncResults COMPLETION_STAGES = new AsyncResults() {
        @Override
        public @Nullable Object whenDone(
                Object result,
                Class<?> declaredType,
                Context spanContext,
                BiConsumer<@Nullable Object, @Nullable Throwable> onDone) {
            if (result instanceof CompletionStage<?> stage) {
                CompletionStage<?> ended = stage.whenComplete((value, error) -> onDone.accept(value, unwrap(error)));
                return declaredType.isInstance(ended) ? ended : result;
            }
            return null;
        }

        @Override
        public boolean mayAdapt(Object result) {
            return result instanceof CompletionStage;
        }
    };

    /**
     * What an interceptor bound by {@code @Traced} does: traces the call if the method's annotation and its tracer
     * say so, else just proceeds.
     *
     * @param registry the container's tracers, null while they are not built
     */
    public static @Nullable Object intercept(
            @Nullable TracerRegistry registry, InvocationContext invocation, AsyncResults async) throws Exception {
        Object target = invocation.getTarget();
        // No target for a static method, which some containers (Quarkus) intercept.
        Class<?> beanClass = target == null ? invocation.getMethod().getDeclaringClass() : target.getClass();
        TracedMethod method = registry == null ? null : registry.method(invocation.getMethod(), beanClass);
        if (method == null || !method.enabled()) {
            return invocation.proceed();
        }
        TracerRegistry.TracerEntry tracer = registry.entry(method.tracerName());
        if (!tracer.enabled()) {
            return invocation.proceed();
        }
        return proceed(invocation, method, tracer, async);
    }

    /** Traces a call, ending the span when a result {@code async} knows completes. */
    static @Nullable Object proceed(
            InvocationContext invocation, TracedMethod method, TracerRegistry.TracerEntry tracer, AsyncResults async)
            throws Exception {
        Span span;
        Context spanContext;
        Scope scope;
        try {
            span = start(invocation, method, tracer);
            // Computed here, not read back after makeCurrent(): with per-request storage another thread may attach.
            spanContext = Context.current().with(span);
            scope = spanContext.makeCurrent();
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
        if (result != null && async.mayAdapt(result)) {
            try {
                Object adapted = async.whenDone(
                        result,
                        invocation.getMethod().getReturnType(),
                        spanContext,
                        (value, error) -> finish(span, method, tracer, value, error));
                if (adapted != null) {
                    return adapted;
                }
            } catch (RuntimeException e) {
                failures.log(Level.WARNING, "Could not wait for the result of " + method.name(), e);
            }
        }
        finish(span, method, tracer, result, null);
        return result;
    }

    private static Span start(InvocationContext invocation, TracedMethod method, TracerRegistry.TracerEntry tracer) {
        boolean inputs = method.recordsInputs(tracer.captureInputs());
        return tracer.spans()
                .startTraced(
                        method.name(),
                        method.eventType(),
                        inputs ? method.inputKeys() : null,
                        inputs ? invocation.getParameters() : NO_ARGUMENTS);
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
                tracer.enricher().recordResult(span, result);
            }
        } catch (RuntimeException e) {
            failures.log(Level.WARNING, "Could not record the outcome of " + method.name(), e);
        } finally {
            span.end();
        }
    }

    /** The exception a stage failed with, not the wrapper its dependents see. */
    public static @Nullable Throwable unwrap(@Nullable Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
