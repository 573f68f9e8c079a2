package ai.honeyhive.tracer;

/**
 * Work that returns a result and may throw {@code E}, run in a span by
 * {@link HoneyHiveTracer#trace(String, EventType, TracedWork)}.
 *
 * @param <T> the result
 * @param <E> the checked exception it may throw ({@code RuntimeException} for none)
 */
@FunctionalInterface
public interface TracedWork<T, E extends Exception> {

    /** Does the work. */
    T call() throws E;
}
