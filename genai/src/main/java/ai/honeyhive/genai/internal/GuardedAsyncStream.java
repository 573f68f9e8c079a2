package ai.honeyhive.genai.internal;

import com.openai.core.http.AsyncStreamResponse;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The asynchronous client's stream seen through {@link StreamGuard}: {@code close()} never throws and closes the HTTP
 * stream, and the model span ends when the stream does, also where the wrapper fails to end it.
 */
final class GuardedAsyncStream<T> implements AsyncStreamResponse<T> {

    private final AsyncStreamResponse<T> instrumented;
    private final CapturedStream captured;
    // A stream the caller closed ended because it was asked to: no error, as for the synchronous client.
    private volatile boolean closedByCaller;

    GuardedAsyncStream(AsyncStreamResponse<T> instrumented, CapturedStream captured) {
        this.instrumented = instrumented;
        this.captured = captured;
        // After the handlers have seen the end: a span the wrapper left open could not be completed by it.
        instrumented.onCompleteFuture().whenComplete((ignored, error) -> {
            if (error != null) {
                captured.endSpan(error);
            } else if (closedByCaller) {
                captured.endSpan(null);
            } else {
                captured.endUnfinished();
            }
        });
    }

    @Override
    public AsyncStreamResponse<T> subscribe(Handler<? super T> handler) {
        instrumented.subscribe(endingSpan(handler));
        return this;
    }

    @Override
    public AsyncStreamResponse<T> subscribe(Handler<? super T> handler, Executor executor) {
        instrumented.subscribe(endingSpan(handler), executor);
        return this;
    }

    private Handler<T> endingSpan(Handler<? super T> handler) {
        return new Handler<>() {
            @Override
            public void onNext(T chunk) {
                handler.onNext(chunk);
            }

            @Override
            public void onComplete(Optional<Throwable> error) {
                try {
                    handler.onComplete(error);
                } finally {
                    error.ifPresent(captured::endSpan);
                }
            }
        };
    }

    @Override
    public CompletableFuture<Void> onCompleteFuture() {
        return instrumented.onCompleteFuture();
    }

    @Override
    public void close() {
        closedByCaller = true;
        captured.close(instrumented::close);
    }
}
