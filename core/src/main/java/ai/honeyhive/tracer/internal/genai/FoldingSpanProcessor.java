package ai.honeyhive.tracer.internal.genai;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;

/**
 * Hands ended spans on to the tracer's delivery (its batch processors), each with the gen_ai log records gathered
 * for it ({@link GenAiLogFold}); the conversion to attributes waits until the span is exported, off the thread that
 * ended it.
 */
public final class FoldingSpanProcessor implements SpanProcessor {

    private final GenAiLogFold fold;
    private final SpanProcessor delivery;

    public FoldingSpanProcessor(GenAiLogFold fold, SpanProcessor delivery) {
        this.fold = fold;
        this.delivery = delivery;
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        delivery.onStart(parentContext, span);
    }

    @Override
    public boolean isStartRequired() {
        return delivery.isStartRequired();
    }

    @Override
    public void onEnd(ReadableSpan span) {
        FoldedMessages messages = fold.take(span.getSpanContext().getSpanId());
        delivery.onEnd(messages == null ? span : new FoldedSpan(span, messages));
    }

    @Override
    public boolean isEndRequired() {
        return true;
    }

    @Override
    public CompletableResultCode shutdown() {
        return delivery.shutdown();
    }

    @Override
    public CompletableResultCode forceFlush() {
        return delivery.forceFlush();
    }
}
