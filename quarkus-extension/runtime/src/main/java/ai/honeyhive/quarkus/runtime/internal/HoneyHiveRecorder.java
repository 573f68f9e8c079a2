package ai.honeyhive.quarkus.runtime.internal;

import ai.honeyhive.cdi.internal.TracerRegistry;
import ai.honeyhive.quarkus.runtime.HoneyHiveRuntimeConfig;
import ai.honeyhive.tracer.HoneyHiveTracer;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.ShutdownContext;
import io.quarkus.runtime.annotations.Recorder;
import io.quarkus.runtime.configuration.ConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * What the build steps record for the application's start: the tracers, built from the runtime configuration
 * mapping, and the beans that hand them out.
 */
@Recorder
public class HoneyHiveRecorder {

    private static final Logger logger = Logger.getLogger(HoneyHiveRecorder.class);

    private final RuntimeValue<HoneyHiveRuntimeConfig> config;

    public HoneyHiveRecorder(RuntimeValue<HoneyHiveRuntimeConfig> config) {
        this.config = config;
    }

    /**
     * Builds every tracer the application uses or configures, failing the start with the key named if one is
     * invalid or a name the code uses is not configured, and closes them (flushing what they hold) when the
     * application stops.
     *
     * @param usedNames the tracer names the code uses ({@code @Traced(tracer)}, {@code @HoneyHive}), each with
     *     where it is used
     * @param enabled whether tracing was built into the application ({@code quarkus.honeyhive.enabled})
     */
    public RuntimeValue<TracerRegistry> startTracers(
            Map<String, Set<String>> usedNames, boolean enabled, LaunchMode launchMode, ShutdownContext shutdown) {
        MappingTracerConfigReader tracers = new MappingTracerConfigReader(config.getValue());
        Set<String> configured = new TreeSet<>(tracers.configuredNames());
        List<String> problems = unconfiguredNames(usedNames, configured);
        TracerRegistry.BuilderDefaults launchModeDefaults = new LaunchModeDefaults(tracers, launchMode);
        TracerRegistry.BuilderDefaults sessionName = new ApplicationSessionName(tracers, applicationName());
        TracerRegistry.BuilderDefaults defaults = (name, builder) -> {
            launchModeDefaults.apply(name, builder);
            sessionName.apply(name, builder);
        };
        if (!enabled) {
            // Disabled at build time: the tracer beans stay injectable, and send nothing.
            defaults = (name, builder) -> builder.testMode(true).startSession(false);
        }
        TracerRegistry registry = new TracerRegistry(tracers, defaults);
        Set<String> names = new TreeSet<>(configured);
        names.add("");
        if (problems.isEmpty()) {
            problems.addAll(registry.start(names));
        }
        if (!problems.isEmpty()) {
            registry.closeAll();
            throw new ConfigurationException(String.join("\n", problems));
        }
        // Closed on ShutdownEvent (TracerLifecycle); this last task only covers a start that failed after this point.
        shutdown.addLastShutdownTask(registry::closeAll);
        logger.debugf("HoneyHive tracers started: %s", names);
        return new RuntimeValue<>(registry);
    }

    /** A name the code uses must be configured ({@code honeyhive.tracers.<name>.*}); each one that is not, named. */
    private static List<String> unconfiguredNames(Map<String, Set<String>> usedNames, Set<String> configured) {
        List<String> problems = new ArrayList<>();
        usedNames.forEach((name, places) -> {
            if (!configured.contains(name)) {
                problems.add("No HoneyHive tracer named '" + name + "' is configured, but "
                        + String.join(" and ", places) + " uses it. Configure it with honeyhive.tracers." + name
                        + ".* keys (for example honeyhive.tracers." + name + ".project), or use a configured name: "
                        + configured);
            }
        });
        return problems;
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

    /**
     * The bean through which Quarkus's W3C baggage propagator carries the default tracer's HoneyHive sessions to the
     * services the application calls; typed {@code Object} so that nothing here loads quarkus-opentelemetry's types
     * unless the application has it.
     *
     * @param outsideSessions whether a context outside any HoneyHive session carries the tracer's own session too
     */
    public Supplier<Object> sessionBaggageCustomizer(RuntimeValue<TracerRegistry> registry, boolean outsideSessions) {
        return () -> new SessionBaggageCustomizer(registry.getValue(), outsideSessions);
    }

    /** One tracer, for the bean that makes it injectable ({@code ""} for the default one). */
    public Supplier<HoneyHiveTracer> tracer(RuntimeValue<TracerRegistry> registry, String name) {
        return () -> registry.getValue().tracer(name);
    }

    /** {@code quarkus.application.name}, which Quarkus sets to the project's artifactId unless configured. */
    private static Optional<String> applicationName() {
        return ConfigProvider.getConfig()
                .getOptionalValue("quarkus.application.name", String.class)
                .filter(name -> !name.isBlank());
    }
}
