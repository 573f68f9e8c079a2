package ai.honeyhive.tracer.internal.export;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.testing.RecordingHoneyHiveServer;
import ai.honeyhive.testing.Response;
import ai.honeyhive.testing.Route;
import io.opentelemetry.sdk.common.export.Compressor;
import io.opentelemetry.sdk.common.export.HttpResponse;
import io.opentelemetry.sdk.common.export.HttpSenderConfig;
import io.opentelemetry.sdk.common.export.MessageWriter;
import io.opentelemetry.sdk.common.export.ProxyOptions;
import io.opentelemetry.sdk.common.export.RetryPolicy;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sender on its own, against a recording server: each export ends in exactly one callback, even at close. */
class JdkClientHttpSenderIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final RecordingHoneyHiveServer server = RecordingHoneyHiveServer.start();
    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        pool.shutdownNow();
        server.releaseHangs();
        server.close();
    }

    @Test
    void anAnswerReachesOnlyTheResponseCallback() throws Exception {
        Outcome outcome = new Outcome();
        sender().send(body("spans"), outcome::answered, outcome::failed);

        assertThat(outcome.ended.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("answered 200");
        assertThat(outcome.callbacks.get()).isEqualTo(1);
        assertThat(server.requests(Route.TRACES).get(0).bodyText()).isEqualTo("spans");
    }

    @Test
    void exportsStillQueuedWhenThePoolStopsFailInsteadOfNeverEnding() throws Exception {
        server.respondByDefault(Route.TRACES, Response.hang());
        JdkClientHttpSender sender = sender();
        Outcome sending = new Outcome();
        Outcome queued = new Outcome();
        sender.send(body("first"), sending::answered, sending::failed);
        sender.send(body("second"), queued::answered, queued::failed);
        // The pool's one thread now waits on the hanging backend; the second export waits for that thread.
        server.awaitRequests(Route.TRACES, 1, WAIT);

        pool.shutdownNow().forEach(JdkClientHttpSender::abandon);

        assertThat(queued.ended.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                .isEqualTo("failed: The tracer closed before this export was sent");
        assertThat(sending.ended.get(WAIT.toSeconds(), TimeUnit.SECONDS)).startsWith("failed");
        assertThat(sending.callbacks.get() + queued.callbacks.get()).isEqualTo(2);
        assertThat(server.requests(Route.TRACES)).hasSize(1);
    }

    private JdkClientHttpSender sender() {
        return new JdkClientHttpSender(new Config(URI.create(server.baseUrl() + Route.TRACES.path()), pool));
    }

    private static MessageWriter body(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new MessageWriter() {
            @Override
            public void writeMessage(OutputStream output) throws IOException {
                output.write(bytes);
            }

            @Override
            public int getContentLength() {
                return bytes.length;
            }
        };
    }

    /** What became of one export: the first callback's account, and how many callbacks there were. */
    private static final class Outcome {
        final CompletableFuture<String> ended = new CompletableFuture<>();
        final AtomicInteger callbacks = new AtomicInteger();

        void answered(HttpResponse response) {
            callbacks.incrementAndGet();
            ended.complete("answered " + response.getStatusCode());
        }

        void failed(Throwable error) {
            callbacks.incrementAndGet();
            ended.complete("failed: " + error.getMessage());
        }
    }

    /** What the OTLP exporter would configure: no compression, proxy, TLS or retries; a timeout that outlasts the test. */
    private record Config(URI endpoint, ExecutorService executor) implements HttpSenderConfig {
        @Override
        public URI getEndpoint() {
            return endpoint;
        }

        @Override
        public String getContentType() {
            return "application/x-protobuf";
        }

        @Override
        public Compressor getCompressor() {
            return null;
        }

        @Override
        public Duration getTimeout() {
            return Duration.ofMinutes(5);
        }

        @Override
        public Duration getConnectTimeout() {
            return Duration.ofSeconds(10);
        }

        @Override
        public Supplier<Map<String, List<String>>> getHeadersSupplier() {
            return Map::of;
        }

        @Override
        public ProxyOptions getProxyOptions() {
            return null;
        }

        @Override
        public RetryPolicy getRetryPolicy() {
            return null;
        }

        @Override
        public SSLContext getSslContext() {
            return null;
        }

        @Override
        public X509TrustManager getTrustManager() {
            return null;
        }

        @Override
        public ExecutorService getExecutorService() {
            return executor;
        }
    }
}
