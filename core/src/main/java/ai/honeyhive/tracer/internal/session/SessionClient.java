package ai.honeyhive.tracer.internal.session;

import ai.honeyhive.tracer.internal.SafeJson;
import ai.honeyhive.tracer.internal.ThrottledLogger;
import ai.honeyhive.tracer.internal.export.HoneyHiveEndpoint;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Talks to HoneyHive's session endpoints ({@code POST /session/start}, {@code PUT /events}) in the background, so
 * that no caller waits on the network unless it chose a synchronous method.
 *
 * <p>Calls go through a bounded queue to a small pool of daemon threads; when the queue is full a call is dropped,
 * counted and logged (throttled). 429, 502, 503, 504 and connection failures are retried with exponential backoff
 * and jitter, honouring {@code Retry-After}; other statuses are logged once and dropped. An update for a session is
 * sent only after that session's start has ended, even while the start is being retried.
 */
public final class SessionClient implements AutoCloseable {

    /** Waits between retries; replaced in tests so that retry timing is checked without sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /**
     * How the client behaves.
     *
     * @param endpoint where the calls go, and the key they carry
     * @param timeout the connect timeout and the limit of each request
     * @param queueCapacity how many calls may wait; more are dropped
     * @param maxAttempts the most attempts of one call, first included
     * @param initialBackoff the wait before the first retry, before jitter
     * @param maxBackoff the longest wait between retries, before jitter
     * @param maxRetryAfter the longest {@code Retry-After} honoured
     */
    public record Settings(
            HoneyHiveEndpoint endpoint,
            Duration timeout,
            int queueCapacity,
            int maxAttempts,
            Duration initialBackoff,
            Duration maxBackoff,
            Duration maxRetryAfter) {

        /** The defaults: 5 attempts, backoff from 0.5 s to 10 s, {@code Retry-After} up to 30 s, 1024 queued calls. */
        public static Settings defaults(HoneyHiveEndpoint endpoint, Duration timeout) {
            return new Settings(
                    endpoint, timeout, 1024, 5, Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofSeconds(30));
        }
    }

    public static final String SESSION_START_PATH = "/session/start";
    public static final String EVENTS_PATH = "/events";

    private static final int WORKERS = 2;
    private static final Logger logger = Logger.getLogger(SessionClient.class.getName());

    private final Settings settings;
    private final HttpClient http;
    private final Map<String, String> headers;
    private final ThreadPoolExecutor workers;
    private final Sleeper sleeper;
    private final DoubleSupplier jitter;
    private final Clock clock;
    private final ConcurrentMap<String, CompletableFuture<Void>> startsInFlight = new ConcurrentHashMap<>();
    private final Set<CompletableFuture<Void>> callsInFlight = ConcurrentHashMap.newKeySet();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicInteger heldBack = new AtomicInteger();
    private final ThrottledLogger droppedLog = new ThrottledLogger(logger);
    private final ThrottledLogger failedLog = new ThrottledLogger(logger);
    private final ThrottledLogger otherIdLog = new ThrottledLogger(logger);

    public SessionClient(Settings settings) {
        this(settings, duration -> Thread.sleep(duration.toMillis()), Math::random, Clock.systemUTC());
    }

    // Visible for testing
    public SessionClient(Settings settings, Sleeper sleeper, DoubleSupplier jitter, Clock clock) {
        this.settings = settings;
        this.sleeper = sleeper;
        this.jitter = jitter;
        this.clock = clock;
        this.headers = settings.endpoint().headers();
        AtomicInteger threads = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(
                WORKERS,
                WORKERS,
                30,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(settings.queueCapacity()),
                runnable -> {
                    Thread thread = new Thread(runnable, "honeyhive-session-client-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                // Not the default policy's exception: under overload every call would pay for a stack trace.
                (task, executor) -> ((QueuedCall) task).drop());
        this.workers.allowCoreThreadTimeOut(true);
        // The client keeps its own executor: a blocking send() needs it to deliver the response, and the two
        // workers may both be blocked in send().
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    /**
     * Queues a session start. The returned future completes when the call has ended, delivered or not; updates for
     * the session wait for it.
     */
    public CompletableFuture<Void> startSession(String sessionId, ObjectNode session) {
        ObjectNode body = SafeJson.mapper().createObjectNode();
        body.set("session", session);
        CompletableFuture<Void> done = tracked();
        startsInFlight.put(sessionId, done);
        done.whenComplete((ignored, error) -> startsInFlight.remove(sessionId, done));
        submit(new Call("POST", SESSION_START_PATH, body, sessionId), done);
        return done;
    }

    /** Queues {@code PUT /events} for an event or session, after that session's start if one is in flight. */
    public CompletableFuture<Void> updateEvent(String eventId, ObjectNode body) {
        // Tracked from now, not from when it is queued, so that awaitIdle also waits for updates held back by a start.
        CompletableFuture<Void> done = tracked();
        Call call = new Call("PUT", EVENTS_PATH, body, null);
        CompletableFuture<Void> start = startsInFlight.get(eventId);
        if (start == null) {
            submit(call, done);
        } else if (heldBack.incrementAndGet() > settings.queueCapacity()) {
            // Updates waiting for a start that is being retried count against the same bound as the queue.
            heldBack.decrementAndGet();
            drop(call, done);
        } else {
            start.whenComplete((ignored, error) -> {
                heldBack.decrementAndGet();
                submit(call, done);
            });
        }
        return done;
    }

    /** How many calls were dropped because the queue was full. */
    public long droppedCalls() {
        return dropped.get();
    }

    /** Waits up to the timeout until every queued call has ended; true if they all did. */
    public boolean awaitIdle(Duration timeout) {
        try {
            CompletableFuture.allOf(new ArrayList<>(callsInFlight).toArray(CompletableFuture[]::new))
                    .get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits up to the timeout for queued calls, then stops the workers. */
    public boolean close(Duration timeout) {
        boolean idle = awaitIdle(timeout);
        workers.shutdownNow();
        // Calls that will never run now still end, so that no caller waits on them forever.
        new ArrayList<>(callsInFlight).forEach(call -> call.complete(null));
        return idle;
    }

    @Override
    public void close() {
        close(Duration.ZERO);
    }

    private CompletableFuture<Void> tracked() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        callsInFlight.add(done);
        done.whenComplete((ignored, error) -> callsInFlight.remove(done));
        return done;
    }

    private void submit(Call call, CompletableFuture<Void> done) {
        workers.execute(new QueuedCall(call, done));
    }

    /** A call waiting for a worker; dropped instead when the queue is full or the client closed. */
    private final class QueuedCall implements Runnable {
        private final Call call;
        private final CompletableFuture<Void> done;

        QueuedCall(Call call, CompletableFuture<Void> done) {
            this.call = call;
            this.done = done;
        }

        @Override
        public void run() {
            try {
                send(call);
            } catch (RuntimeException e) {
                // Not logged with the exception: a malformed request's message may quote its headers.
                failedLog.log(
                        Level.WARNING,
                        "Could not send a HoneyHive " + call.method + " " + call.path + " ("
                                + e.getClass().getName() + "); the call is dropped");
            } finally {
                done.complete(null);
            }
        }

        void drop() {
            SessionClient.this.drop(call, done);
        }
    }

    private void drop(Call call, CompletableFuture<Void> done) {
        long total = dropped.incrementAndGet();
        droppedLog.log(
                Level.WARNING,
                "Dropped a HoneyHive " + call.method + " " + call.path + ": more than " + settings.queueCapacity()
                        + " calls are waiting (" + total + " dropped so far)");
        done.complete(null);
    }

    private void send(Call call) {
        HttpRequest request = request(call);
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt >= settings.maxAttempts();
            Duration wait;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    if (call.sessionId != null) {
                        checkSessionId(call.sessionId, response.body());
                    }
                    return;
                }
                if (!isRetryable(status) || last) {
                    failedLog.log(
                            Level.WARNING,
                            "HoneyHive answered " + status + " to " + call.method + " "
                                    + call.path + (last && isRetryable(status) ? " after " + attempt + " attempts" : "")
                                    + "; the call is dropped");
                    return;
                }
                wait = retryAfter(response).orElse(backoff(attempt));
            } catch (IOException e) {
                if (last) {
                    failedLog.log(
                            Level.WARNING,
                            "Could not reach HoneyHive for " + call.method + " " + call.path
                                    + " after " + attempt + " attempts ("
                                    + e.getClass().getSimpleName()
                                    + "); the call is dropped");
                    return;
                }
                wait = backoff(attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private HttpRequest request(Call call) {
        byte[] body;
        try {
            body = SafeJson.mapper().writeValueAsBytes(call.body);
        } catch (IOException e) {
            // A tree of plain JSON nodes always serializes; this cannot happen.
            throw new IllegalStateException(e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(settings.endpoint().url(call.path)))
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(call.method, HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return request.build();
    }

    private static boolean isRetryable(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }

    /** Exponential backoff, capped, with jitter between half and all of it. */
    private Duration backoff(int attempt) {
        long base = settings.initialBackoff().toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, settings.maxBackoff().toMillis());
        return Duration.ofMillis((long) (capped * (0.5 + 0.5 * jitter.getAsDouble())));
    }

    /** {@code Retry-After} in seconds or as an HTTP date, capped; empty when absent or unreadable. */
    private Optional<Duration> retryAfter(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After");
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get().strip();
        Duration wait;
        try {
            wait = Duration.ofSeconds(Long.parseLong(value));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                wait = Duration.between(clock.instant(), at.toInstant());
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
        if (wait.isNegative()) {
            wait = Duration.ZERO;
        }
        return Optional.of(wait.compareTo(settings.maxRetryAfter()) > 0 ? settings.maxRetryAfter() : wait);
    }

    /** Reads the answer leniently: whatever it holds, our id stands; a different one is worth a warning. */
    private void checkSessionId(String sent, @Nullable String body) {
        if (body == null || body.isBlank()) {
            return;
        }
        try {
            JsonNode answer = SafeJson.mapper().readTree(body);
            JsonNode id = answer == null ? null : answer.get("session_id");
            if (id != null && id.isTextual() && !id.textValue().equalsIgnoreCase(sent)) {
                otherIdLog.log(
                        Level.WARNING,
                        "HoneyHive answered a session start with another session id than"
                                + " the one sent; spans keep the id that was sent");
            }
        } catch (IOException e) {
            logger.fine("The answer to a session start was not JSON; ignored");
        }
    }

    private record Call(String method, String path, JsonNode body, @Nullable String sessionId) {}

    @Override
    public String toString() {
        return "SessionClient{" + settings.endpoint().serverUrl() + ", queued="
                + workers.getQueue().size() + "}";
    }
}
