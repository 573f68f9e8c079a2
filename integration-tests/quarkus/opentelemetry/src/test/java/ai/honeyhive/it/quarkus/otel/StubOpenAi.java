package ai.honeyhive.it.quarkus.otel;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** A loopback stand-in for the OpenAI chat completions API: one fixed answer, so no key and no network. */
final class StubOpenAi {

    private static final String ANSWER =
            """
            {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini",
             "choices":[{"index":0,"message":{"role":"assistant","content":"Refunds take 30 days."},
                         "finish_reason":"stop"}],
             "usage":{"prompt_tokens":12,"completion_tokens":7,"total_tokens":19}}""";

    /** A question with this in it is answered with the trace headers of the request that asked it. */
    static final String ECHO_HEADERS = "echo-headers";

    private StubOpenAi() {}

    /** Starts the stand-in; its base URL is {@code http://127.0.0.1:<port>/v1}. */
    static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            server.createContext("/v1/chat/completions", exchange -> {
                String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String answer = ANSWER;
                if (request.contains(ECHO_HEADERS)) {
                    // The answer is what the client sent, so that a test in another class loader can read it.
                    String sent = "traceparent=" + exchange.getRequestHeaders().get("traceparent") + " baggage="
                            + exchange.getRequestHeaders().get("baggage");
                    answer = ANSWER.replace("Refunds take 30 days.", sent);
                }
                byte[] body = answer.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
