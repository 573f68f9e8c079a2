package ai.honeyhive.genai.internal;

import ai.honeyhive.tracer.internal.ThrottledLogger;
import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.ReadableSpan;
import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * Keeps a streamed call's model span and connection sound when OpenTelemetry's openai-java wrapper fails on them:
 * its release 2.31 throws out of {@code StreamResponse.close()} when a stream is closed before its last chunk, and
 * when a stream breaks off, before it has closed the HTTP stream or ended its span. Seen through this guard, the
 * caller gets no exception from {@code close()}, the HTTP stream is closed, and the model span is ended (with the
 * error, for a stream that broke off) so that it reaches HoneyHive.
 */
public final class StreamGuard {

    private static final String WRAPPER_SCOPE = "io.opentelemetry.openai-java-1.1";
    private static final Logger logger = Logger.getLogger(StreamGuard.class.getName());
    private static final ThrottledLogger failures = new ThrottledLogger(logger);
    // The raw stream and the wrapper's span of the streamed call under way on this thread, from inside to outside.
    private static final ThreadLocal<Captured> CAPTURED = new ThreadLocal<>();

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

    private static StreamResponse<?> capture(StreamResponse<?> raw) {
        CAPTURED.set(new Captured(raw, Span.current()));
        return raw;
    }

    private static StreamResponse<?> guarded(StreamResponse<?> instrumented) {
        Captured captured = CAPTURED.get();
        CAPTURED.remove();
        return captured == null ? instrumented : new GuardedStream<>(instrumented, captured);
    }

    private record Captured(StreamResponse<?> raw, Span span) {

        /** Ends the wrapper's span if it is left open (and only the wrapper's), with the error if there is one. */
        void endSpan(@Nullable Throwable error) {
            if (!(span instanceof ReadableSpan readable)
                    || readable.hasEnded()
                    || !WRAPPER_SCOPE.equals(
                            readable.getInstrumentationScopeInfo().getName())) {
                return;
            }
            if (error != null) {
                span.recordException(error);
                span.setStatus(StatusCode.ERROR, error.getClass().getName());
            }
            span.end();
        }
    }

    private static final class GuardedStream<T> implements StreamResponse<T> {
        private final StreamResponse<T> instrumented;
        private final Captured captured;

        GuardedStream(StreamResponse<T> instrumented, Captured captured) {
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
            try {
                instrumented.close();
            } catch (RuntimeException e) {
                failures.log(
                        Level.FINE,
                        "OpenTelemetry's openai-java instrumentation failed to close a stream; closed it here",
                        e);
                try {
                    captured.raw().close();
                } catch (RuntimeException closing) {
                    failures.log(Level.WARNING, "Could not close an openai-java stream", closing);
                }
            } finally {
                captured.endSpan(null);
            }
        }
    }

    private static final class GuardedSpliterator<T> implements Spliterator<T> {
        private final Spliterator<T> delegate;
        private final Captured captured;

        GuardedSpliterator(Spliterator<T> delegate, Captured captured) {
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
