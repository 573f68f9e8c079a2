package ai.honeyhive.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** One request the recording server received, with the status it answered (0 when it did not answer). */
public final class RecordedRequest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String method;
    private final String path;
    private final String query;
    private final Route route;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final Instant receivedAt;
    private volatile int answeredStatus;

    RecordedRequest(
            String method,
            String path,
            @Nullable String query,
            Map<String, List<String>> headers,
            byte[] body,
            Instant receivedAt) {
        this.method = method;
        this.path = path;
        this.query = query == null ? "" : query;
        this.route = Route.of(method, path);
        TreeMap<String, List<String>> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> caseInsensitive.put(name, List.copyOf(values)));
        this.headers = caseInsensitive;
        this.body = body;
        this.receivedAt = receivedAt;
    }

    /** The HTTP method. */
    public String method() {
        return method;
    }

    /** The request path, without the query string. */
    public String path() {
        return path;
    }

    /** The query string, decoded, without the {@code ?}; empty when there is none. */
    public String query() {
        return query;
    }

    /** The value of a query parameter, decoded. */
    public Optional<String> queryParameter(String name) {
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                return Optional.of(pair.substring(equals + 1));
            }
        }
        return Optional.empty();
    }

    /** The HoneyHive route this request was sent to. */
    public Route route() {
        return route;
    }

    /** The first value of a header, matched without regard to case. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** All headers, with case-insensitive names. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The raw body, after any {@code Content-Encoding: gzip} was undone. */
    public byte[] body() {
        return body.clone();
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body parsed as JSON. */
    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " did not carry JSON", e);
        }
    }

    /** The spans of an OTLP/HTTP protobuf request, decoded with the {@code opentelemetry-proto} classes. */
    public List<RecordedSpan> spans() {
        if (route != Route.TRACES) {
            return List.of();
        }
        String contentType = header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (!contentType.startsWith("application/x-protobuf")) {
            throw new IllegalStateException("Expected an OTLP protobuf body, got Content-Type " + contentType);
        }
        return OtlpDecoder.decode(body, this);
    }

    /** When the request arrived. */
    public Instant receivedAt() {
        return receivedAt;
    }

    /** The status the server answered, or 0 while it has not answered (or never will: a hang, a closed connection). */
    public int answeredStatus() {
        return answeredStatus;
    }

    /** Whether the server answered with a 2xx status, so that the sender may count the data as delivered. */
    public boolean accepted() {
        return answeredStatus >= 200 && answeredStatus < 300;
    }

    void answered(int status) {
        this.answeredStatus = status;
    }

    @Override
    public String toString() {
        return method + " " + path + " -> " + answeredStatus + " (" + body.length + " bytes)";
    }
}
