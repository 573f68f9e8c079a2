package ai.honeyhive.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An OpenAI-compatible chat completions server on loopback, for testing LLM clients without a key or a network: any
 * client that takes a base URL ({@code openai-java}, LangChain4j's {@code OpenAiChatModel}, Quarkus LangChain4j)
 * can call it. It answers {@code POST /v1/chat/completions} with a fixed answer and usage, streamed as server-sent
 * events when the request asks for {@code stream}, with a tool call when the request offers tools and has no tool
 * result yet, and with the errors queued by {@link #failNext}. {@link #answerWith} makes it answer each request from
 * what it asks, as a demo's model would.
 *
 * <pre>{@code
 * try (OpenAiStandIn openAi = OpenAiStandIn.start()) {
 *     OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl(openAi.baseUrl()).apiKey("sk-test").build();
 *     ...
 * }
 * }</pre>
 */
public final class OpenAiStandIn implements AutoCloseable {

    /** The answer's text unless {@link #answer(String)} says otherwise. */
    public static final String DEFAULT_ANSWER = "Refunds take up to 30 days to reach your card.";
    /** The prompt tokens every answer reports. */
    public static final int PROMPT_TOKENS = 21;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    private final HttpServer server;
    private final ExecutorService handlers;
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final Queue<Integer> failures = new ArrayDeque<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile Function<JsonNode, String> answerer = request -> DEFAULT_ANSWER;
    private volatile boolean countsPromptWords;
    private volatile int breakStreamAfterChunks = -1;

    private OpenAiStandIn(HttpServer server, ExecutorService handlers) {
        this.server = server;
        this.handlers = handlers;
    }

    /**
     * Starts the stand-in on a free loopback port. Unless set already, it sets {@code sun.net.httpserver.nodelay} to
     * true first (the JDK's server reads it once, at its first use in the JVM): without it, Nagle's algorithm and the
     * client's delayed acknowledgement hold each answer back some 40 ms.
     */
    public static OpenAiStandIn start() {
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            ExecutorService handlers = Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "openai-stand-in");
                thread.setDaemon(true);
                return thread;
            });
            OpenAiStandIn standIn = new OpenAiStandIn(server, handlers);
            server.setExecutor(handlers);
            server.createContext("/v1/chat/completions", standIn::chatCompletions);
            server.start();
            return standIn;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL clients take: {@code http://127.0.0.1:<port>/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** The text of the answers from now on. */
    public OpenAiStandIn answer(String text) {
        this.answerer = request -> text;
        this.countsPromptWords = false;
        return this;
    }

    /**
     * Answers each request with the text the function returns for its body (it runs on the stand-in's thread, so it
     * may take its time, as a model does). If it throws, the call is answered 400, an OpenAI {@code
     * invalid_request_error} with the exception's message. The usage then counts the words of the request's messages
     * as prompt tokens, instead of {@link #PROMPT_TOKENS}.
     */
    public OpenAiStandIn answerWith(Function<JsonNode, String> answerer) {
        this.answerer = answerer;
        this.countsPromptWords = true;
        return this;
    }

    /** Answers the next calls with these HTTP statuses (429, 500, ...) and an OpenAI error body, one each. */
    public OpenAiStandIn failNext(int... statuses) {
        synchronized (failures) {
            for (int status : statuses) {
                failures.add(status);
            }
        }
        return this;
    }

    /** Streams break off (the connection is closed) after this many chunks; negative for never. */
    public OpenAiStandIn breakStreamsAfter(int chunks) {
        this.breakStreamAfterChunks = chunks;
        return this;
    }

    /** The request bodies received so far, in order. */
    public List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
        try {
            handlers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void chatCompletions(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            requests.add(request);
            Integer failure;
            synchronized (failures) {
                failure = failures.poll();
            }
            if (failure != null) {
                send(exchange, failure, error(failure.intValue()));
                return;
            }
            String answer;
            try {
                answer = answerer.apply(request);
            } catch (RuntimeException refused) {
                send(exchange, 400, error("invalid_request_error", String.valueOf(refused.getMessage())));
                return;
            }
            Reply reply = new Reply(
                    calls.incrementAndGet(),
                    request.path("model").asText("gpt-4o-mini"),
                    answer,
                    countsPromptWords ? words(request.path("messages")) : PROMPT_TOKENS);
            JsonNode toolCall = wantsToolCall(request) ? toolCall(request, reply.call()) : null;
            if (request.path("stream").asBoolean(false)) {
                stream(exchange, request, reply, toolCall);
            } else {
                send(exchange, 200, completion(reply, toolCall));
            }
        }
    }

    private static boolean wantsToolCall(JsonNode request) {
        if (!request.path("tools").isArray() || request.path("tools").isEmpty()) {
            return false;
        }
        for (JsonNode message : request.path("messages")) {
            if ("tool".equals(message.path("role").asText())) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode toolCall(JsonNode request, int call) {
        String name = request.path("tools").get(0).path("function").path("name").asText("tool");
        ObjectNode toolCall = JSON.createObjectNode().put("id", "call_" + call).put("type", "function");
        toolCall.putObject("function").put("name", name).put("arguments", "{\"query\":\"refunds\"}");
        return toolCall;
    }

    private static ObjectNode completion(Reply reply, JsonNode toolCall) {
        ObjectNode body = envelope("chat.completion", reply);
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
        ObjectNode message = choice.putObject("message").put("role", "assistant");
        if (toolCall != null) {
            message.putNull("content");
            message.putArray("tool_calls").add(toolCall);
            choice.put("finish_reason", "tool_calls");
        } else {
            message.put("content", reply.answer());
            choice.put("finish_reason", "stop");
        }
        body.set("usage", reply.usage());
        return body;
    }

    private void stream(HttpExchange exchange, JsonNode request, Reply reply, JsonNode toolCall) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        int sent = 0;
        List<ObjectNode> chunks = new ArrayList<>();
        chunks.add(delta(reply, JSON.createObjectNode().put("role", "assistant").put("content", ""), null));
        if (toolCall != null) {
            ObjectNode delta = JSON.createObjectNode();
            ObjectNode streamed = delta.putArray("tool_calls").addObject().put("index", 0);
            streamed.setAll((ObjectNode) toolCall.deepCopy());
            chunks.add(delta(reply, delta, null));
            chunks.add(delta(reply, JSON.createObjectNode(), "tool_calls"));
        } else {
            for (String piece : reply.answer().split("(?<= )")) {
                chunks.add(delta(reply, JSON.createObjectNode().put("content", piece), null));
            }
            chunks.add(delta(reply, JSON.createObjectNode(), "stop"));
        }
        if (request.path("stream_options").path("include_usage").asBoolean(false)) {
            ObjectNode usage = envelope("chat.completion.chunk", reply);
            usage.putArray("choices");
            usage.set("usage", reply.usage());
            chunks.add(usage);
        }
        for (ObjectNode chunk : chunks) {
            if (breakStreamAfterChunks >= 0 && sent >= breakStreamAfterChunks) {
                // A stream that breaks off: the connection ends without [DONE].
                out.flush();
                throw new IOException("stream broken off after " + sent + " chunks, as asked");
            }
            out.write(("data: " + JSON.writeValueAsString(chunk) + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            sent++;
        }
        out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static ObjectNode delta(Reply reply, ObjectNode delta, String finishReason) {
        ObjectNode chunk = envelope("chat.completion.chunk", reply);
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return chunk;
    }

    private static ObjectNode envelope(String object, Reply reply) {
        return JSON.createObjectNode()
                .put("id", "chatcmpl-" + reply.call())
                .put("object", object)
                .put("created", 1_700_000_000L)
                .put("model", reply.model());
    }

    private static int words(JsonNode messages) {
        int words = 0;
        for (JsonNode message : messages) {
            String content = message.path("content").asText("").strip();
            words += content.isEmpty() ? 0 : content.split("\\s+").length;
        }
        return words;
    }

    private static ObjectNode error(int status) {
        return status == 429
                ? error("rate_limit_exceeded", "Rate limit reached")
                : error("server_error", "The server had an error");
    }

    private static ObjectNode error(String type, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("message", message).put("type", type);
        return body;
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** One answer: the call's number, the model asked for, the text and the prompt tokens it reports. */
    private record Reply(int call, String model, String answer, int promptTokens) {

        ObjectNode usage() {
            int completionTokens = answer.split(" ").length;
            return JSON.createObjectNode()
                    .put("prompt_tokens", promptTokens)
                    .put("completion_tokens", completionTokens)
                    .put("total_tokens", promptTokens + completionTokens);
        }
    }
}
