package ai.honeyhive.cdi.internal;

import ai.honeyhive.tracer.HoneyHiveTracer;
import ai.honeyhive.tracer.internal.TracerInternals;
import ai.honeyhive.tracer.internal.config.Settings;
import ai.honeyhive.tracer.internal.span.SpanEnricher;
import ai.honeyhive.tracer.internal.span.SpanStarter;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * The tracers of one CDI container, by name ({@code ""} for the default one), built from configuration when the
 * deployment is validated and closed when the container shuts down; and the {@code @Traced} metadata of each method.
 */
public final class TracerRegistry {

    private static final Logger logger = Logger.getLogger(TracerRegistry.class.getName());

    private final TracerConfigReader reader;
    private final BuilderDefaults defaults;
    private final Map<String, TracerEntry> tracers = new ConcurrentHashMap<>();
    private final Map<MethodKey, Object> methods = new ConcurrentHashMap<>();
    private final List<Consumer<String>> builtListeners = new CopyOnWriteArrayList<>();
    private static final Object UNTRACED = new Object();

    /**
     * A tracer with what {@code @Traced} needs of it.
     *
     * @param tracer the tracer
     * @param enabled whether {@code @Traced} traces at all
     * @param spans how the tracer starts spans
     * @param enricher how it records what a span learns (a method's result)
     * @param captureInputs the configured default for arguments
     * @param captureOutputs the configured default for return values
     */
    public record TracerEntry(
            HoneyHiveTracer tracer,
            boolean enabled,
            SpanStarter spans,
            SpanEnricher enricher,
            boolean captureInputs,
            boolean captureOutputs) {}

    /** Adjusts a tracer's builder before it is built, with the runtime's own defaults. */
    @FunctionalInterface
    public interface BuilderDefaults {
        /** Nothing to adjust. */
        BuilderDefaults NONE = (name, builder) -> {};

        void apply(String tracerName, HoneyHiveTracer.Builder builder);
    }

    public TracerRegistry(TracerConfigReader reader) {
        this(reader, BuilderDefaults.NONE);
    }

    public TracerRegistry(TracerConfigReader reader, BuilderDefaults defaults) {
        this.reader = reader;
        this.defaults = defaults;
    }

    /**
     * Builds every tracer named, so that invalid configuration surfaces while the deployment is validated.
     *
     * @return a message per tracer that could not be built, naming its key and the fix
     */
    public List<String> start(Set<String> names) {
        List<String> problems = new ArrayList<>();
        for (String name : names) {
            try {
                tracer(name);
            } catch (RuntimeException e) {
                String which = name.isEmpty()
                        ? "The HoneyHive tracer"
                        : "The HoneyHive tracer '" + name + "' (keys " + MicroProfileTracerConfigReader.TRACERS_PREFIX
                                + name + ".*, falling back to honeyhive.*)";
                problems.add(which + " is not configured correctly: " + e.getMessage());
            }
        }
        return problems;
    }

    /** The tracer with this name, built on first use. */
    public HoneyHiveTracer tracer(String name) {
        return entry(name).tracer();
    }

    /** The tracer with this name and what {@code @Traced} needs of it. */
    public TracerEntry entry(String name) {
        // A plain read first: on every traced call, and computeIfAbsent would allocate its function each time.
        TracerEntry entry = tracers.get(name);
        if (entry != null) {
            return entry;
        }
        boolean[] built = {false};
        entry = tracers.computeIfAbsent(name, missing -> {
            built[0] = true;
            return build(missing);
        });
        if (built[0]) {
            // Outside computeIfAbsent: a listener may look the tracer up.
            builtListeners.forEach(listener -> listener.accept(name));
        }
        return entry;
    }

    /**
     * Calls the listener with the name of every tracer built so far and of each one built later (for meters that
     * must cover named tracers built on first use). A tracer built while the listener is added may be named twice.
     */
    public void whenBuilt(Consumer<String> listener) {
        builtListeners.add(listener);
        new ArrayList<>(tracers.keySet()).forEach(listener);
    }

    /** The tracers built so far, by name ({@code ""} for the default one). */
    public Map<String, HoneyHiveTracer> started() {
        Map<String, HoneyHiveTracer> started = new java.util.TreeMap<>();
        tracers.forEach((name, entry) -> started.put(name, entry.tracer()));
        return started;
    }

    /** The {@code @Traced} metadata of a method on a bean class, or null if it is not traced. */
    public @Nullable TracedMethod method(Method method, Class<?> beanClass) {
        MethodKey key = new MethodKey(method, beanClass);
        Object traced = methods.get(key);
        if (traced == null) {
            traced = methods.computeIfAbsent(key, missing -> {
                TracedMethod resolved = TracedMethod.of(method, beanClass);
                return resolved == null ? UNTRACED : resolved;
            });
        }
        return traced == UNTRACED ? null : (TracedMethod) traced;
    }

    /** Flushes and closes every tracer, each within its shutdown timeout; closing again does nothing more. */
    public void closeAll() {
        tracers.forEach((name, entry) -> {
            try {
                HoneyHiveTracer tracer = entry.tracer();
                boolean delivered = tracer.close(tracer.config().shutdownTimeout());
                logger.fine(() -> "Closed HoneyHive tracer '" + name + "'; everything delivered: " + delivered);
            } catch (RuntimeException e) {
                logger.log(Level.WARNING, "Could not close the HoneyHive tracer '" + name + "'", e);
            }
        });
        // Kept: a late caller gets the closed tracer, which drops spans quietly, instead of a new one.
    }

    private TracerEntry build(String name) {
        boolean enabled = reader.enabled(name);
        HoneyHiveTracer.Builder builder = reader.builder(name);
        defaults.apply(name, builder);
        if (!TracerInternals.values(builder).isSet(Settings.START_SESSION_ON_FIRST_USE)) {
            // A server's requests have sessions of their own: the tracer's starts only if something lands in it.
            builder.startSessionOnFirstUse(true);
        }
        if (!enabled) {
            // Disabled: nothing is sent, no session is started, @Traced does not even start spans, and no batch
            // processor thread waits for spans that will not come.
            builder.testMode(true).startSession(false).disableBatch(true);
        }
        HoneyHiveTracer tracer = builder.build();
        return new TracerEntry(
                tracer,
                enabled,
                TracerInternals.spans(tracer),
                TracerInternals.enricher(tracer),
                reader.captureInputs(name),
                reader.captureOutputs(name));
    }

    /**
     * A method of a bean class. Compared by identity first: containers hand the interceptor the same {@code Method}
     * on every call, and this lookup runs on every traced call.
     */
    private record MethodKey(Method method, Class<?> beanClass) {
        @Override
        public boolean equals(Object other) {
            return other instanceof MethodKey key
                    && key.beanClass == beanClass
                    && (key.method == method || key.method.equals(method));
        }

        @Override
        public int hashCode() {
            return 31 * method.hashCode() + beanClass.hashCode();
        }
    }
}
