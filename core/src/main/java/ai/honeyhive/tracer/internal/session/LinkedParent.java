package ai.honeyhive.tracer.internal.session;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.BaggageBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The parent of the spans a tracer starts and the context it injects: the current context, or, when no span is
 * current and a link carrier was configured ({@code link_carrier} of the reference), the current context with the
 * carrier's parent span and its baggage beneath the current baggage.
 */
public final class LinkedParent {

    private static final LinkedParent NONE = new LinkedParent(null);

    private final @Nullable Context linked;

    private LinkedParent(@Nullable Context linked) {
        this.linked = linked;
    }

    /** The parent for a tracer with this link carrier (empty for none). */
    public static LinkedParent of(Map<String, String> linkCarrier) {
        return linkCarrier.isEmpty()
                ? NONE
                : new LinkedParent(ContextCarriers.extract(Context.root(), linkCarrier, MapCarrier.GETTER, true));
    }

    /** The context to start a span in, or to inject, now. */
    public Context current() {
        Context current = Context.current();
        if (linked == null || Span.fromContext(current).getSpanContext().isValid()) {
            return current;
        }
        BaggageBuilder baggage = Baggage.fromContext(linked).toBuilder();
        Baggage.fromContext(current).forEach((key, entry) -> baggage.put(key, entry.getValue(), entry.getMetadata()));
        return current.with(Span.fromContext(linked)).with(baggage.build());
    }
}
