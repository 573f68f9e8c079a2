package ai.honeyhive.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * One run of {@link ProductionLoadSoak} that the targets report makes, with the arguments it is started with and the
 * key its figures are kept under ({@code soak:HONEYHIVE:STEADY:1000:50:} then the figure's name).
 */
record SoakRun(ProductionLoadSoak.Side side, String shape, int rate, int seconds, long delayMillis) {

    /** The rate the tracer must carry without losing anything (issue 18). */
    static final int SUSTAINED_RATE = 1_000;

    /**
     * What the requests in flight hold beside the two budgets, by default: 16 export requests, each a batch of 512
     * spans written out (the marshalled request and its bytes, at most some 2 KiB a span: 16 MiB), and 512 session
     * calls, each a JDK client connection with its buffers and its answer (some 16 KiB: 8 MiB).
     */
    static final int IN_FLIGHT_MIB = 16 * 512 * 2 / 1024 + 512 * 16 / 1024;

    /**
     * What the tracer may hold, by default: the span budget (64 MiB), the session client's bodies (32 MiB) and the
     * requests in flight.
     */
    static final int MEMORY_BOUND_MIB = 64 + 32 + IN_FLIGHT_MIB;

    private static final int STEADY_SECONDS = 120;
    private static final long[] DELAYS = {0, 50, 200};

    /** 1,000 and 5,000 requests a second for two minutes, against a stand-in answering in 0, 50 and 200 ms. */
    static final List<SoakRun> STEADY_RUNS = steadyRuns();

    /** A burst of 20,000 spans, against a stand-in answering at once and in 50 ms. */
    static final List<SoakRun> BURST_RUNS = List.of(burst(0), burst(50));

    /** The two sides of the baseline ratio, run in every round: spans a second at 1,000 requests a second. */
    static final SoakRun RATIO_HONEYHIVE = new SoakRun(ProductionLoadSoak.Side.HONEYHIVE, "STEADY", 1_000, 30, 50);

    static final SoakRun RATIO_PLAIN_SDK = new SoakRun(ProductionLoadSoak.Side.PLAIN_SDK, "STEADY", 1_000, 30, 50);

    private static List<SoakRun> steadyRuns() {
        List<SoakRun> runs = new ArrayList<>();
        for (int rate : new int[] {SUSTAINED_RATE, 5_000}) {
            for (long delay : DELAYS) {
                runs.add(new SoakRun(ProductionLoadSoak.Side.HONEYHIVE, "STEADY", rate, STEADY_SECONDS, delay));
            }
        }
        return List.copyOf(runs);
    }

    private static SoakRun burst(long delayMillis) {
        return new SoakRun(ProductionLoadSoak.Side.HONEYHIVE, "BURST", 0, 0, delayMillis);
    }

    /** The same run against a stand-in that answers at once. */
    SoakRun withoutDelay() {
        return new SoakRun(side, shape, rate, seconds, 0);
    }

    /** The same run, for this many seconds (the report's smoke pass runs each briefly). */
    SoakRun lasting(int newSeconds) {
        return new SoakRun(side, shape, rate, shape.equals("BURST") ? 0 : newSeconds, delayMillis);
    }

    /** Where its figures are kept in {@link Scores}. */
    String key() {
        return "soak:" + side + ":" + shape + ":" + rate + ":" + delayMillis + ":";
    }

    /** The soak's command-line arguments. */
    List<String> arguments() {
        return List.of(
                side.name(), shape, Integer.toString(rate), Integer.toString(seconds), Long.toString(delayMillis));
    }
}
