package ai.honeyhive.testing;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * A real HTTP server on a loopback port that records every request a HoneyHive SDK makes ({@code /session/start},
 * {@code /events}, {@code /opentelemetry/v1/traces}, and the experiment routes) and answers as scripted.
 *
 * <p>By default the session and span routes answer {@code 200 {}}, the experiment routes ({@code /v1/runs},
 * {@code /v1/datasets}, {@code /v1/datapoints}) answer as HoneyHive does, from the runs created, the datasets
 * {@linkplain #hostDataset hosted} and the spans received, and unknown routes answer {@code 404}. Script faults per route with
 * {@link #enqueue(Route, Response...)}: for example {@code enqueue(Route.TRACES, status(503), status(503))} answers
 * the next two OTLP requests with 503 and the third with the default. The server is thread-safe; requests are
 * handled concurrently, so a hanging request does not hold up the others.
 *
 * <pre>{@code
 * try (RecordingHoneyHiveServer server = RecordingHoneyHiveServer.start()) {
 *     HoneyHiveTracer tracer = HoneyHiveTracer.builder().serverUrl(server.baseUrl()).apiKey("k").build();
 *     ...
 *     assertThat(server.awaitSpans(2, Duration.ofSeconds(10))).extracting(RecordedSpan::name).contains("retrieve");
 * }
 * }</pre>
 */
public final class RecordingHoneyHiveServer implements AutoCloseable {

    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);

    // The body length a cut answer announces, more than it sends.
    private static final int CUT_BODY_LENGTH = 64;

    private final HttpServer server;
    private final ExecutorService handlers;
    private final Object lock = new Object();
    private final List<RecordedRequest> requests = new ArrayList<>();
    private final Map<Route, Queue<Response>> scripted = new EnumMap<>(Route.class);
    private final Map<Route, Response> defaults = new EnumMap<>(Route.class);
    private final ExperimentRoutes experiments = new ExperimentRoutes();
    private volatile CountDownLatch hangs = new CountDownLatch(1);

    private RecordingHoneyHiveServer(HttpServer server, ExecutorService handlers) {
        this.server = server;
        this.handlers = handlers;
        for (Route route : Route.values()) {
            scripted.put(route, new ArrayDeque<>());
        }
    }

    /** Starts a server on an ephemeral port of {@code 127.0.0.1}. */
    public static RecordingHoneyHiveServer start() {
        return start(0);
    }

    /** Starts a server on the given port of {@code 127.0.0.1} ({@code 0} for an ephemeral port). */
    public static RecordingHoneyHiveServer start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
            ExecutorService handlers = Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "recording-honeyhive-server");
                thread.setDaemon(true);
                return thread;
            });
            RecordingHoneyHiveServer recording = new RecordingHoneyHiveServer(server, handlers);
            server.createContext("/", recording::handle);
            server.setExecutor(handlers);
            server.start();
            return recording;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the recording HoneyHive server on port " + port, e);
        }
    }

    /**
     * A base URL at which nothing listens: a port that was free a moment ago, so that a connection to it is refused.
     */
    public static String closedPortUrl() {
        return "http://127.0.0.1:" + freePort();
    }

    /** A loopback port that was free a moment ago. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free port", e);
        }
    }

    /** The base URL to configure as the HoneyHive server URL, such as {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** The port the server listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Answers the next requests to a route with these responses, in order, before the default answers again. */
    public RecordingHoneyHiveServer enqueue(Route route, Response... responses) {
        requireNonNull(route, "route");
        synchronized (lock) {
            for (Response response : responses) {
                scripted.get(route).add(requireNonNull(response, "response"));
            }
        }
        return this;
    }

    /** Answers every request to a route that has no scripted response with this one. */
    public RecordingHoneyHiveServer respondByDefault(Route route, Response response) {
        synchronized (lock) {
            defaults.put(requireNonNull(route, "route"), requireNonNull(response, "response"));
        }
        return this;
    }

    /** Lets every request that is held by {@link Response#hang()} go, without an answer. */
    public void releaseHangs() {
        CountDownLatch released = hangs;
        hangs = new CountDownLatch(1);
        released.countDown();
    }

    /** Every request received so far, in order of arrival. */
    public List<RecordedRequest> requests() {
        synchronized (lock) {
            return List.copyOf(requests);
        }
    }

    /** The requests received so far on one route. */
    public List<RecordedRequest> requests(Route route) {
        return requests().stream().filter(request -> request.route() == route).toList();
    }

    /** The spans of every OTLP request that was answered with a 2xx status, that is, the spans delivered. */
    public List<RecordedSpan> spans() {
        return requests(Route.TRACES).stream()
                .filter(RecordedRequest::accepted)
                .flatMap(request -> request.spans().stream())
                .toList();
    }

    /**
     * The delivered span with this name (the first, if several have it).
     *
     * @throws AssertionError naming the spans that were delivered, if none has the name
     */
    public RecordedSpan span(String name) {
        List<RecordedSpan> spans = spans();
        return spans.stream()
                .filter(span -> span.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No delivered span is named " + name + "; delivered: "
                        + spans.stream().map(RecordedSpan::name).toList()));
    }

    /** Waits until at least {@code count} requests have arrived on a route, and returns them. */
    public List<RecordedRequest> awaitRequests(Route route, int count, Duration timeout) {
        return await(timeout, () -> requests(route), list -> list.size() >= count, count + " requests to " + route);
    }

    /** Waits until at least {@code count} spans have been delivered, and returns all spans delivered. */
    public List<RecordedSpan> awaitSpans(int count, Duration timeout) {
        return await(timeout, this::spans, list -> list.size() >= count, count + " delivered spans");
    }

    /** Waits until a delivered span matches, and returns the first that does. */
    public RecordedSpan awaitSpan(Predicate<RecordedSpan> wanted, Duration timeout) {
        return await(timeout, () -> spans().stream().filter(wanted).findFirst(), Optional::isPresent, "a matching span")
                .orElseThrow();
    }

    /** Waits until at least {@code count} delivered spans match, and returns those that do. */
    public List<RecordedSpan> awaitSpans(Predicate<RecordedSpan> wanted, int count, Duration timeout) {
        return await(
                timeout,
                () -> spans().stream().filter(wanted).toList(),
                list -> list.size() >= count,
                count + " matching spans");
    }

    /** Waits until a request on a route matches, and returns the first that does. */
    public RecordedRequest awaitRequest(Route route, Predicate<RecordedRequest> wanted, Duration timeout) {
        return await(
                        timeout,
                        () -> requests(route).stream().filter(wanted).findFirst(),
                        Optional::isPresent,
                        "a matching request to " + route)
                .orElseThrow();
    }

    /** Waits up to 30 seconds until at least {@code count} spans have been delivered, and returns them. */
    public List<RecordedSpan> awaitSpans(int count) {
        return awaitSpans(count, DEFAULT_WAIT);
    }

    /**
     * Registers a hosted dataset, answered on {@link Route#DATASETS} and {@link Route#DATAPOINT}: each datapoint a map
     * with {@code inputs}, {@code ground_truth} and optionally {@code id} (made when absent).
     */
    public RecordingHoneyHiveServer hostDataset(String id, String name, List<Map<String, ?>> datapoints) {
        experiments.hostDataset(requireNonNull(id, "id"), requireNonNull(name, "name"), List.copyOf(datapoints));
        return this;
    }

    /** An experiment run as created ({@code POST /v1/runs}) and then updated, if the server has one with this id. */
    public Optional<com.fasterxml.jackson.databind.JsonNode> run(String runId) {
        return Optional.ofNullable(experiments.run(runId));
    }

    /**
     * Forgets every request, scripted response and experiment run, and restores the default answers; hosted datasets
     * stay.
     */
    public void reset() {
        synchronized (lock) {
            requests.clear();
            for (Route route : Route.values()) {
                scripted.get(route).clear();
            }
            defaults.clear();
        }
        experiments.forgetRuns();
    }

    /** Stops the server at once, releasing any hanging requests. */
    @Override
    public void close() {
        releaseHangs();
        server.stop(0);
        handlers.shutdownNow();
    }

    private <T> T await(Duration timeout, java.util.function.Supplier<T> read, Predicate<T> done, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                T value = read.get();
                if (done.test(value)) {
                    return value;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(
                            "Timed out after " + timeout + " waiting for " + what + "; received " + requests);
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("Interrupted while waiting for " + what, e);
                }
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        RecordedRequest request = record(exchange);
        Response response;
        synchronized (lock) {
            Response next = scripted.get(request.route()).poll();
            response = next != null ? next : defaults.get(request.route());
        }
        if (response == null) {
            response = defaultAnswer(request);
        }
        try {
            respond(exchange, request, response);
        } finally {
            synchronized (lock) {
                lock.notifyAll();
            }
        }
    }

    /** Without a scripted or chosen answer: {@code 200 {}}, experiment routes as HoneyHive answers, 404 elsewhere. */
    private Response defaultAnswer(RecordedRequest request) {
        return switch (request.route()) {
            case SESSION_START, EVENTS, TRACES -> Response.ok();
            case OTHER -> Response.status(404);
            default -> experiments.answer(request, this::spans);
        };
    }

    private RecordedRequest record(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = in.readAllBytes();
            }
        }
        RecordedRequest request = new RecordedRequest(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getQuery(),
                exchange.getRequestHeaders(),
                body,
                Instant.now());
        synchronized (lock) {
            requests.add(request);
            lock.notifyAll();
        }
        return request;
    }

    private void respond(HttpExchange exchange, RecordedRequest request, Response response) throws IOException {
        try (exchange) {
            switch (response.kind()) {
                case HANG -> awaitRelease();
                case CLOSE_CONNECTION -> {
                    // Closing an exchange whose headers were never sent closes the TCP connection: the client sees
                    // the connection end with no status line.
                }
                case CUT_AFTER_STATUS_LINE -> {
                    request.answered(response.status());
                    exchange.sendResponseHeaders(response.status(), CUT_BODY_LENGTH);
                    OutputStream out = exchange.getResponseBody();
                    out.write(response.body());
                    out.flush();
                    // Closing the exchange with fewer bytes than announced closes the connection.
                }
                case ANSWER -> {
                    sleep(response.delay());
                    response.headers().forEach(exchange.getResponseHeaders()::set);
                    byte[] body = response.body();
                    request.answered(response.status());
                    exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
                    if (body.length > 0) {
                        try (OutputStream out = exchange.getResponseBody()) {
                            out.write(body);
                        }
                    }
                }
            }
        }
    }

    private void awaitRelease() {
        try {
            hangs.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
