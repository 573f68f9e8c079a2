package ai.honeyhive.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/** Assertions on the requests and delivered spans of a {@link RecordingHoneyHiveServer}. */
public final class RecordingServerAssert extends AbstractAssert<RecordingServerAssert, RecordingHoneyHiveServer> {

    private final List<RecordedSpan> spans;
    private final String scope;

    RecordingServerAssert(RecordingHoneyHiveServer server, List<RecordedSpan> spans, String scope) {
        super(server, RecordingServerAssert.class);
        this.spans = spans;
        this.scope = scope;
    }

    /** Narrows the following span assertions to the spans of one HoneyHive session. */
    public RecordingServerAssert inSession(String sessionId) {
        List<RecordedSpan> ofSession = spans.stream()
                .filter(span -> sessionId.equals(span.sessionId()))
                .toList();
        if (ofSession.isEmpty()) {
            failWithMessage(
                    "Expected spans in session %s but the delivered spans were in sessions %s",
                    sessionId,
                    spans.stream().map(RecordedSpan::sessionId).distinct().toList());
        }
        return new RecordingServerAssert(actual, ofSession, " in session " + sessionId);
    }

    /** Verifies that exactly one delivered span (in the session, if narrowed) has this name, and returns it. */
    public RecordedSpanAssert hasSpanNamed(String name) {
        List<RecordedSpan> named =
                spans.stream().filter(span -> span.name().equals(name)).toList();
        if (named.size() != 1) {
            failWithMessage(
                    "Expected one span named <%s>%s but found %d among %s",
                    name,
                    scope,
                    named.size(),
                    spans.stream().map(RecordedSpan::name).toList());
        }
        return new RecordedSpanAssert(named.get(0));
    }

    /** Verifies that this many spans were delivered (in the session, if narrowed). */
    public RecordingServerAssert hasSpanCount(int count) {
        if (spans.size() != count) {
            failWithMessage(
                    "Expected %d delivered spans%s but found %d: %s",
                    count,
                    scope,
                    spans.size(),
                    spans.stream().map(RecordedSpan::name).toList());
        }
        return this;
    }

    /** Verifies that the server received no request at all. */
    public RecordingServerAssert receivedNoRequests() {
        if (!actual.requests().isEmpty()) {
            failWithMessage("Expected no request but received %s", actual.requests());
        }
        return this;
    }

    /**
     * Verifies that no request body, decoded or raw, contains the text; use it with an API key to show that the key
     * travels only in the {@code Authorization} header.
     */
    public RecordingServerAssert hasNoBodyContaining(String text) {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        for (RecordedRequest request : actual.requests()) {
            if (contains(request.body(), needle)) {
                failWithMessage("Expected no request body to contain the given text, but %s did", request);
            }
            for (RecordedSpan span :
                    request.route() == Route.TRACES && request.accepted() ? request.spans() : List.<RecordedSpan>of()) {
                if (span.attributes().values().stream().map(Objects::toString).anyMatch(v -> v.contains(text))) {
                    failWithMessage(
                            "Expected no span attribute to contain the given text, but span %s did", span.name());
                }
            }
        }
        return this;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
