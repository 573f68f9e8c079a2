package ai.honeyhive.genai.internal;

import com.openai.client.OpenAIClient;
import com.openai.client.OpenAIClientAsync;
import com.openai.core.http.AsyncStreamResponse;
import com.openai.core.http.StreamResponse;
import io.opentelemetry.api.trace.Span;
import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * Keeps a streamed call's model span and connection sound when OpenTelemetry's openai-java wrapper fails on them:
 * its release 2.31 throws out of {@code close()} when a stream is closed before its last chunk, and when a stream
 * breaks off, before it has closed the HTTP stream or ended its span; the asynchronous client's streams then never
 * end their span at all. Seen through this guard, the caller gets no exception from {@code close()}, the HTTP stream
 * is closed, and the model span is ended (with the error, for a stream that broke off) so that it reaches HoneyHive.
 */
public final class StreamGuard {

    // The raw stream and the wrapper's span of the streamed call under way on this thread, from inside to outside.
    private static final ThreadLocal<CapturedStream> CAPTURED = new ThreadLocal<>();

    private StreamGuard() {}

    /**
     * The client seen through the guard: {@code instrument} wraps the inner view of the raw client (OpenTelemetry's
     * wrapper does), and the guard sees the result.
     */
    public static OpenAIClient guard(OpenAIClient raw, UnaryOperator<OpenAIClient> instrument) {
        OpenAIClient inner = ServiceProxy.wrap(OpenAIClient.class, raw, StreamGuard::capture, () -> {});
        // A call that failed after the inner capture must not leave it for the next one on this thread.
        return ServiceProxy.wrap(OpenAIClient.class, instrument.apply(inner), StreamGuard::guarded, CAPTURED::remove);
    }

    /** The asynchronous client seen through the guard, as {@link #guard(OpenAIClient, UnaryOperator)}. */
    public static OpenAIClientAsync guard(OpenAIClientAsync raw, UnaryOperator<OpenAIClientAsync> instrument) {
        OpenAIClientAsync inner = ServiceProxy.wrap(OpenAIClientAsync.class, raw, StreamGuard::capture, () -> {});
        return ServiceProxy.wrap(
                OpenAIClientAsync.class, instrument.apply(inner), StreamGuard::guarded, CAPTURED::remove);
    }

    private static Object capture(Object raw) {
        CAPTURED.set(new CapturedStream(raw, Span.current()));
        return raw;
    }

    private static Object guarded(Object instrumented) {
        CapturedStream captured = CAPTURED.get();
        CAPTURED.remove();
        if (captured == null) {
            return instrumented;
        }
        if (instrumented instanceof AsyncStreamResponse<?> stream) {
            return new GuardedAsyncStream<>(stream, captured);
        }
        return new GuardedStream<>((StreamResponse<?>) instrumented, captured);
    }

    private static final class GuardedStream<T> implements StreamResponse<T> {
        private final StreamResponse<T> instrumented;
        private final CapturedStream captured;

        GuardedStream(StreamResponse<T> instrumented, CapturedStream captured) {
            this.instrumented = instrumented;
            this.captured = captured;
        }

        @Override
        public Stream<T> stream() {
            Stream<T> stream = instrumented.stream();
            return StreamSupport.stream(new GuardedSpliterator<>(stream.spliterator(), captured), false)
                    .onClose(stream::close);
        }

        @Override
        public void close() {
            captured.close(instrumented::close);
        }
    }

    private static final class GuardedSpliterator<T> implements Spliterator<T> {
        private final Spliterator<T> delegate;
        private final CapturedStream captured;

        GuardedSpliterator(Spliterator<T> delegate, CapturedStream captured) {
            this.delegate = delegate;
            this.captured = captured;
        }

        @Override
        public boolean tryAdvance(Consumer<? super T> action) {
            boolean[] applicationFailed = {false};
            try {
                return delegate.tryAdvance(chunk -> {
                    try {
                        action.accept(chunk);
                    } catch (RuntimeException e) {
                        applicationFailed[0] = true;
                        throw e;
                    }
                });
            } catch (RuntimeException e) {
                if (!applicationFailed[0]) {
                    // The stream failed (or the instrumentation did): the model call ended with it.
                    captured.endSpan(e);
                }
                throw e;
            }
        }

        @Override
        public @Nullable Spliterator<T> trySplit() {
            return null;
        }

        @Override
        public long estimateSize() {
            return delegate.estimateSize();
        }

        @Override
        public int characteristics() {
            return delegate.characteristics() & ~Spliterator.SIZED & ~Spliterator.SUBSIZED;
        }
    }
}
