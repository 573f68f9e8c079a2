package ai.honeyhive.testing;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the recording server answers to one request: a status with a body, optionally after a delay, or a fault (a
 * hang, a connection closed without an answer).
 *
 * <p>Script responses per route with {@link RecordingHoneyHiveServer#enqueue(Route, Response...)}; they are used in
 * order, one per request, and then the route's default answers again.
 */
public final class Response {

    enum Kind {
        ANSWER,
        HANG,
        CLOSE_CONNECTION,
        CUT_AFTER_STATUS_LINE
    }

    private final Kind kind;
    private final int status;
    private final byte[] body;
    private final Map<String, String> headers;
    private final Duration delay;

    private Response(Kind kind, int status, byte[] body, Map<String, String> headers, Duration delay) {
        this.kind = kind;
        this.status = status;
        this.body = body;
        this.headers = Map.copyOf(headers);
        this.delay = delay;
    }

    /** {@code 200} with an empty JSON object. */
    public static Response ok() {
        return json(200, "{}");
    }

    /** The given status with an empty body. */
    public static Response status(int status) {
        return new Response(Kind.ANSWER, status, new byte[0], Map.of(), Duration.ZERO);
    }

    /** The given status with a JSON body, sent as {@code application/json}. */
    public static Response json(int status, String body) {
        requireNonNull(body, "body");
        return new Response(
                Kind.ANSWER,
                status,
                body.getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json"),
                Duration.ZERO);
    }

    /** The given status with a {@code Retry-After} header in whole seconds. */
    public static Response retryAfter(int status, Duration retryAfter) {
        requireNonNull(retryAfter, "retryAfter");
        return new Response(
                Kind.ANSWER,
                status,
                new byte[0],
                Map.of("Retry-After", Long.toString(retryAfter.toSeconds())),
                Duration.ZERO);
    }

    /** The given status with a body that is neither valid JSON nor valid protobuf. */
    public static Response malformedBody(int status) {
        return new Response(
                Kind.ANSWER,
                status,
                new byte[] {(byte) 0xff, '{', 'n', 'o', 't', ' ', 'j', 's', 'o', 'n', 0x01},
                Map.of("Content-Type", "application/json"),
                Duration.ZERO);
    }

    /** Never answers; the request is held until the server is closed or {@link RecordingHoneyHiveServer#releaseHangs()}. */
    public static Response hang() {
        return new Response(Kind.HANG, 0, new byte[0], Map.of(), Duration.ZERO);
    }

    /** Closes the connection without sending a status line, as a crashing or resetting backend would. */
    public static Response closeConnection() {
        return new Response(Kind.CLOSE_CONNECTION, 0, new byte[0], Map.of(), Duration.ZERO);
    }

    /**
     * Sends the status line and headers with this status, announcing a body of 64 bytes, then closes the connection
     * after two of them, as a backend that resets mid-answer would: the client has a status but no complete answer.
     */
    public static Response cutAfterStatusLine(int status) {
        return new Response(
                Kind.CUT_AFTER_STATUS_LINE, status, "{}".getBytes(StandardCharsets.UTF_8), Map.of(), Duration.ZERO);
    }

    /** This response, sent after the given delay. */
    public Response after(Duration delay) {
        requireNonNull(delay, "delay");
        return new Response(kind, status, body, headers, delay);
    }

    /** This response with one more header. */
    public Response withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(requireNonNull(name, "name"), requireNonNull(value, "value"));
        return new Response(kind, status, body, more, delay);
    }

    Kind kind() {
        return kind;
    }

    int status() {
        return status;
    }

    byte[] body() {
        return body.clone();
    }

    Map<String, String> headers() {
        return headers;
    }

    Duration delay() {
        return delay;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case HANG -> "hang";
            case CLOSE_CONNECTION -> "close-connection";
            case CUT_AFTER_STATUS_LINE -> status + " cut after the status line";
            case ANSWER ->
                status + (delay.isZero() ? "" : " after " + delay) + " " + headers + " "
                        + Arrays.toString(Arrays.copyOf(body, Math.min(body.length, 32)));
        };
    }
}
