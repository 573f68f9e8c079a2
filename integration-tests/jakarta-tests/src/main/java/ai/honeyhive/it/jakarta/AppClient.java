package ai.honeyhive.it.jakarta;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Plain HTTP calls to a deployed application, as any client would make them. */
final class AppClient {

    static final String SESSION_HEADER = "X-Session-ID";

    // HTTP/1.1: the JDK client otherwise asks each new connection to upgrade to HTTP/2 (h2c), and under CPU contention
    // Open Liberty's upgrade stalls (its request threads wait in H2StreamProcessor.waitForConnectionInit, with no
    // frame of the tracer's on any thread), which is not what these tests are about.
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final URI root;

    AppClient(URI root) {
        this.root = root;
    }

    /** {@code GET /api/assistant/<endpoint>?q=<question>}. */
    Reply ask(String endpoint, String question) {
        URI uri = URI.create(
                root + "/api/assistant/" + endpoint + "?q=" + URLEncoder.encode(question, StandardCharsets.UTF_8));
        HttpRequest request =
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue(SESSION_HEADER).orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The status of a question to {@code /answer}, or 0 when the server refused the connection. */
    int health() {
        try {
            return ask("answer", "health").status();
        } catch (UncheckedIOException e) {
            return 0;
        }
    }

    /** A response: its status, body and HoneyHive session header. */
    record Reply(int status, String body, String sessionId) {}
}
