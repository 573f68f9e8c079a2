package ai.honeyhive.examples.assistant;

import ai.honeyhive.cdi.Traced;
import ai.honeyhive.tracer.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import org.eclipse.microprofile.context.ManagedExecutor;

/**
 * Retrieval, the assistant's tool: the articles that share the most words with the question. It answers
 * asynchronously, as a vector-store client would; the span ends when the stage completes.
 */
@ApplicationScoped
public class KnowledgeBase {

    private static final int MAX_DOCUMENTS = 2;

    private static final List<Document> ARTICLES = List.of(
            new Document(
                    "refund-policy.md",
                    "Refunds are paid to the original payment method within 30 days.",
                    Set.of("refund", "refunds", "money", "back", "return")),
            new Document(
                    "shipping-faq.md",
                    "Orders ship within 2 working days; tracking links arrive by e-mail.",
                    Set.of("ship", "shipping", "delivery", "order", "tracking", "arrive")),
            new Document(
                    "password-reset.md",
                    "Reset a password from the sign-in page; the link is valid for one hour.",
                    Set.of("password", "reset", "sign", "login", "account")),
            new Document(
                    "warranty.md",
                    "Devices carry a two-year warranty covering manufacturing faults.",
                    Set.of("warranty", "broken", "repair", "fault", "device")),
            new Document(
                    "cancellation.md",
                    "Subscriptions can be cancelled any time; the plan runs to the end of the month.",
                    Set.of("cancel", "subscription", "plan", "contract")));

    // Carries the request's context, the OpenTelemetry one included, to the retrieval thread.
    @Inject
    ManagedExecutor executor;

    @Traced(name = "retrieve_documents", eventType = EventType.TOOL)
    public CompletionStage<List<String>> retrieve(String query) {
        return executor.supplyAsync(() -> search(query));
    }

    /** The article with this title. */
    public Document article(String title) {
        return ARTICLES.stream()
                .filter(document -> document.title().equals(title))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> search(String query) {
        Set<String> words =
                Arrays.stream(query.toLowerCase(Locale.ROOT).split("[^a-z]+")).collect(Collectors.toSet());
        return ARTICLES.stream()
                .filter(document -> overlap(document, words) > 0)
                .sorted(Comparator.comparingLong((Document document) -> overlap(document, words))
                        .reversed())
                .limit(MAX_DOCUMENTS)
                .map(Document::title)
                .toList();
    }

    private static long overlap(Document document, Set<String> words) {
        return document.keywords().stream().filter(words::contains).count();
    }
}
