package ai.honeyhive.it.quarkus.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A headless Chromium driven over the Chrome DevTools Protocol (the JDK's WebSocket client, one page): navigate,
 * evaluate JavaScript in the page, take a screenshot. Enough to check a Dev UI page as a user's browser renders it.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DEVTOOLS_URL =
            Pattern.compile("DevTools listening on (ws://127\\.0\\.0\\.1:(\\d+)/\\S+)");
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path profile;
    private final WebSocket page;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    private HeadlessChromium(Process process, Path profile, WebSocket page) {
        this.process = process;
        this.profile = profile;
        this.page = page;
    }

    /** The Chromium on this machine: {@code CHROMIUM} if set, else the first of the usual names on the path. */
    static Optional<Path> find() {
        String configured = System.getenv("CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
                .flatMap(name ->
                        Stream.of(path.split(java.io.File.pathSeparator)).map(dir -> Path.of(dir, name)))
                .filter(Files::isExecutable)
                .findFirst();
    }

    static HeadlessChromium start(Path executable, int width, int height) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        Process process = null;
        try {
            process = new ProcessBuilder(
                            executable.toString(),
                            "--headless=new",
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-dev-shm-usage",
                            "--no-first-run",
                            "--remote-debugging-port=0",
                            "--user-data-dir=" + profile,
                            "--window-size=" + width + "," + height,
                            "about:blank")
                    .redirectErrorStream(true)
                    .start();
            // The listener hands answers to the instance, which needs the socket first.
            HeadlessChromium[] self = new HeadlessChromium[1];
            String pageUrl = pageWebSocketUrl(devToolsPort(process));
            WebSocket socket = HttpClient.newHttpClient()
                    .newWebSocketBuilder()
                    .connectTimeout(COMMAND_TIMEOUT)
                    .buildAsync(URI.create(pageUrl), new Listener(message -> self[0].answer(message)))
                    .get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            self[0] = new HeadlessChromium(process, profile, socket);
            return self[0];
        } catch (IOException | InterruptedException | RuntimeException e) {
            stop(process, profile);
            throw e;
        } catch (ExecutionException | TimeoutException e) {
            stop(process, profile);
            throw new IOException("Could not open Chromium's page over the DevTools protocol", e);
        }
    }

    /** The DevTools WebSocket URL of Chromium's one page. */
    private static String pageWebSocketUrl(int port) throws IOException, InterruptedException {
        JsonNode targets = JSON.readTree(HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                                .timeout(COMMAND_TIMEOUT)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
        for (JsonNode target : targets) {
            if ("page".equals(target.path("type").asText())) {
                return target.path("webSocketDebuggerUrl").asText();
            }
        }
        throw new IOException("Chromium opened no page: " + targets);
    }

    /**
     * Chromium prints its DevTools address on its output once it listens; the rest of the output is drained. Read on a
     * thread of its own, so that a Chromium that neither listens nor exits fails the start after a bound.
     */
    private static int devToolsPort(Process process) throws IOException, InterruptedException {
        BufferedReader output =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(
                () -> {
                    try {
                        for (String line; (line = output.readLine()) != null; ) {
                            Matcher matcher = DEVTOOLS_URL.matcher(line);
                            if (matcher.find()) {
                                port.complete(Integer.parseInt(matcher.group(2)));
                            } else if (!port.isDone()) {
                                synchronized (seen) {
                                    seen.append(line).append('\n');
                                }
                            }
                        }
                    } catch (IOException e) {
                        // The process ended: the future below says so.
                    }
                    port.completeExceptionally(new IOException("Chromium exited before it listened"));
                },
                "chromium-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return port.get(STARTUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            synchronized (seen) {
                throw new IOException("Chromium did not listen within " + STARTUP_TIMEOUT + ":\n" + seen, e);
            }
        }
    }

    void navigate(String url) {
        command("Page.navigate", Map.of("url", url));
    }

    /** The value of a JavaScript expression in the page (awaited when it is a promise). */
    JsonNode evaluate(String expression) {
        JsonNode result = command(
                "Runtime.evaluate", Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("The page threw: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    void screenshot(Path file) throws IOException {
        JsonNode shot = command("Page.captureScreenshot", Map.of("format", "png"));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
    }

    private JsonNode command(String method, Map<String, Object> params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        page.sendText(message.toString(), true).join();
        try {
            JsonNode reply = answer.get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (reply.has("error")) {
                throw new IllegalStateException(method + " failed: " + reply.get("error"));
            }
            return reply.path("result");
        } catch (Exception e) {
            throw new IllegalStateException(method + " got no answer", e);
        } finally {
            pending.remove(id);
        }
    }

    private void answer(String message) {
        try {
            JsonNode reply = JSON.readTree(message);
            CompletableFuture<JsonNode> waiting = pending.get(reply.path("id").asInt(-1));
            if (waiting != null) {
                waiting.complete(reply);
            }
        } catch (IOException e) {
            // An event the page sent that is not JSON: nothing waits on it.
        }
    }

    @Override
    public void close() throws IOException {
        page.abort();
        stop(process, profile);
    }

    /** Stops the process (if it started) and deletes its profile. */
    private static void stop(Process process, Path profile) throws IOException {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(file -> file.toFile().delete());
        }
    }

    /** Joins the frames of each message and hands whole messages on. */
    private static final class Listener implements WebSocket.Listener {
        private final java.util.function.Consumer<String> messages;
        private final StringBuilder partial = new StringBuilder();

        Listener(java.util.function.Consumer<String> messages) {
            this.messages = messages;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.accept(partial.toString());
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }
    }
}
