package ai.honeyhive.cdi;

import ai.honeyhive.tracer.EventType;
import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Traces a bean method, or every business method of a bean class, as a HoneyHive event: a span named
 * {@code SimpleClassName.method} whose inputs are the named arguments and whose output is the return value.
 *
 * <pre>{@code
 * @ApplicationScoped
 * class Assistant {
 *     @Traced(eventType = EventType.CHAIN)
 *     String answer(String question, @Traced.Redact String userToken) { ... }
 * }
 * }</pre>
 *
 * <p>An exception is recorded on the span and rethrown unchanged. When the method returns a
 * {@link java.util.concurrent.CompletionStage}, the span ends when the stage completes, and the caller gets the very
 * stage the method returned. Arguments are recorded under their parameter names when the class is compiled with
 * {@code -parameters}, else as {@code arg0}, {@code arg1}, ...
 */
@Inherited
@InterceptorBinding
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Traced {

    /** The event name; default {@code SimpleClassName.method}. */
    @Nonbinding
    String name() default "";

    /** The HoneyHive event type; default {@link EventType#TOOL}. */
    @Nonbinding
    EventType eventType() default EventType.TOOL;

    /** Whether to record the arguments as {@code honeyhive_inputs.<parameter>}; default from configuration. */
    @Nonbinding
    Capture captureInputs() default Capture.CONFIGURED;

    /** Whether to record the return value as {@code honeyhive_outputs.result}; default from configuration. */
    @Nonbinding
    Capture captureOutputs() default Capture.CONFIGURED;

    /** The named tracer ({@code honeyhive.tracers.<name>.*}) to trace with; default the default tracer. */
    @Nonbinding
    String tracer() default "";

    /** {@code false} on a method opts it out of a class-level {@code @Traced}. */
    @Nonbinding
    boolean enabled() default true;

    /** Whether a value is recorded. */
    enum Capture {
        /** As {@code honeyhive.capture.inputs} / {@code honeyhive.capture.outputs} say (default true). */
        CONFIGURED,
        /** Always recorded. */
        ALWAYS,
        /** Never recorded. */
        NEVER
    }

    /** A parameter that is never recorded, such as a token or a password. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @interface Redact {}
}
