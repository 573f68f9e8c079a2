package ai.honeyhive.tracer.internal.export;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;

/**
 * Hands an ended span to the batch processor only if it fits in the {@link SpanQueueBudget}: the batch processor
 * bounds its queue by count only, whatever each span holds.
 */
final class BudgetedSpanProcessor implements SpanProcessor {

    private final SpanProcessor delegate;
    private final SpanQueueBudget budget;

    BudgetedSpanProcessor(SpanProcessor delegate, SpanQueueBudget budget) {
        this.delegate = delegate;
        this.budget = budget;
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        delegate.onStart(parentContext, span);
    }

    @Override
    public boolean isStartRequired() {
        return delegate.isStartRequired();
    }

    @Override
    public void onEnd(ReadableSpan span) {
        // The batch processor ignores spans that are not sampled: they must not take a place they never give back.
        // An ended span's data is not copied: the snapshot shares its attributes and events.
        if (!span.getSpanContext().isSampled() || budget.admit(span.toSpanData())) {
            delegate.onEnd(span);
        }
    }

    @Override
    public boolean isEndRequired() {
        return true;
    }

    @Override
    public CompletableResultCode shutdown() {
        return delegate.shutdown();
    }

    @Override
    public CompletableResultCode forceFlush() {
        return delegate.forceFlush();
    }

    @Override
    public String toString() {
        return "BudgetedSpanProcessor{" + delegate + "}";
    }
}
