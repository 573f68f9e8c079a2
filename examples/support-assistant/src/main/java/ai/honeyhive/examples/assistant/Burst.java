package ai.honeyhive.examples.assistant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/** Sends questions to the assistant, a few at a time, as a load of real customers would. */
final class Burst {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final String SESSION_HEADER = "X-Session-ID";

    private final URI endpoint;
    private final int concurrency;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();

    Burst(URI endpoint, int concurrency) {
        this.endpoint = endpoint;
        this.concurrency = concurrency;
    }

    /** Asks {@code count} questions, cycling through {@code questions}, and waits for every reply. */
    Result send(List<String> questions, int count) {
        ExecutorService customers = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Question question = new Question("customer-" + (i + 1), questions.get(i % questions.size()));
                replies.add(customers.submit(() -> ask(question)));
            }
            List<Reply> received = new ArrayList<>();
            for (Future<Reply> reply : replies) {
                received.add(reply.get());
            }
            return Result.of(received);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the assistant", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not ask the assistant", e.getCause());
        } finally {
            customers.shutdownNow();
        }
    }

    private Reply ask(Question question) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(toJson(question)))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(
                response.statusCode(),
                response.headers().firstValue(SESSION_HEADER).orElse(null));
    }

    private String toJson(Question question) {
        try {
            return json.writeValueAsString(question);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One reply: its status and the HoneyHive session the request ran in. */
    record Reply(int status, String sessionId) {}

    /** What a burst came to. */
    record Result(int requests, int answered, int failed, int unexpected, int sessions) {

        static Result of(List<Reply> replies) {
            int answered = (int) replies.stream().filter(r -> r.status() == 200).count();
            // The model refuses some questions: the server answers 502, and the spans and session record why.
            int failed = (int) replies.stream().filter(r -> r.status() == 502).count();
            Set<String> sessions = replies.stream()
                    .map(Reply::sessionId)
                    .filter(id -> id != null)
                    .collect(Collectors.toSet());
            return new Result(replies.size(), answered, failed, replies.size() - answered - failed, sessions.size());
        }
    }
}
