package ai.honeyhive.tracer.internal.span;

import static java.util.Objects.requireNonNull;

import ai.honeyhive.tracer.EventType;
import ai.honeyhive.tracer.HoneyHiveSpan;
import ai.honeyhive.tracer.TracedWork;
import ai.honeyhive.tracer.internal.ThrottledLogger;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * The spans of the plain-Java API ({@code trace}, {@code traced}): opened and made current, work run in them with its
 * exception recorded and rethrown unchanged, a wrapped function's arguments and result recorded. A span that records
 * nothing stands in when the tracer is closed or a span cannot be started, so the work always runs; nothing of ours
 * is thrown.
 */
public final class ApiSpans {

    private static final Logger logger = Logger.getLogger(ApiSpans.class.getName());
    private static final ThrottledLogger startFailures = new ThrottledLogger(logger);
    private static final ThrottledLogger resultFailures = new ThrottledLogger(logger);

    private final SpanStarter spans;
    private final SpanEnricher enricher;
    private final BooleanSupplier closed;

    /**
     * @param closed whether the tracer is closed (and says so, throttled), so that nothing is started any more
     */
    public ApiSpans(SpanStarter spans, SpanEnricher enricher, BooleanSupplier closed) {
        this.spans = spans;
        this.enricher = enricher;
        this.closed = closed;
    }

    /**
     * A span made current until it is closed.
     *
     * @param eventType the event type, or null to detect it when the span ends
     */
    public HoneyHiveSpan open(String name, @Nullable EventType eventType, Map<String, ?> attributes) {
        return open(parent -> spans.startApiSpan(parent, requireNonNull(name, "name"), eventType, attributes));
    }

    /**
     * A span whose event type is given by name: {@code model}, {@code tool} or {@code chain} in any case; any other
     * name is kept as {@code honeyhive_metadata.event_type} and the type detected when the span ends.
     */
    public HoneyHiveSpan openWithTypeName(String name, @Nullable String eventType, Map<String, ?> attributes) {
        Optional<EventType> known = EventType.fromWireValue(eventType);
        HoneyHiveSpan span = open(name, known.orElse(null), attributes);
        if (known.isEmpty() && eventType != null) {
            span.setAttribute(HoneyHiveAttributes.METADATA + ".event_type", eventType);
        }
        return span;
    }

    /** Runs the work now in a span; its exception is recorded and rethrown unchanged. */
    public <T, E extends Exception> T run(String name, @Nullable EventType eventType, TracedWork<T, E> work) throws E {
        requireNonNull(work, "work");
        return runIn(open(name, eventType, Map.of()), work);
    }

    /** Runs the work in a span under a context captured earlier, as a wrapped task does on another thread. */
    public <T, E extends Exception> T run(
            Context captured, String name, @Nullable EventType eventType, TracedWork<T, E> work) throws E {
        try (Scope ignored = captured.makeCurrent()) {
            return run(name, eventType, work);
        }
    }

    /**
     * Runs a call in a span now, its arguments recorded as inputs and its result as {@code honeyhive_outputs.result};
     * its exception is recorded and rethrown unchanged.
     *
     * @param inputKeys the attribute key of each argument ({@link #inputKey}), null for one not recorded
     */
    public <T> T runCapturing(
            String name,
            @Nullable EventType eventType,
            @Nullable String[] inputKeys,
            @Nullable Object[] arguments,
            TracedWork<T, RuntimeException> call) {
        HoneyHiveSpan span = open(
                parent -> spans.startApiSpan(parent, requireNonNull(name, "name"), eventType, inputKeys, arguments));
        return runIn(span, () -> {
            T result = call.call();
            recordResult(span, result);
            return result;
        });
    }

    /** Runs the work in the span, which it ends; the work's exception is recorded and rethrown unchanged. */
    private static <T, E extends Exception> T runIn(HoneyHiveSpan span, TracedWork<T, E> work) throws E {
        try (span) {
            try {
                return work.call();
            } catch (Throwable error) {
                span.recordException(error);
                throw error;
            }
        }
    }

    /** The attribute key of a named input; null, and so not recorded, for an input without a name. */
    public static @Nullable String inputKey(@Nullable String inputName) {
        return inputName == null ? null : HoneyHiveAttributes.INPUTS + "." + inputName;
    }

    /** Starts a span in the parent context and makes it current; a span that records nothing if that fails. */
    private HoneyHiveSpan open(Function<Context, Span> start) {
        if (closed.getAsBoolean()) {
            return ScopedSpan.noop();
        }
        try {
            Context parent = spans.parentContext();
            Span span = start.apply(parent);
            return new ScopedSpan(span, parent.with(span).makeCurrent());
        } catch (RuntimeException e) {
            startFailures.log(Level.WARNING, "Could not start a HoneyHive span; the code runs untraced", e);
            return ScopedSpan.noop();
        }
    }

    private void recordResult(Span span, @Nullable Object result) {
        if (result == null || !span.isRecording()) {
            return;
        }
        try {
            enricher.recordResult(span, result);
        } catch (RuntimeException e) {
            resultFailures.log(Level.WARNING, "Could not record the result on span", e);
        }
    }
}
