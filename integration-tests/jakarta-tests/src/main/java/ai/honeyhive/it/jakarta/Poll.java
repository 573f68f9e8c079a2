package ai.honeyhive.it.jakarta;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Waiting on a server that reports through its log or its answers, not through a callback. */
final class Poll {

    private static final Duration INTERVAL = Duration.ofMillis(200);

    private Poll() {}

    /** The first value {@code probe} offers, asking again every 200 ms for up to {@code timeout}. */
    static <T> Optional<T> until(Supplier<Optional<T>> probe, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<T> found = probe.get();
        while (found.isEmpty() && System.nanoTime() < deadline) {
            pause(INTERVAL);
            found = probe.get();
        }
        return found;
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
