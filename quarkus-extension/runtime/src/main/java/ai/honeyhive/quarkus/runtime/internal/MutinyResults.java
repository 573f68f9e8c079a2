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
            Object result, Context spanContext, BiConsumer<@Nullable Object, @Nullable Throwable> onDone) {
        if (result instanceof Uni<?> uni) {
            return traced(uni, spanContext, once(onDone));
        }
        if (result instanceof Multi<?> multi) {
            return traced(multi, spanContext, once(onDone));
        }
        return TracedInvocation.COMPLETION_STAGES.whenDone(result, spanContext, onDone);
    }

    private static <T> Uni<T> traced(
            Uni<T> uni, Context spanContext, BiConsumer<@Nullable Object, @Nullable Throwable> onDone) {
        Uni<T> ending =
                uni.onItemOrFailure().invoke(onDone::accept).onCancellation().invoke(() -> onDone.accept(null, null));
        return new AbstractUni<>() {
            @Override
            public void subscribe(UniSubscriber<? super T> subscriber) {
                try (Scope ignored = spanContext.makeCurrent()) {
                    AbstractUni.subscribe(ending, subscriber);
                }
            }
        };
    }

    private static <T> Multi<T> traced(
            Multi<T> multi, Context spanContext, BiConsumer<@Nullable Object, @Nullable Throwable> onDone) {
        Multi<T> ending = multi.onTermination().invoke((failure, cancelled) -> onDone.accept(null, failure));
        return new AbstractMulti<>() {
            @Override
            public void subscribe(MultiSubscriber<? super T> subscriber) {
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
