package ai.honeyhive.testing;

/**
 * Entry point for AssertJ assertions on what the recording server received.
 *
 * <pre>{@code
 * assertThat(server).inSession(sessionId).hasSpanNamed("retrieve").hasInput("query", "refund policy");
 * assertThat(server).hasNoBodyContaining(apiKey);
 * }</pre>
 */
public final class HoneyHiveAssertions {

    private HoneyHiveAssertions() {}

    /** Assertions on everything a recording server received. */
    public static RecordingServerAssert assertThat(RecordingHoneyHiveServer server) {
        return new RecordingServerAssert(server, server.spans(), "");
    }

    /** Assertions on one decoded span. */
    public static RecordedSpanAssert assertThat(RecordedSpan span) {
        return new RecordedSpanAssert(span);
    }
}
