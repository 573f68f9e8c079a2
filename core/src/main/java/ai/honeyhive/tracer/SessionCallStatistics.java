package ai.honeyhive.tracer;

/**
 * What a tracer has done with its session calls ({@code POST /session/start}, and {@code PUT /events} for session
 * enrichments and event updates), sent in the background. Every call taken is delivered, failed, dropped or still
 * queued, so the four add up to the calls made so far.
 *
 * <p>In test mode nothing is sent, and all four stay 0.
 *
 * @param delivered calls HoneyHive answered with a 2xx status
 * @param failed calls HoneyHive refused, or could not be reached for after the last retry
 * @param dropped calls never sent: past the client's bounds (8,192 calls or 32 MiB held), updates of a session whose
 *     start was not delivered, or calls still waiting when the tracer closed
 * @param queued calls taken and not yet ended: waiting, in flight, waiting to be retried, or held behind their
 *     session's start
 */
public record SessionCallStatistics(long delivered, long failed, long dropped, long queued) {

    /** All zero: nothing sent, as in test mode. */
    public static final SessionCallStatistics NONE = new SessionCallStatistics(0, 0, 0, 0);

    /** Calls made so far: delivered, failed, dropped or queued. */
    public long calls() {
        return delivered + failed + dropped + queued;
    }
}
