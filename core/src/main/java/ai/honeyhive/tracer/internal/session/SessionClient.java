package ai.honeyhive.tracer.internal.session;

import ai.honeyhive.tracer.SessionCallStatistics;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Talks to HoneyHive's session endpoints ({@code POST /session/start}, {@code PUT /events}) in the background, so
 * that no caller waits on the network unless it chose a synchronous method.
 *
 * <p>Calls are sent asynchronously, at most {@code maxInFlight} at once; the others wait in order. Every call taken
 * and not yet ended (waiting, in flight, waiting to be retried, or held back behind its session's start) counts
 * against two bounds, in calls and in body bytes; past either, a call is dropped, counted and logged (throttled). 429,
 * 502, 503, 504 and connection failures are retried with exponential backoff and jitter, honouring
 * {@code Retry-After}, on a timer: a call waiting to be retried holds no thread and no place in flight. Other statuses
 * are logged once and dropped.
 *
 * <p>A session's updates go out only after its start has been delivered. If the start was dropped or failed, its
 * updates are dropped too: HoneyHive would get updates for a session it never saw. A start that the caller waits for
 * ({@code callerWaits}) goes out at once, ahead of the waiting calls.
 */
public final class SessionClient implements AutoCloseable {

    /** Runs an action after a wait; replaced in tests so that retry timing is checked without waiting. */
    @FunctionalInterface
    public interface Delays {
        void after(Duration wait, Runnable action);
    }

    /**
     * How the client behaves.
     *
     * @param endpoint where the calls go, and the key they carry
     * @param timeout the connect timeout and the limit of each request
     * @param queueCapacity how many calls may be taken and not yet ended; more are dropped
     * @param maxQueuedBytes how many body bytes those calls may hold; more are dropped
     * @param maxInFlight how many calls may be sent at once
     * @param maxAttempts the most attempts of one call, first included
     * @param initialBackoff the wait before the first retry, before jitter
     * @param maxBackoff the longest wait between retries, before jitter
     * @param maxRetryAfter the longest {@code Retry-After} honoured
     */
    public record Settings(
            HoneyHiveEndpoint endpoint,
            Duration timeout,
            int queueCapacity,
            long maxQueuedBytes,
            int maxInFlight,
            int maxAttempts,
            Duration initialBackoff,
            Duration maxBackoff,
            Duration maxRetryAfter) {

        /**
         * The defaults: 8192 calls or 32 MiB held, 5 attempts, backoff from 0.5 s to 10 s, {@code Retry-After} up to
         * 30 s.
         */
        public static Settings defaults(HoneyHiveEndpoint endpoint, Duration timeout, int maxInFlight) {
            return new Settings(
                    endpoint,
                    timeout,
                    8192,
                    32L * 1024 * 1024,
                    maxInFlight,
                    5,
                    Duration.ofMillis(500),
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(30));
        }
    }

    public static final String SESSION_START_PATH = "/session/start";
    public static final String EVENTS_PATH = "/events";

    // The sessions whose start was not delivered, remembered so that their later updates are dropped too.
    private static final int UNDELIVERED_STARTS_KEPT = 4096;
    private static final Logger logger = Logger.getLogger(SessionClient.class.getName());

    private final Settings settings;
    private final HttpClient http;
    private final ExecutorService senders;
    private final Map<String, String> headers;
    private final Delays delays;
    private final @Nullable ScheduledExecutorService timer;
    private final DoubleSupplier jitter;
    private final Clock clock;

    private final Object lock = new Object();
    private final ArrayDeque<Call> waiting = new ArrayDeque<>();
    // Calls waiting on the timer to be retried: released at close, when the timer will not run them.
    private final Set<Call> retrying = new java.util.HashSet<>();
    // A session whose start has not ended -> the updates held back until it has.
    private final Map<String, List<Call>> heldBehindStart = new HashMap<>();
    private final Map<String, Boolean> undeliveredStarts = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > UNDELIVERED_STARTS_KEPT;
        }
    };
    private int inFlight;
    private int held;
    private long heldBytes;
    private boolean closed;

    private final Set<CompletableFuture<Void>> unfinished = ConcurrentHashMap.newKeySet();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final ThrottledLogger droppedLog = new ThrottledLogger(logger);
    private final ThrottledLogger failedLog = new ThrottledLogger(logger);
    private final ThrottledLogger otherIdLog = new ThrottledLogger(logger);

    public SessionClient(Settings settings) {
        this(settings, null, Math::random, Clock.systemUTC());
    }

    /**
     * @param delays where retries wait, or null for the client's own timer thread
     */
    // Visible for testing
    public SessionClient(Settings settings, @Nullable Delays delays, DoubleSupplier jitter, Clock clock) {
        this.settings = settings;
        this.jitter = jitter;
        this.clock = clock;
        this.headers = settings.endpoint().headers();
        if (delays == null) {
            ScheduledThreadPoolExecutor ownTimer = new ScheduledThreadPoolExecutor(1, runnable -> {
                Thread thread = new Thread(runnable, "honeyhive-session-retries");
                thread.setDaemon(true);
                return thread;
            });
            ownTimer.setRemoveOnCancelPolicy(true);
            this.timer = ownTimer;
            this.delays = (wait, action) -> ownTimer.schedule(action, wait.toNanos(), TimeUnit.NANOSECONDS);
        } else {
            this.timer = null;
            this.delays = delays;
        }
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
        // As many threads as calls in flight (at most max-in-flight, and the callers' own synchronous starts), each
        // ended after 30 s idle: a call never waits for a thread.
        this.senders = new ThreadPoolExecutor(
                0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "honeyhive-session-send");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * Takes a session start. The returned future completes when the call has ended, delivered or not; updates for
     * the session wait for it.
     *
     * @param callerWaits whether the caller waits for it: then it is sent at once, ahead of the waiting calls, and
     *     not bounded (the caller's thread is what holds it)
     */
    public CompletableFuture<Void> startSession(String sessionId, ObjectNode session, boolean callerWaits) {
        ObjectNode body = SafeJson.mapper().createObjectNode();
        body.set("session", session);
        Call call = new Call("POST", SESSION_START_PATH, bytes(body), sessionId);
        List<Call> toSend;
        String refused = null;
        synchronized (lock) {
            undeliveredStarts.remove(sessionId);
            if (closed || (!callerWaits && !takeLocked(call))) {
                undeliveredStarts.put(sessionId, Boolean.TRUE);
                refused = closed ? "the client closed" : heldText();
                toSend = List.of();
            } else {
                if (callerWaits) {
                    holdLocked(call);
                }
                // A second start of a session whose first is under way leaves the first in charge of its updates.
                if (!heldBehindStart.containsKey(sessionId)) {
                    call.heldUpdates = new ArrayList<>();
                    heldBehindStart.put(sessionId, call.heldUpdates);
                }
                toSend = dispatchLocked(call, callerWaits);
            }
        }
        if (refused != null) {
            return refuse(call, refused);
        }
        sendAll(toSend);
        return call.done;
    }

    /** Takes a session start in the background; see {@link #startSession(String, ObjectNode, boolean)}. */
    public CompletableFuture<Void> startSession(String sessionId, ObjectNode session) {
        return startSession(sessionId, session, false);
    }

    /** Takes {@code PUT /events} for an event or session, to go after that session's start if one is under way. */
    public CompletableFuture<Void> updateEvent(String eventId, ObjectNode body) {
        Call call = new Call("PUT", EVENTS_PATH, bytes(body), null);
        List<Call> toSend;
        String refused = null;
        synchronized (lock) {
            if (undeliveredStarts.containsKey(eventId)) {
                refused = "the start of its session was not delivered";
                toSend = List.of();
            } else if (!takeLocked(call)) {
                refused = heldText();
                toSend = List.of();
            } else {
                List<Call> behind = heldBehindStart.get(eventId);
                if (behind != null) {
                    behind.add(call);
                    return call.done;
                }
                toSend = dispatchLocked(call, false);
            }
        }
        if (refused != null) {
            return refuse(call, refused);
        }
        sendAll(toSend);
        return call.done;
    }

    /** What became of the calls so far: every call taken is delivered, failed, dropped or still held (queued). */
    public SessionCallStatistics statistics() {
        synchronized (lock) {
            return new SessionCallStatistics(delivered.sum(), failed.sum(), dropped.sum(), held);
        }
    }

    /** Waits up to the timeout until every call taken so far has ended; true if they all did. */
    public boolean awaitIdle(Duration timeout) {
        try {
            CompletableFuture.allOf(new ArrayList<>(unfinished).toArray(CompletableFuture[]::new))
                    .get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits up to the timeout for the calls taken, then stops; what is still held is dropped and counted. */
    public boolean close(Duration timeout) {
        boolean idle = awaitIdle(timeout);
        List<Call> left = new ArrayList<>();
        synchronized (lock) {
            closed = true;
            left.addAll(waiting);
            waiting.clear();
            left.addAll(retrying);
            retrying.clear();
            heldBehindStart.values().forEach(left::addAll);
            heldBehindStart.clear();
        }
        if (timer != null) {
            timer.shutdownNow();
        }
        // The calls in flight end within their timeout; then the threads go.
        senders.shutdown();
        left.forEach(call -> release(call, false));
        // Calls in flight or waiting to be retried still end, so that no caller waits on them forever.
        new ArrayList<>(unfinished).forEach(done -> done.complete(null));
        return idle;
    }

    @Override
    public void close() {
        close(Duration.ZERO);
    }

    private String heldText() {
        return "the client holds " + held + " calls (" + heldBytes + " bytes)";
    }

    /** Holds the call if the bounds allow it. */
    private boolean takeLocked(Call call) {
        if (closed || held >= settings.queueCapacity() || heldBytes + call.body.length > settings.maxQueuedBytes()) {
            return false;
        }
        holdLocked(call);
        return true;
    }

    private void holdLocked(Call call) {
        held++;
        heldBytes += call.body.length;
        unfinished.add(call.done);
        call.done.whenComplete((ignored, error) -> unfinished.remove(call.done));
    }

    /** The call, if it may go now; otherwise it waits its turn. */
    private List<Call> dispatchLocked(Call call, boolean now) {
        if (now || inFlight < settings.maxInFlight()) {
            inFlight++;
            return List.of(call);
        }
        waiting.addLast(call);
        return List.of();
    }

    /** The waiting calls that may go now that places in flight are free. */
    private List<Call> pumpLocked() {
        List<Call> toSend = new ArrayList<>();
        while (inFlight < settings.maxInFlight() && !waiting.isEmpty()) {
            inFlight++;
            toSend.add(waiting.pollFirst());
        }
        return toSend;
    }

    private void sendAll(List<Call> calls) {
        calls.forEach(this::send);
    }

    private void send(Call call) {
        call.attempts++;
        try {
            HttpRequest request = request(call);
            senders.execute(() -> exchange(call, request));
        } catch (RuntimeException e) {
            // Not logged with the exception: a malformed request's message may quote its headers.
            failedLog.log(
                    Level.WARNING,
                    "Could not send a HoneyHive " + call.method + " " + call.path + " ("
                            + e.getClass().getName() + "); the call is dropped");
            end(call, false);
        }
    }

    /**
     * Sends the request on a sender thread, which waits for the answer. Not {@code sendAsync}: the JDK's client hands
     * each answer of {@code sendAsync} to the default asynchronous pool of {@code CompletableFuture}, which on a
     * machine with two cores or fewer starts a new thread for every answer (three times the CPU of a call, measured).
     */
    private void exchange(Call call, HttpRequest request) {
        HttpResponse<String> response = null;
        Throwable error = null;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException | RuntimeException e) {
            error = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = e;
        }
        answered(call, response, error);
    }

    private void answered(Call call, @Nullable HttpResponse<String> response, @Nullable Throwable error) {
        try {
            boolean last = call.attempts >= settings.maxAttempts();
            if (response != null) {
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    if (call.startedSession != null) {
                        checkSessionId(call.startedSession, response.body());
                    }
                    end(call, true);
                    return;
                }
                if (!isRetryable(status) || last) {
                    failedLog.log(
                            Level.WARNING,
                            "HoneyHive answered " + status + " to " + call.method + " " + call.path
                                    + (last && isRetryable(status) ? " after " + call.attempts + " attempts" : "")
                                    + "; the call is dropped");
                    end(call, false);
                    return;
                }
                retryLater(call, retryAfter(response).orElse(backoff(call.attempts)));
                return;
            }
            if (!(error instanceof IOException) || last) {
                failedLog.log(
                        Level.WARNING,
                        "Could not reach HoneyHive for " + call.method + " " + call.path + " after " + call.attempts
                                + " attempts ("
                                + (error == null
                                        ? "no answer"
                                        : error.getClass().getSimpleName())
                                + "); the call is dropped");
                end(call, false);
                return;
            }
            retryLater(call, backoff(call.attempts));
        } catch (RuntimeException e) {
            failedLog.log(Level.WARNING, "Could not read HoneyHive's answer to " + call.method + " " + call.path, e);
            end(call, false);
        }
    }

    /** Frees the call's place in flight while it waits, then puts it first in line. */
    private void retryLater(Call call, Duration wait) {
        List<Call> toSend;
        synchronized (lock) {
            inFlight--;
            retrying.add(call);
            toSend = pumpLocked();
        }
        sendAll(toSend);
        try {
            delays.after(wait, () -> {
                List<Call> again;
                synchronized (lock) {
                    if (!retrying.remove(call)) {
                        // Released at close already.
                        return;
                    }
                    if (closed) {
                        again = null;
                    } else if (inFlight < settings.maxInFlight()) {
                        inFlight++;
                        again = List.of(call);
                    } else {
                        waiting.addFirst(call);
                        again = List.of();
                    }
                }
                if (again == null) {
                    release(call, false);
                } else {
                    sendAll(again);
                }
            });
        } catch (RuntimeException e) {
            // The timer is gone (the client closed): the call will not be retried.
            boolean stillHeld;
            synchronized (lock) {
                stillHeld = retrying.remove(call);
            }
            if (stillHeld) {
                release(call, false);
            }
        }
    }

    /** A call sent, ended: its place in flight is freed, and a start lets its session's updates go, or not. */
    private void end(Call call, boolean wasDelivered) {
        List<Call> toSend;
        List<Call> behind;
        synchronized (lock) {
            if (call.finished) {
                return;
            }
            call.finished = true;
            (wasDelivered ? delivered : failed).increment();
            inFlight--;
            held--;
            heldBytes -= call.body.length;
            behind = null;
            if (call.heldUpdates != null) {
                // Only the start that holds its session's updates decides about them.
                heldBehindStart.remove(call.startedSession, call.heldUpdates);
                behind = call.heldUpdates;
                if (!wasDelivered) {
                    undeliveredStarts.put(call.startedSession, Boolean.TRUE);
                }
            }
            toSend = new ArrayList<>();
            if (behind != null && wasDelivered) {
                behind.forEach(update -> toSend.addAll(dispatchLocked(update, false)));
                behind = null;
            }
            toSend.addAll(pumpLocked());
        }
        call.done.complete(null);
        if (behind != null) {
            behind.forEach(update -> release(update, true));
        }
        sendAll(toSend);
    }

    /** A held call that will not be sent: dropped and counted. */
    private void release(Call call, boolean behindUndeliveredStart) {
        synchronized (lock) {
            if (call.finished) {
                return;
            }
            call.finished = true;
            held--;
            heldBytes -= call.body.length;
            dropped.increment();
        }
        log(call, behindUndeliveredStart ? "the start of its session was not delivered" : "the client closed");
    }

    /** A call not taken: dropped and counted. */
    private CompletableFuture<Void> refuse(Call call, String why) {
        dropped.increment();
        log(call, why);
        return call.done;
    }

    /** Logs a drop (throttled) and ends the call's future; never under the lock, where a slow handler would block. */
    private void log(Call call, String why) {
        droppedLog.log(
                Level.WARNING,
                "Dropped a HoneyHive " + call.method + " " + call.path + ": " + why + "; the most it holds is "
                        + settings.queueCapacity() + " calls or " + settings.maxQueuedBytes() + " bytes ("
                        + dropped.sum() + " dropped so far)");
        call.done.complete(null);
    }

    private static byte[] bytes(JsonNode body) {
        try {
            return SafeJson.mapper().writeValueAsBytes(body);
        } catch (IOException e) {
            // A tree of plain JSON nodes always serializes; this cannot happen.
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest request(Call call) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(settings.endpoint().url(call.path)))
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(call.method, HttpRequest.BodyPublishers.ofByteArray(call.body));
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

    /** One call: its body written once, its attempts so far, and its end. */
    private static final class Call {
        final String method;
        final String path;
        final byte[] body;
        // The session a start starts; null for an update.
        final @Nullable String startedSession;
        final CompletableFuture<Void> done = new CompletableFuture<>();
        int attempts;
        // For a start: the updates of its session it holds back until it ends; null if another start holds them.
        @Nullable
        List<Call> heldUpdates;
        // Ended, delivered or not, or dropped: guarded by the client's lock.
        boolean finished;

        Call(String method, String path, byte[] body, @Nullable String startedSession) {
            this.method = method;
            this.path = path;
            this.body = body;
            this.startedSession = startedSession;
        }
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "SessionClient{" + settings.endpoint().serverUrl() + ", held=" + held + ", inFlight=" + inFlight
                    + "}";
        }
    }
}
