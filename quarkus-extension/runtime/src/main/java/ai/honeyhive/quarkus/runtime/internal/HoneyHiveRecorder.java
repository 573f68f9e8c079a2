package ai.honeyhive.quarkus.runtime.internal;

import ai.honeyhive.cdi.internal.MicroProfileTracerConfigReader;
import ai.honeyhive.cdi.internal.TracerRegistry;
import ai.honeyhive.tracer.HoneyHiveTracer;
import io.opentelemetry.context.ContextStorage;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.ShutdownContext;
import io.quarkus.runtime.annotations.Recorder;
import io.quarkus.runtime.configuration.ConfigurationException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/** What the build steps record for the application's start: the tracers, and the context storage. */
@Recorder
public class HoneyHiveRecorder {

    private static final Logger logger = Logger.getLogger(HoneyHiveRecorder.class);

    /**
     * Makes the OpenTelemetry context follow Quarkus requests across threads. Recorded at static init, before
     * anything uses a context; {@code quarkus-opentelemetry}, when present, does this itself.
     */
    public void followRequestsAcrossThreads() {
        ContextStorage.addWrapper(VertxContextStorage::new);
        if (!(ContextStorage.get() instanceof VertxContextStorage)) {
            // Something used a context before the application started, so the wrapper came too late.
            logger.warn("The OpenTelemetry context storage was set up before HoneyHive could make it follow Quarkus"
                    + " requests: HoneyHive sessions may not follow a request from one thread to another");
        }
    }

    /**
     * Builds every tracer from configuration, failing the start with the key named if one is invalid, and closes
     * them (flushing what they hold) when the application stops.
     *
     * @param namedTracers the names the application uses or configures
     * @param enabled whether tracing was built into the application ({@code honeyhive.enabled})
     */
    public RuntimeValue<TracerRegistry> startTracers(
            Set<String> namedTracers, boolean enabled, LaunchMode launchMode, ShutdownContext shutdown) {
        MicroProfileTracerConfigReader reader = new MicroProfileTracerConfigReader(ConfigProvider.getConfig());
        TracerRegistry.BuilderDefaults defaults = new LaunchModeDefaults(reader, launchMode);
        if (!enabled) {
            // Disabled at build time: the tracer beans stay injectable, and send nothing.
            defaults = (name, builder) -> builder.testMode(true).startSession(false);
        }
        TracerRegistry registry = new TracerRegistry(reader, defaults);
        Set<String> names = new TreeSet<>(namedTracers);
        names.addAll(reader.namedTracers());
        names.add("");
        List<String> problems = registry.start(names);
        if (!problems.isEmpty()) {
            registry.closeAll();
            throw new ConfigurationException(String.join("\n", problems));
        }
        // Closed on ShutdownEvent (TracerLifecycle); this last task only covers a start that failed after this point.
        shutdown.addLastShutdownTask(registry::closeAll);
        logger.debugf("HoneyHive tracers started: %s", names);
        return new RuntimeValue<>(registry);
    }

    /** The registry, for the bean that makes it injectable. */
    public Supplier<TracerRegistry> registry(RuntimeValue<TracerRegistry> registry) {
        return registry::getValue;
    }

    /**
     * The span processor for Quarkus's OpenTelemetry SDK (which takes every {@link SpanProcessor} bean): spans other
     * extensions make inside a HoneyHive session, such as quarkus-langchain4j's chat and tool spans, go to HoneyHive
     * through the default tracer. HoneyHive's own spans come from its own SDK, so nothing reaches HoneyHive twice.
     * A tracer disabled at runtime leaves the application's spans untouched.
     */
    public Supplier<SpanProcessor> openTelemetrySessionSpans(
            RuntimeValue<TracerRegistry> registry, boolean includeSpansOutsideSessions) {
        return () -> {
            TracerRegistry.TracerEntry tracer = registry.getValue().entry("");
            return tracer.enabled()
                    ? tracer.tracer().sessionSpanProcessor(includeSpansOutsideSessions)
                    : SpanProcessor.composite();
        };
    }

    /** One tracer, for the bean that makes it injectable ({@code ""} for the default one). */
    public Supplier<HoneyHiveTracer> tracer(RuntimeValue<TracerRegistry> registry, String name) {
        return () -> registry.getValue().tracer(name);
    }
}
