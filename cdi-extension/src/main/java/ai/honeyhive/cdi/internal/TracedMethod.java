package ai.honeyhive.cdi.internal;

import ai.honeyhive.cdi.Traced;
import ai.honeyhive.tracer.EventType;
import ai.honeyhive.tracer.internal.span.HoneyHiveAttributes;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import org.jspecify.annotations.Nullable;

/**
 * What {@code @Traced} means for one method of one bean class, worked out once: the method's annotation wins over
 * the class's.
 *
 * @param enabled whether to trace at all
 * @param name the span name
 * @param eventType the HoneyHive event type
 * @param tracerName the tracer to use, {@code ""} for the default one
 * @param captureInputs the annotation's choice for arguments
 * @param captureOutputs the annotation's choice for the return value
 * @param inputKeys the attribute key of each argument ({@code honeyhive_inputs.<parameter>}, built once here rather
 *     than on every call); null where the parameter is redacted
 */
public record TracedMethod(
        boolean enabled,
        String name,
        EventType eventType,
        String tracerName,
        Traced.Capture captureInputs,
        Traced.Capture captureOutputs,
        @Nullable String[] inputKeys) {

    /** The effective {@code @Traced} of the method on the bean class, or null when neither carries one. */
    public static @Nullable TracedMethod of(Method method, Class<?> beanClass) {
        Traced traced = method.getAnnotation(Traced.class);
        if (traced == null) {
            traced = beanClass.getAnnotation(Traced.class);
        }
        if (traced == null) {
            traced = method.getDeclaringClass().getAnnotation(Traced.class);
        }
        if (traced == null) {
            return null;
        }
        Parameter[] parameters = method.getParameters();
        String[] inputKeys = new String[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            inputKeys[i] = parameters[i].isAnnotationPresent(Traced.Redact.class)
                    ? null
                    : HoneyHiveAttributes.INPUTS + "." + parameters[i].getName();
        }
        String name = traced.name().isEmpty()
                ? method.getDeclaringClass().getSimpleName() + "." + method.getName()
                : traced.name();
        return new TracedMethod(
                traced.enabled(),
                name,
                traced.eventType(),
                traced.tracer(),
                traced.captureInputs(),
                traced.captureOutputs(),
                inputKeys);
    }

    /** Whether arguments are recorded, given the tracer's configured default. */
    public boolean recordsInputs(boolean configuredDefault) {
        return resolve(captureInputs, configuredDefault);
    }

    /** Whether the return value is recorded, given the tracer's configured default. */
    public boolean recordsOutputs(boolean configuredDefault) {
        return resolve(captureOutputs, configuredDefault);
    }

    private static boolean resolve(Traced.Capture capture, boolean configuredDefault) {
        return switch (capture) {
            case ALWAYS -> true;
            case NEVER -> false;
            case CONFIGURED -> configuredDefault;
        };
    }
}
