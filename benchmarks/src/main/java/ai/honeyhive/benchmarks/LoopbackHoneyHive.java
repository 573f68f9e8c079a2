package ai.honeyhive.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A HoneyHive stand-in on loopback that keeps nothing but counts (so a long benchmark does not fill the heap with
 * recorded requests), switched between the backend's faults. {@link Fault#REFUSED} points at a port nobody listens on.
 * {@link Fault#UP} may answer after a delay, as a HoneyHive some way off does; the delayed answers are sent from a
 * timer, so that hundreds of requests in flight hold no thread each. The benchmarks run it in a JVM of its own
 * ({@link LoopbackHoneyHiveProcess}).
 */
public final class LoopbackHoneyHive implements AutoCloseable {

    /** How the backend behaves. */
    public enum Fault {
        /** Answers 200 at once. */
        UP,
        /** Nobody listens on the port. */
        REFUSED,
        /** Accepts the request and never answers. */
        HANG,
        /** Answers 200 after 5 seconds. */
        DELAY_5S,
        /** Always 503. */
        UNAVAILABLE_503,
        /** Always 429 with {@code Retry-After: 30}. */
        RETRY_AFTER_429
    }

    static {
        // The JDK's server leaves Nagle's algorithm on, so that a small answer written in two parts waits for the
        // client's delayed acknowledgement (40 ms on Linux); and it closes idle connections past 200, which with
        // hundreds of calls in flight makes the client connect anew for most calls. Neither is HoneyHive's.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        System.setProperty("sun.net.httpserver.maxIdleConnections", "4096");
    }

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "loopback-honeyhive");
        thread.setDaemon(true);
        return thread;
    });
    private final ScheduledExecutorService answers = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "loopback-honeyhive-answer");
        thread.setDaemon(true);
        return thread;
    });
    private final Fault fault;
    private final long delayMillis;
    private final String url;
    private final AtomicLong sessionStarts = new AtomicLong();
    private final AtomicLong eventUpdates = new AtomicLong();
    private final AtomicLong traceRequests = new AtomicLong();

    private LoopbackHoneyHive(Fault fault, long delayMillis) throws IOException {
        this.fault = fault;
        this.delayMillis = delayMillis;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.createContext("/", this::handle);
        server.setExecutor(handlers);
        server.start();
        this.url = fault == Fault.REFUSED
                ? "http://127.0.0.1:" + closedPort()
                : "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * Runs the stand-in in a process of its own, for measurements of the tracer's heap that the stand-in's own
     * requests and threads must not blur: prints its base URL, then serves until its standard input closes, and then
     * prints what it received ({@value #COUNTS} followed by the session starts, event updates and trace requests).
     * Arguments: the fault, and for {@code UP} the delay of each answer in milliseconds (0).
     */
    public static void main(String[] args) throws IOException {
        long delay = args.length > 1 ? Long.parseLong(args[1]) : 0;
        try (LoopbackHoneyHive backend = start(Fault.valueOf(args[0]), delay)) {
            System.out.println(backend.url());
            System.out.flush();
            System.in.transferTo(OutputStream.nullOutputStream());
            System.out.println(COUNTS + " " + backend.sessionStarts.get() + " " + backend.eventUpdates.get() + " "
                    + backend.traceRequests.get());
            System.out.flush();
        }
    }

    /** What the counts line of {@link #main} starts with. */
    static final String COUNTS = "RECEIVED";

    static LoopbackHoneyHive start(Fault fault) {
        return start(fault, 0);
    }

    static LoopbackHoneyHive start(Fault fault, long delayMillis) {
        try {
            return new LoopbackHoneyHive(fault, delayMillis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL to configure as the tracer's server URL. */
    String url() {
        return url;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            body.transferTo(OutputStream.nullOutputStream());
        }
        count(exchange);
        if (fault == Fault.UP && delayMillis > 0) {
            answers.schedule(() -> answerQuietly(exchange), delayMillis, TimeUnit.MILLISECONDS);
            return;
        }
        try {
            switch (fault) {
                case HANG -> {
                    // Hold the connection until the server stops.
                    Thread.sleep(TimeUnit.HOURS.toMillis(1));
                    return;
                }
                case DELAY_5S -> Thread.sleep(5_000);
                default -> {}
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
            return;
        }
        switch (fault) {
            case UNAVAILABLE_503 -> answer(exchange, 503, "");
            case RETRY_AFTER_429 -> {
                exchange.getResponseHeaders().add("Retry-After", "30");
                answer(exchange, 429, "");
            }
            default -> answer(exchange, 200, "{}");
        }
    }

    private void count(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        if (path.endsWith("/session/start")) {
            sessionStarts.incrementAndGet();
        } else if (path.endsWith("/events")) {
            eventUpdates.incrementAndGet();
        } else if (path.endsWith("/v1/traces")) {
            traceRequests.incrementAndGet();
        }
    }

    private static void answerQuietly(HttpExchange exchange) {
        try {
            answer(exchange, 200, "{}");
        } catch (IOException e) {
            // The client went away: nothing to answer.
            exchange.close();
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
        answers.shutdownNow();
    }
}
