package ai.honeyhive.tracer;

/**
 * Work without a result that may throw {@code E}, run in a span by
 * {@link HoneyHiveTracer#trace(String, EventType, TracedAction)}.
 *
 * @param <E> the checked exception it may throw ({@code RuntimeException} for none)
 */
@FunctionalInterface
public interface TracedAction<E extends Exception> {

    /** Does the work. */
    void run() throws E;
}
