package ai.honeyhive.examples.assistant;

import ai.honeyhive.tracer.HoneyHiveTracer;
import ai.honeyhive.tracer.SpanStatistics;
import ai.honeyhive.tracer.TracerConfig;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The demo: starts the support assistant, sends it a burst of concurrent questions over HTTP, and prints a summary
 * once every span is delivered. The local sink prints each session as a tree as its request ends.
 *
 * <p>Without {@code HH_API_KEY} the tracer runs in test mode and sends nothing; with it, the same run goes to
 * HoneyHive, in the project {@code HH_PROJECT} names.
 */
@QuarkusMain
public class SupportAssistantDemo implements QuarkusApplication {

    static final List<String> QUESTIONS = List.of(
            "How long do refunds take to reach my card?",
            "When will my order ship, and where is the tracking link?",
            "I forgot my password, how do I reset it?",
            "My device is broken after a month; is the repair covered by warranty?",
            "How do I cancel my subscription plan?",
            "Can you give me legal advice about my contract?",
            "Do you sell gift cards?",
            "My refund has not arrived, can I get my money back?");

    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    HoneyHiveTracer tracer;

    @ConfigProperty(name = "demo.requests", defaultValue = "24")
    int requests;

    @ConfigProperty(name = "demo.concurrency", defaultValue = "8")
    int concurrency;

    @ConfigProperty(name = "quarkus.http.port")
    int port;

    public static void main(String... args) {
        if (System.getenv("HH_API_KEY") == null && System.getProperty("honeyhive.api-key") == null) {
            // No account: trace in test mode, sending nothing; the local sink shows what would have been sent.
            System.setProperty("honeyhive.test-mode", "true");
        }
        Quarkus.run(SupportAssistantDemo.class, args);
    }

    /**
     * A request's span ends just after its response is written (so that it covers the writing), so the last responses
     * can arrive a moment before their spans end: waits, at most a second, until no span has ended for 200 ms.
     */
    private void awaitLastRequestSpans() {
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        long quietFor = Duration.ofMillis(200).toNanos();
        long ended = tracer.spanStatistics().ended();
        long lastChange = System.nanoTime();
        while (System.nanoTime() < deadline && System.nanoTime() - lastChange < quietFor) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long now = tracer.spanStatistics().ended();
            if (now != ended) {
                ended = now;
                lastChange = System.nanoTime();
            }
        }
    }

    @Override
    public int run(String... args) {
        URI endpoint = URI.create("http://localhost:" + port + "/support/ask");
        Burst.Result burst = new Burst(endpoint, concurrency).send(QUESTIONS, requests);
        awaitLastRequestSpans();
        boolean delivered = tracer.flush(DELIVERY_TIMEOUT);
        SpanStatistics spans = tracer.spanStatistics();
        System.out.printf(
                "Summary: %d requests (%d answered), %d sessions, %d spans, %d errors, %d spans dropped%n",
                burst.requests(),
                burst.answered(),
                burst.sessions(),
                spans.exported(),
                burst.failed(),
                spans.dropped());
        if (tracer.isTestMode()) {
            System.out.println(
                    "Test mode: nothing was sent. Set HH_API_KEY (and HH_PROJECT) to send these to" + " HoneyHive.");
        } else {
            System.out.printf(
                    "Sent to HoneyHive (delivered: %d spans, failed: %d): open %s, project %s, and look for the"
                            + " sessions named \"POST /support/ask\", one per request%n",
                    spans.delivered(), spans.failed(), where(tracer), tracer.project());
        }
        return burst.unexpected() == 0 && delivered ? 0 : 1;
    }

    /** Where to look: HoneyHive's app for its own API, the deployment's UI for a self-hosted one. */
    private static String where(HoneyHiveTracer tracer) {
        String server = tracer.config().serverUrl();
        return server.equals(TracerConfig.DEFAULT_SERVER_URL)
                ? "https://app.honeyhive.ai"
                : "the HoneyHive UI of your deployment (its API is " + server + ")";
    }
}
