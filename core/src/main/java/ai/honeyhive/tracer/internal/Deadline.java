package ai.honeyhive.tracer.internal;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A point in time that several waits share, so that {@code flush} and {@code close} keep their timeout overall:
 * each step waits only for what is left. A huge timeout saturates instead of overflowing.
 */
public final class Deadline {

    /** What {@code flush()} waits without a timeout, and what a null timeout means. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final long atNanos;
    private final long timeoutNanos;

    private Deadline(long atNanos, long timeoutNanos) {
        this.atNanos = atNanos;
        this.timeoutNanos = timeoutNanos;
    }

    /** The deadline {@code timeout} from now; null means {@link #DEFAULT_TIMEOUT}, negative means now. */
    public static Deadline after(@Nullable Duration timeout) {
        long now = System.nanoTime();
        long nanos = nanos(timeout);
        return new Deadline(nanos > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + nanos, nanos);
    }

    /** The whole timeout in nanoseconds, for the first wait. */
    public long timeoutNanos() {
        return timeoutNanos;
    }

    /** What is left, in nanoseconds; zero once passed. */
    public long remainingNanos() {
        return Math.max(0, atNanos - System.nanoTime());
    }

    /** What is left; zero once passed. */
    public Duration remaining() {
        return Duration.ofNanos(remainingNanos());
    }

    /** The timeout in nanoseconds, saturated, so that a huge or missing timeout cannot throw. */
    public static long nanos(@Nullable Duration timeout) {
        if (timeout == null) {
            return DEFAULT_TIMEOUT.toNanos();
        }
        try {
            return Math.max(0, timeout.toNanos());
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }
}
