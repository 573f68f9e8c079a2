package ai.honeyhive.quarkus.runtime.internal;

import ai.honeyhive.cdi.internal.TracedInvocation;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.AbstractMulti;
import io.smallrye.mutiny.operators.AbstractUni;
import io.smallrye.mutiny.subscription.MultiSubscriber;
import io.smallrye.mutiny.subscription.UniSubscriber;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Ends a {@code @Traced} span when a Mutiny {@link Uni} or {@link Multi} terminates (item, failure, completion or
 * cancellation) rather than when the method returns, and subscribes to it with the span current, so that what the
 * pipeline does when it is subscribed to is a child of the span. Completion stages are handled as everywhere else.
 */
final class MutinyResults implements TracedInvocation.AsyncResults {

    static final MutinyResults INSTANCE = new MutinyResults();

    private MutinyResults() {}

    @Override
    public @Nullable Object whenDone(
            Object result,
            Class<?> declaredType,
            Context spanContext,
            BiConsumer<@Nullable Object, @Nullable Throwable> onDone) {
        // Only where the method declares exactly Uni or Multi: a subclass (a processor, say) is returned as it is.
        if (declaredType == Uni.class && result instanceof Uni<?> uni) {
            return traced(uni, spanContext, once(onDone));
        }
        if (declaredType == Multi.class && result instanceof Multi<?> multi) {
            return traced(multi, spanContext, once(onDone));
        }
        return TracedInvocation.COMPLETION_STAGES.whenDone(result, declaredType, spanContext, onDone);
    }

    @Override
    public boolean mayAdapt(Object result) {
        return result instanceof Uni || result instanceof Multi || TracedInvocation.COMPLETION_STAGES.mayAdapt(result);
    }

    private static <T> Uni<T> traced(
            Uni<T> uni, Context spanContext, BiConsumer<@Nullable Object, @Nullable Throwable> onDone) {
        Uni<T> ending =
                uni.onItemOrFailure().invoke(onDone::accept).onCancellation().invoke(() -> onDone.accept(null, null));
        AtomicBoolean subscribed = new AtomicBoolean();
        return new AbstractUni<>() {
            @Override
            public void subscribe(UniSubscriber<? super T> subscriber) {
                if (!subscribed.compareAndSet(false, true)) {
                    // A later subscription runs in its own subscriber's context, not in this call's span.
                    AbstractUni.subscribe(ending, subscriber);
                    return;
                }
                try (Scope ignored = spanContext.makeCurrent()) {
                    AbstractUni.subscribe(ending, subscriber);
                }
            }
        };
    }

    private static <T> Multi<T> traced(
            Multi<T> multi, Context spanContext, BiConsumer<@Nullable Object, @Nullable Throwable> onDone) {
        Multi<T> ending = multi.onTermination().invoke((failure, cancelled) -> onDone.accept(null, failure));
        AtomicBoolean subscribed = new AtomicBoolean();
        return new AbstractMulti<>() {
            @Override
            public void subscribe(MultiSubscriber<? super T> subscriber) {
                if (!subscribed.compareAndSet(false, true)) {
                    ending.subscribe(subscriber);
                    return;
                }
                try (Scope ignored = spanContext.makeCurrent()) {
                    ending.subscribe(subscriber);
                }
            }
        };
    }

    /** A lazy result may be subscribed to more than once; the span ends at the first termination. */
    private static BiConsumer<@Nullable Object, @Nullable Throwable> once(
            BiConsumer<@Nullable Object, @Nullable Throwable> onDone) {
        AtomicBoolean done = new AtomicBoolean();
        return (value, error) -> {
            if (done.compareAndSet(false, true)) {
                onDone.accept(value, error);
            }
        };
    }
}
