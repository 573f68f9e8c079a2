package ai.honeyhive.examples.quickstart;

import ai.honeyhive.tracer.Enrichment;
import ai.honeyhive.tracer.EventType;
import ai.honeyhive.tracer.HoneyHiveSpan;
import ai.honeyhive.tracer.HoneyHiveTracer;
import ai.honeyhive.tracer.SessionEnrichment;
import ai.honeyhive.tracer.SessionOptions;
import ai.honeyhive.tracer.SessionScope;
import ai.honeyhive.tracer.TracerConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A support assistant answering two questions, each in a session of its own, traced with the HoneyHive tracer.
 * Without {@code HH_API_KEY} it runs in test mode and sends nothing; either way the local sink prints each trace.
 */
public final class QuickstartMain {

    private QuickstartMain() {}

    public static void main(String[] args) throws Exception {
        boolean hasKey = System.getenv("HH_API_KEY") != null;
        HoneyHiveTracer tracer = HoneyHiveTracer.builder()
                .project(System.getenv().getOrDefault("HH_PROJECT", "quickstart"))
                .sessionName("quickstart")
                .testMode(!hasKey)
                // The local view: a tree per trace on the console, with or without an account.
                .localSink("console")
                .build();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            SupportAssistant assistant = new SupportAssistant(tracer, pool);
            for (String question : List.of("How long do refunds take?", "")) {
                try (SessionScope session = tracer.withSession(SessionOptions.builder()
                        .sessionName("support-question")
                        .inputs(Map.of("question", question))
                        .build())) {
                    String answer = assistant.answer(question);
                    tracer.enrichSession(SessionEnrichment.builder()
                            .outputs(Map.of("answer", answer))
                            .build());
                } catch (IllegalArgumentException refused) {
                    tracer.enrichSession(SessionEnrichment.builder()
                            .metadata(Map.of("refused", refused.getMessage()))
                            .build());
                }
            }
        } finally {
            pool.shutdown();
            boolean delivered = tracer.flush(Duration.ofSeconds(10));
            tracer.close();
            System.out.println(
                    hasKey
                            ? "Sent to HoneyHive (everything delivered: " + delivered + "); see project "
                                    + tracer.project() + " in " + where(tracer)
                            : "Test mode: nothing was sent. Set HH_API_KEY (and HH_PROJECT) to send these to HoneyHive.");
        }
    }

    /** Retrieval, a model call and an answer chain, each traced as HoneyHive expects. */
    static final class SupportAssistant {
        private final HoneyHiveTracer tracer;
        private final ExecutorService pool;

        SupportAssistant(HoneyHiveTracer tracer, ExecutorService pool) {
            this.tracer = tracer;
            this.pool = pool;
        }

        String answer(String question) throws Exception {
            // The work runs in the span; an exception is recorded on it (ERROR) and rethrown unchanged.
            return tracer.trace("answer_question", EventType.CHAIN, () -> {
                tracer.enrichSpan(Enrichment.builder()
                        .inputs(Map.of("question", question))
                        .build());
                if (question.isBlank()) {
                    throw new IllegalArgumentException("empty question");
                }
                // Retrieval runs on a pool thread; the wrapper keeps it a child of this span.
                List<String> documents = CompletableFuture.supplyAsync(
                                tracer.tracedSupplier("retrieve_documents", EventType.TOOL, () -> retrieve(question)),
                                pool)
                        .get();
                String answer = generate(question, documents);
                tracer.enrichSpan(Enrichment.builder()
                        .outputs(Map.of("answer", answer))
                        .metrics(Map.of("documents", documents.size()))
                        .build());
                return answer;
            });
        }

        private List<String> retrieve(String question) {
            List<String> documents = List.of("refund-policy.md", "shipping-faq.md");
            tracer.enrichSpan(Enrichment.builder()
                    .inputs(Map.of("query", question))
                    .outputs(Map.of("documents", documents))
                    .build());
            return documents;
        }

        private String generate(String question, List<String> documents) {
            try (HoneyHiveSpan span = tracer.trace(
                    "generate_answer",
                    EventType.MODEL,
                    Map.of("gen_ai.request.model", "stand-in-model", "gen_ai.operation.name", "chat"))) {
                String answer = "Refunds take up to 30 days (from " + documents.get(0) + ").";
                span.setAttribute("gen_ai.usage.input_tokens", 42L);
                span.setAttribute("gen_ai.usage.output_tokens", 12L);
                tracer.enrichSpan(Enrichment.builder()
                        .inputs(Map.of("prompt", "Answer from " + documents + ": " + question))
                        .outputs(Map.of("completion", answer))
                        .config(Map.of("temperature", 0.2))
                        .build());
                return answer;
            }
        }
    }

    /** Where to look: HoneyHive's app for its own API, the deployment's UI for a self-hosted one. */
    private static String where(HoneyHiveTracer tracer) {
        String server = tracer.config().serverUrl();
        return server.equals(TracerConfig.DEFAULT_SERVER_URL)
                ? "https://app.honeyhive.ai"
                : "the HoneyHive UI of your deployment (its API is " + server + ")";
    }
}
