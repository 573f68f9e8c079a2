package ai.honeyhive.tracer.internal.export;

import static java.util.Objects.requireNonNull;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.Compressor;
import io.opentelemetry.sdk.common.export.HttpResponse;
import io.opentelemetry.sdk.common.export.HttpSender;
import io.opentelemetry.sdk.common.export.HttpSenderConfig;
import io.opentelemetry.sdk.common.export.MessageWriter;
import io.opentelemetry.sdk.common.export.RetryPolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/**
 * Sends OTLP/HTTP export requests with the JDK's HTTP client, through OpenTelemetry's public sender interface
 * (since 1.59). OpenTelemetry's own JDK sender is a separate artifact that a platform BOM may pin to a version that
 * does not fit the SDK it brings; this one needs nothing beyond the SDK, so on Quarkus the platform BOM alone is
 * enough. It reads only the configuration every release since 1.59 has.
 *
 * <p>Each request runs on the exporter's executor (the pipeline's bounded pool) and waits there, within the export
 * timeout, for its answer and its retries: 429, 502, 503, 504 and I/O failures other than TLS ones, with the policy's backoff and jitter.
 */
final class JdkClientHttpSender implements HttpSender {

    // An error answer's body is logged by the exporter; more than this is never read.
    static final int MAX_RESPONSE_BODY = 64 * 1024;
    private static final List<Integer> RETRYABLE_STATUSES = List.of(429, 502, 503, 504);

    private final HttpClient client;
    private final URI endpoint;
    private final String contentType;
    private final @Nullable Compressor compressor;
    private final Duration timeout;
    private final Supplier<Map<String, List<String>>> headers;
    private final @Nullable RetryPolicy retryPolicy;
    private final ExecutorService executor;

    JdkClientHttpSender(HttpSenderConfig config) {
        HttpClient.Builder client = HttpClient.newBuilder()
                .connectTimeout(config.getConnectTimeout())
                // HTTP/2 where TLS offers it; on plain HTTP no h2c upgrade, which some proxies stall on.
                .version(
                        "https".equalsIgnoreCase(config.getEndpoint().getScheme())
                                ? HttpClient.Version.HTTP_2
                                : HttpClient.Version.HTTP_1_1);
        if (config.getProxyOptions() != null) {
            client.proxy(config.getProxyOptions().getProxySelector());
        }
        if (config.getSslContext() != null) {
            client.sslContext(config.getSslContext());
        }
        this.client = client.build();
        this.endpoint = config.getEndpoint();
        this.contentType = config.getContentType();
        this.compressor = config.getCompressor();
        this.timeout = config.getTimeout();
        this.headers = config.getHeadersSupplier();
        this.retryPolicy = config.getRetryPolicy();
        // The pipeline always hands the exporter its pool; without one there would be nowhere to wait for answers.
        this.executor = requireNonNull(config.getExecutorService(), "the exporter's executor");
    }

    @Override
    public void send(MessageWriter message, Consumer<HttpResponse> onResponse, Consumer<Throwable> onError) {
        byte[] body;
        try {
            body = body(message);
        } catch (IOException | RuntimeException e) {
            onError.accept(e);
            return;
        }
        try {
            executor.execute(new Export(body, onResponse, onError));
        } catch (RejectedExecutionException e) {
            onError.accept(e);
        }
    }

    /**
     * Ends an export that never ran (its thread pool was stopped at close): it fails, so the exporter counts it and
     * what waits for it ends.
     */
    static void abandon(Runnable task) {
        if (task instanceof Export export) {
            export.onError.accept(new IOException("The tracer closed before this export was sent"));
        }
    }

    /** One export on the pool: its answer or its failure reaches exactly one of the two callbacks. */
    private final class Export implements Runnable {
        private final byte[] body;
        private final Consumer<HttpResponse> onResponse;
        private final Consumer<Throwable> onError;

        Export(byte[] body, Consumer<HttpResponse> onResponse, Consumer<Throwable> onError) {
            this.body = body;
            this.onResponse = onResponse;
            this.onError = onError;
        }

        @Override
        public void run() {
            HttpResponse response;
            try {
                response = sendWithRetries(body);
            } catch (InterruptedException e) {
                onError.accept(e);
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable e) {
                onError.accept(e);
                return;
            }
            // Outside the try: a callback that throws must not also be reported as a failed export.
            onResponse.accept(response);
        }
    }

    /** The request body, written once on the caller's thread (the exporter's) and compressed if configured. */
    private byte[] body(MessageWriter message) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(message.getContentLength(), 32));
        if (compressor == null) {
            message.writeMessage(bytes);
        } else {
            try (OutputStream compressed = compressor.compress(bytes)) {
                message.writeMessage(compressed);
            }
        }
        return bytes.toByteArray();
    }

    /**
     * Sends until an answer is final, the attempts are used up, or the timeout (which covers the whole export, as in
     * OpenTelemetry's own senders) has passed; each attempt gets what is left of it.
     */
    private HttpResponse sendWithRetries(byte[] body) throws IOException, InterruptedException {
        int maxAttempts = retryPolicy == null ? 1 : retryPolicy.getMaxAttempts();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int attempt = 1; ; attempt++) {
            Duration left = Duration.ofNanos(Math.max(deadline - System.nanoTime(), 1_000_000));
            try {
                HttpResponse response = sendOnce(body, left);
                if (attempt >= maxAttempts
                        || !RETRYABLE_STATUSES.contains(response.getStatusCode())
                        || !sleptBeforeRetry(attempt, deadline)) {
                    return response;
                }
            } catch (IOException e) {
                if (attempt >= maxAttempts || !retryable(e) || !sleptBeforeRetry(attempt, deadline)) {
                    throw e;
                }
            }
        }
    }

    /** Waits the backoff before the next attempt; false, without waiting, when that would pass the deadline. */
    private boolean sleptBeforeRetry(int attempt, long deadline) throws InterruptedException {
        Duration backoff = backoff(attempt);
        if (System.nanoTime() + backoff.toNanos() >= deadline) {
            return false;
        }
        Thread.sleep(backoff.toMillis());
        return true;
    }

    private HttpResponse sendOnce(byte[] body, Duration timeout) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (compressor != null) {
            request.header("Content-Encoding", compressor.getEncoding());
        }
        Map<String, List<String>> extra = headers.get();
        if (extra != null) {
            extra.forEach((name, values) -> values.forEach(value -> request.header(name, value)));
        }
        java.net.http.HttpResponse<InputStream> response =
                client.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofInputStream());
        byte[] answer;
        try (InputStream in = response.body()) {
            answer = in.readNBytes(MAX_RESPONSE_BODY);
        }
        return new Answer(response.statusCode(), answer);
    }

    private boolean retryable(IOException e) {
        Predicate<IOException> policy = retryPolicy == null ? null : retryPolicy.getRetryExceptionPredicate();
        if (policy != null) {
            return policy.test(e);
        }
        // As OpenTelemetry's own senders: nearly every I/O failure (a refused or reset connection, one closed before
        // an answer, a timeout) passes; a TLS failure does not.
        return !(e instanceof SSLException);
    }

    /** Exponential backoff with full jitter, as OpenTelemetry's senders do. */
    private Duration backoff(int attempt) {
        RetryPolicy policy = retryPolicy == null ? RetryPolicy.getDefault() : retryPolicy;
        double exponential =
                policy.getInitialBackoff().toNanos() * Math.pow(policy.getBackoffMultiplier(), attempt - 1);
        long cap = (long) Math.min(exponential, policy.getMaxBackoff().toNanos());
        return Duration.ofNanos(ThreadLocalRandom.current().nextLong(Math.max(cap, 1)));
    }

    @Override
    public CompletableResultCode shutdown() {
        // The executor belongs to the pipeline, which stops it; the JDK 17 client has nothing to close.
        return CompletableResultCode.ofSuccess();
    }

    private record Answer(int status, byte[] body) implements HttpResponse {

        @Override
        public int getStatusCode() {
            return status;
        }

        @Override
        public String getStatusMessage() {
            // The JDK client does not keep the reason phrase.
            return "HTTP " + status;
        }

        @Override
        public byte[] getResponseBody() {
            return body.clone();
        }
    }
}
