package ai.honeyhive.benchmarks;

import java.util.Locale;

/** The figures one {@link ProductionLoadSoak} run printed, read back from {@link Scores}, and what they add up to. */
final class SoakFigures {

    /** Growth of the heap after GC, from the third sample to the last, that is noise rather than a leak. */
    static final double PLATEAU_TOLERANCE_MIB = 4;

    private final Scores scores;
    private final String key;

    SoakFigures(Scores scores, String key) {
        this.scores = scores;
        this.key = key;
    }

    double get(String name) {
        return scores.get(key + name);
    }

    /** Every span and session call produced is delivered, failed, dropped or still queued. */
    boolean accounted() {
        return get("accounted") == 1;
    }

    /** Accounted for, and none failed or dropped. */
    boolean nothingLost() {
        return accounted()
                && get("droppedSpans") == 0
                && get("failedSpans") == 0
                && get("droppedSessionCalls") == 0
                && get("failedSessionCalls") == 0;
    }

    /** The load reached 98% of the rate asked for (below that, the generator itself could not keep up). */
    boolean reachedRate(int rate) {
        return get("requestsPerSecond") >= 0.98 * rate;
    }

    boolean plateau() {
        return get("heapGrowthAfterSettlingMiB") <= PLATEAU_TOLERANCE_MIB;
    }

    /** The run's figures in a sentence for the table. */
    String describe() {
        return String.format(
                Locale.ROOT,
                "%,.0f requests/s, %,.0f spans delivered/s; spans %,.0f = %,.0f delivered + %,.0f failed + %,.0f"
                        + " dropped + %,.0f queued; session calls %,.0f = %,.0f + %,.0f + %,.0f + %,.0f (accounted: %s;"
                        + " the stand-in received %,.0f starts and %,.0f updates); latency p50 %.0f µs, p99 %.0f µs,"
                        + " p99.9 %.0f µs; heap after GC %+.1f MiB at its peak, %+.1f MiB after the first 30 s",
                get("requestsPerSecond"),
                get("spansDeliveredPerSecond"),
                get("producedSpans"),
                get("deliveredSpans"),
                get("failedSpans"),
                get("droppedSpans"),
                get("queuedSpans"),
                get("producedSessionCalls"),
                get("deliveredSessionCalls"),
                get("failedSessionCalls"),
                get("droppedSessionCalls"),
                get("queuedSessionCalls"),
                accounted() ? "yes" : "NO",
                get("receivedSessionStarts"),
                get("receivedEventUpdates"),
                get("latencyP50Us"),
                get("latencyP99Us"),
                get("latencyP999Us"),
                get("heapPeakAboveBaselineMiB"),
                get("heapGrowthAfterSettlingMiB"));
    }
}
