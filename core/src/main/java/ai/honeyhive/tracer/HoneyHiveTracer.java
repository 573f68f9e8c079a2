package ai.honeyhive.tracer;

import static java.util.Objects.requireNonNull;

import ai.honeyhive.tracer.internal.ApplicationName;
import ai.honeyhive.tracer.internal.AttributeFlattener;
import ai.honeyhive.tracer.internal.CompletingSpanExporter;
import ai.honeyhive.tracer.internal.ConfigKey;
import ai.honeyhive.tracer.internal.ContextCarriers;
import ai.honeyhive.tracer.internal.FlattenLimits;
import ai.honeyhive.tracer.internal.HoneyHiveAttributes;
import ai.honeyhive.tracer.internal.HoneyHiveBaggage;
import ai.honeyhive.tracer.internal.HoneyHiveSpanProcessor;
import ai.honeyhive.tracer.internal.LibraryVersion;
import ai.honeyhive.tracer.internal.LocalSink;
import ai.honeyhive.tracer.internal.MapCarrier;
import ai.honeyhive.tracer.internal.SafeJson;
import ai.honeyhive.tracer.internal.ScopedSpan;
import ai.honeyhive.tracer.internal.SdkSpanCounters;
import ai.honeyhive.tracer.internal.SessionClient;
import ai.honeyhive.tracer.internal.SessionIds;
import ai.honeyhive.tracer.internal.SessionSpanForwarder;
import ai.honeyhive.tracer.internal.SpanExportPipeline;
import ai.honeyhive.tracer.internal.ThrottledLogger;
import ai.honeyhive.tracer.internal.TracerIdentity;
import ai.honeyhive.tracer.internal.VerboseLogging;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.BaggageBuilder;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.SpanLimits;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Traces an application's LLM calls, tools and chains into HoneyHive sessions: the Java counterpart of the Python
 * SDK's {@code HoneyHiveTracer}.
 *
 * <pre>{@code
 * HoneyHiveTracer tracer = HoneyHiveTracer.builder().project("support-bot").build(); // key from HH_API_KEY
 * try (HoneyHiveSpan span = tracer.trace("answer", EventType.CHAIN)) {
 *     tracer.enrichSpan(Enrichment.builder().inputs(Map.of("question", question)).build());
 *     ...
 * }
 * tracer.close();
 * }</pre>
 *
 * <p>Each tracer owns its OpenTelemetry {@code SdkTracerProvider}, exporter and processors, so several tracers with
 * different projects, keys and sources can live in one JVM; none touches {@code GlobalOpenTelemetry} unless
 * configured to. Thread-safe.
 *
 * <p>Once built, a tracer never throws into the caller: a failing backend, a value that cannot be serialized, a use
 * after {@link #close()} are logged (throttled) and cost only the data involved. Nothing waits on HoneyHive except
 * {@link #flush(Duration)} and {@link #close(Duration)}, and only up to their timeouts.
 */
public final class HoneyHiveTracer implements AutoCloseable {

    /** The instrumentation scope name of the spans this tracer starts. */
    public static final String INSTRUMENTATION_SCOPE = "ai.honeyhive.tracer";

    // Room on top of the configured attribute budget for what the tracer itself stamps.
    private static final int RESERVED_ATTRIBUTES = 32;
    private static final Duration DEFAULT_FLUSH_TIMEOUT = Duration.ofSeconds(10);
    private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");
    private static final TextMapPropagator PROPAGATOR =
            TextMapPropagator.composite(W3CTraceContextPropagator.getInstance(), W3CBaggagePropagator.getInstance());

    private static final Logger logger = Logger.getLogger(HoneyHiveTracer.class.getName());
    private static final ThrottledLogger traceFailures = new ThrottledLogger(logger);
    private static final ThrottledLogger enrichFailures = new ThrottledLogger(logger);
    private static final ThrottledLogger usedAfterClose = new ThrottledLogger(logger);
    private static final ThrottledLogger sessionFailures = new ThrottledLogger(logger);
    private static final Duration LOCAL_SINK_DELAY = Duration.ofMillis(100);

    private final TracerConfig config;
    private final String sessionId;
    private final String sessionName;
    private final SdkTracerProvider provider;
    private final OpenTelemetrySdk openTelemetry;
    private final Tracer tracer;
    private final AttributeFlattener flattener;
    private final @Nullable SpanExportPipeline export;
    private final @Nullable SessionClient sessions;
    private final @Nullable LocalSink localSink;
    // The counters of the in-process span pipeline: the local sink's, or in test mode the one that discards.
    private final SdkSpanCounters inProcessCounters = new SdkSpanCounters();
    // Where ended spans go: the export pipeline and the local sink; shared with sessionSpanProcessor's processors.
    private final SpanProcessor delivery;
    private final TracerIdentity identity;
    private final @Nullable Context linkedContext;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final @Nullable Thread shutdownHook;

    private HoneyHiveTracer(TracerConfig config, List<SpanProcessor> extraProcessors) {
        this.config = config;
        if (config.verbose()) {
            VerboseLogging.enable();
        }
        this.sessionId = config.sessionId() != null ? config.sessionId() : SessionIds.newId();
        this.sessionName = config.sessionName() != null ? config.sessionName() : ApplicationName.detect();
        this.flattener = new AttributeFlattener(new FlattenLimits(
                config.maxAttributeDepth(), config.maxSpanAttributes(), config.maxAttributeValueLength()));
        // Opened first: a file that cannot be written is a configuration error, before any thread is started.
        this.localSink = config.localSink() == null ? null : LocalSink.open(config.localSink(), () -> System.out);
        this.export = config.testMode() ? null : SpanExportPipeline.create(exportSettings(config));
        this.sessions = config.testMode()
                ? null
                : new SessionClient(SessionClient.Settings.defaults(
                        config.serverUrl(), requireNonNull(config.apiKey(), "apiKey"), config.sessionTimeout()));
        this.identity = identity();
        this.delivery = delivery(config, export, localSink, inProcessCounters);
        this.provider = tracerProvider(config, identity, extraProcessors, delivery);
        this.openTelemetry = OpenTelemetrySdk.builder()
                .setTracerProvider(provider)
                .setPropagators(ContextPropagators.create(PROPAGATOR))
                .build();
        this.tracer = provider.tracerBuilder(INSTRUMENTATION_SCOPE)
                .setInstrumentationVersion(LibraryVersion.version())
                .build();
        this.linkedContext = config.linkCarrier().isEmpty()
                ? null
                : ContextCarriers.extract(Context.root(), config.linkCarrier(), MapCarrier.GETTER, true);
        if (config.registerGlobal()) {
            registerGlobal();
        }
        this.shutdownHook = config.shutdownHook() ? addShutdownHook() : null;
        if (config.startSession() && config.sessionId() == null) {
            // The id is made here and sent, so spans are stamped at once; the start itself goes out in the background.
            startSession(sessionId, sessionBody(sessionId, sessionName, null, config.inputs(), Map.of(), Map.of()));
        }
        logger.fine(() -> "HoneyHive tracer started: " + this);
    }

    /** A builder that starts from the environment: explicit settings win over {@code HH_*} variables. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A tracer configured by the {@code HH_*} environment variables alone.
     *
     * @throws IllegalArgumentException if a variable has an invalid value
     * @throws IllegalStateException if no API key is set and test mode is off
     */
    public static HoneyHiveTracer init() {
        return builder().build();
    }

    /**
     * A tracer with this configuration; the settings it leaves unset come from the environment, then defaults.
     *
     * @throws IllegalArgumentException if a variable has an invalid value
     * @throws IllegalStateException if no API key is set and test mode is off
     */
    public static HoneyHiveTracer init(TracerConfig config) {
        return builder().config(config).build();
    }

    /**
     * Starts a span and makes it current until it is closed; its event type is detected when it ends (a tool unless
     * its attributes say otherwise). Use it in try-with-resources.
     */
    public HoneyHiveSpan trace(String name) {
        return startSpan(name, null, Map.of());
    }

    /** Starts a span of the given event type and makes it current until it is closed. */
    public HoneyHiveSpan trace(String name, EventType eventType) {
        return startSpan(name, eventType, Map.of());
    }

    /** Starts a span with initial attributes (flattened) and makes it current until it is closed. */
    public HoneyHiveSpan trace(String name, Map<String, ?> attributes) {
        return startSpan(name, null, attributes);
    }

    /**
     * Starts a span of the given event type with initial attributes, flattened as {@code key.sub} when nested, and
     * makes it current until it is closed.
     */
    public HoneyHiveSpan trace(String name, EventType eventType, Map<String, ?> attributes) {
        return startSpan(name, eventType, attributes);
    }

    /**
     * Wraps a task so that it runs in a span, as a child of the context that is current now, on whatever thread
     * runs it. An exception it throws is recorded on that span and rethrown unchanged.
     */
    public Runnable traced(String name, EventType eventType, Runnable task) {
        Context captured = Context.current();
        return () -> inSpan(captured, name, eventType, () -> {
            task.run();
            return null;
        });
    }

    /** Wraps a task, as {@link #traced(String, EventType, Runnable)} does, keeping its result and exceptions. */
    public <T> Callable<T> traced(String name, EventType eventType, Callable<T> task) {
        Context captured = Context.current();
        return () -> inSpan(captured, name, eventType, task::call);
    }

    /**
     * Wraps a supplier, as {@link #traced(String, EventType, Runnable)} does; a separate name because a lambda fits
     * both {@code Supplier} and {@code Callable}.
     */
    public <T> Supplier<T> tracedSupplier(String name, EventType eventType, Supplier<T> task) {
        Context captured = Context.current();
        return () -> inSpan(captured, name, eventType, task::get);
    }

    /** A piece of work that may throw {@code E}. */
    @FunctionalInterface
    private interface Work<T, E extends Exception> {
        T run() throws E;
    }

    /** Runs the work in a span under the captured context; its exception is recorded and rethrown unchanged. */
    private <T, E extends Exception> T inSpan(Context captured, String name, EventType eventType, Work<T, E> work)
            throws E {
        try (Scope ignored = captured.makeCurrent();
                HoneyHiveSpan span = startSpan(name, eventType, Map.of())) {
            try {
                return work.run();
            } catch (Throwable error) {
                span.recordException(error);
                throw error;
            }
        }
    }

    /**
     * Adds attributes to the current span as {@code honeyhive_metadata.<key>}, nested values flattened. Does nothing
     * when no span is current.
     */
    public void enrichCurrentSpan(Map<String, ?> attributes) {
        if (isClosed()) {
            return;
        }
        try {
            Span span = Span.current();
            if (span.isRecording()) {
                flattener.flattenOnto(span, HoneyHiveAttributes.METADATA, attributes);
            }
        } catch (RuntimeException e) {
            enrichFailures.log(Level.WARNING, "Could not enrich the current span", e);
        }
    }

    /**
     * Adds inputs, outputs, metadata, metrics, feedback, config, user properties and an error to the current span
     * as {@code honeyhive_<namespace>.<path>} attributes. Does nothing when no span is current.
     */
    public void enrichSpan(Enrichment enrichment) {
        if (isClosed()) {
            return;
        }
        try {
            if (enrichment.eventId() != null) {
                updateEvent(
                        enrichment.eventId(),
                        eventUpdate(
                                enrichment.eventId(),
                                enrichment.inputs(),
                                enrichment.error(),
                                enrichment.metadata(),
                                enrichment.outputs(),
                                enrichment.feedback(),
                                enrichment.metrics(),
                                enrichment.config(),
                                enrichment.userProperties()));
                return;
            }
            Span span = Span.current();
            if (!span.isRecording()) {
                return;
            }
            enrich(span, HoneyHiveAttributes.INPUTS, enrichment.inputs());
            enrich(span, HoneyHiveAttributes.OUTPUTS, enrichment.outputs());
            enrich(span, HoneyHiveAttributes.METADATA, enrichment.metadata());
            enrich(span, HoneyHiveAttributes.METRICS, enrichment.metrics());
            enrich(span, HoneyHiveAttributes.FEEDBACK, enrichment.feedback());
            enrich(span, HoneyHiveAttributes.CONFIG, enrichment.config());
            enrich(span, HoneyHiveAttributes.USER_PROPERTIES, enrichment.userProperties());
            if (enrichment.error() != null) {
                span.setAttribute(HoneyHiveAttributes.ERROR, flattener.truncate(enrichment.error()));
            }
        } catch (RuntimeException e) {
            enrichFailures.log(Level.WARNING, "Could not enrich the current span", e);
        }
    }

    /**
     * Starts a new session and waits, up to the session timeout, until HoneyHive has it. The context is not changed:
     * use {@link #withSession(SessionOptions)} to make a session current.
     *
     * @return the session's id, also when HoneyHive could not be reached (the failure is logged)
     */
    public String createSession(SessionOptions options) {
        String id = SessionIds.newId();
        try {
            id = idFor(options);
            begin(options, id).get(nanos(config.sessionTimeout()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            sessionFailures.log(
                    Level.WARNING,
                    "HoneyHive did not confirm session " + id + " within " + config.sessionTimeout()
                            + "; its start goes on in the background");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RuntimeException e) {
            sessionFailures.log(Level.WARNING, "Could not start a HoneyHive session", e);
        }
        return id;
    }

    /**
     * Starts a new session in the background and returns at once.
     *
     * @return a stage that completes with the session's id when the start call has ended, delivered or not; it
     *     never completes exceptionally
     */
    public CompletionStage<String> createSessionAsync(SessionOptions options) {
        @Nullable String id = null;
        try {
            String chosen = idFor(options);
            id = chosen;
            return begin(options, chosen).handle((ignored, error) -> chosen);
        } catch (RuntimeException e) {
            sessionFailures.log(Level.WARNING, "Could not start a HoneyHive session", e);
            return CompletableFuture.completedFuture(id != null ? id : SessionIds.newId());
        }
    }

    /**
     * Starts a new session in the background (or adopts an existing one, see {@link SessionOptions#existing}) and
     * makes it current until the returned scope is closed: spans started in this context, on any thread it is handed
     * to, belong to it. Never waits on HoneyHive.
     */
    public SessionScope withSession(SessionOptions options) {
        @Nullable String id = null;
        try {
            id = idFor(options);
            begin(options, id);
            BaggageBuilder baggage = Baggage.current().toBuilder().put(HoneyHiveBaggage.SESSION_ID, id);
            if (options.source() != null) {
                baggage.put(HoneyHiveBaggage.SOURCE, options.source());
            }
            Context withSession =
                    HoneyHiveBaggage.markSessionOwned(Context.current().with(baggage.build()));
            return new SessionScope(id, withSession.makeCurrent());
        } catch (RuntimeException e) {
            sessionFailures.log(Level.WARNING, "Could not make a HoneyHive session current", e);
            return new SessionScope(id != null ? id : SessionIds.newId(), Scope.noop());
        }
    }

    /** {@link #withSession(SessionOptions)} for a new session with this name. */
    public SessionScope withSession(String sessionName) {
        SessionOptions.Builder options = SessionOptions.builder();
        if (sessionName != null) {
            options.sessionName(sessionName);
        }
        return withSession(options.build());
    }

    /**
     * Adds outputs, metadata, feedback, metrics, config and user properties to a session: the one named in the
     * enrichment, else the current one (from baggage), else the tracer's own. Sent in the background, after the
     * session's start; inputs go to {@code metadata.inputs}. Nothing is sent when there is nothing to add.
     */
    public void enrichSession(SessionEnrichment enrichment) {
        if (isClosed()) {
            return;
        }
        if (!recordsSessions()) {
            return;
        }
        try {
            String target = enrichment.sessionId() != null ? enrichment.sessionId() : currentSessionId();
            updateEvent(
                    target,
                    eventUpdate(
                            target,
                            enrichment.inputs(),
                            null,
                            enrichment.metadata(),
                            enrichment.outputs(),
                            enrichment.feedback(),
                            enrichment.metrics(),
                            enrichment.config(),
                            enrichment.userProperties()));
        } catch (RuntimeException e) {
            sessionFailures.log(Level.WARNING, "Could not enrich a HoneyHive session", e);
        }
    }

    /**
     * Makes the trace context and baggage of a carrier (such as the headers of a request from another service)
     * current, until the returned token is passed to {@link #unlink} or closed; spans started meanwhile continue
     * that trace, in the carrier's session if it names one. Invalid or oversized headers are ignored.
     */
    public LinkToken link(Map<String, String> carrier) {
        return link(carrier, MapCarrier.GETTER);
    }

    /** {@link #link(Map)} for any carrier, read through the getter. */
    public <C> LinkToken link(C carrier, TextMapGetter<C> getter) {
        try {
            Context linked = HoneyHiveBaggage.markSessionOwned(
                    ContextCarriers.extract(Context.current(), carrier, getter, true));
            return new LinkToken(linked.makeCurrent());
        } catch (RuntimeException e) {
            traceFailures.log(Level.WARNING, "Could not link to a carrier's trace context", e);
            return new LinkToken(Scope.noop());
        }
    }

    /** Restores the context that was current before {@link #link}. */
    public void unlink(LinkToken token) {
        if (token != null) {
            token.close();
        }
    }

    /**
     * Writes {@code traceparent} and {@code baggage} for the current context into the carrier, the baggage carrying
     * the current session (the tracer's own outside any other), and returns the carrier.
     */
    public Map<String, String> inject(Map<String, String> carrier) {
        inject(carrier, MapCarrier.SETTER);
        return carrier;
    }

    /** {@link #inject(Map)} into a new map. */
    public Map<String, String> inject() {
        return inject(new LinkedHashMap<>());
    }

    /** {@link #inject(Map)} for any carrier, written through the setter. */
    public <C> void inject(C carrier, TextMapSetter<C> setter) {
        try {
            ContextCarriers.inject(parentContext(), sessionId, carrier, setter);
        } catch (RuntimeException e) {
            traceFailures.log(Level.WARNING, "Could not inject the trace context", e);
        }
    }

    /**
     * Sends every ended span now and waits up to the timeout.
     *
     * @return true if everything pending was delivered in time; false on timeout, on a rejected export, or once
     *     the tracer is closed. In test mode, true.
     */
    public boolean flush(Duration timeout) {
        if (isClosed()) {
            return false;
        }
        try {
            long deadline = deadline(timeout);
            long failuresBefore = failedExports();
            boolean flushed = provider.forceFlush()
                    .join(nanos(timeout), TimeUnit.NANOSECONDS)
                    .isSuccess();
            if (localSink != null) {
                localSink.flush();
            }
            boolean sessionCalls = sessions == null || sessions.awaitIdle(remaining(deadline));
            return flushed && sessionCalls && inFlightDelivered(deadline) && failedExports() == failuresBefore;
        } catch (RuntimeException e) {
            traceFailures.log(Level.WARNING, "Could not flush the HoneyHive tracer", e);
            return false;
        }
    }

    /** {@link #flush(Duration)} with a 10 second timeout. */
    public boolean flush() {
        return flush(DEFAULT_FLUSH_TIMEOUT);
    }

    /**
     * Sends what is pending, waiting up to the configured shutdown timeout, and releases the tracer's resources.
     * Idempotent. Spans ended afterwards are dropped.
     */
    @Override
    public void close() {
        close(config.shutdownTimeout());
    }

    /**
     * Sends what is pending, waiting up to the timeout, and releases the tracer's resources. Idempotent.
     *
     * @return true if everything pending was delivered in time; false otherwise, or if already closed
     */
    public boolean close(Duration timeout) {
        if (!closed.compareAndSet(false, true)) {
            return false;
        }
        removeShutdownHook();
        try {
            long deadline = deadline(timeout);
            long failuresBefore = failedExports();
            boolean shutDown = openTelemetry
                    .shutdown()
                    .join(nanos(timeout), TimeUnit.NANOSECONDS)
                    .isSuccess();
            boolean sessionCalls = sessions == null || sessions.close(remaining(deadline));
            boolean delivered =
                    shutDown && sessionCalls && inFlightDelivered(deadline) && failedExports() == failuresBefore;
            if (export != null) {
                // Exports that outlive the timeout may still log; the key stays masked until they end.
                export.awaitInFlight().whenComplete(export::release);
            }
            logger.fine(() -> "HoneyHive tracer closed; everything delivered: " + delivered);
            return delivered;
        } catch (RuntimeException e) {
            traceFailures.log(Level.WARNING, "Could not close the HoneyHive tracer cleanly", e);
            return false;
        }
    }

    /**
     * What the span pipeline has done so far (exported, dropped, queued, delivered, failed), from the OpenTelemetry
     * SDK's own counters: the export to HoneyHive's, or in test mode those of the in-process pipeline (the local
     * sink's, or the one that discards the spans).
     */
    public SpanStatistics spanStatistics() {
        try {
            return export != null ? export.statistics() : inProcessCounters.read();
        } catch (RuntimeException e) {
            traceFailures.log(Level.WARNING, "Could not read the span pipeline's counters", e);
            return SpanStatistics.NONE;
        }
    }

    /** The configuration in force, defaults and environment applied. */
    public TracerConfig config() {
        return config;
    }

    /** The project, or null when none is configured. */
    public @Nullable String project() {
        return config.project();
    }

    /** The source, such as {@code production}; default {@code dev}. */
    public String source() {
        return config.source();
    }

    /** The tracer's own session: a lowercase UUID, configured or made when the tracer was built. */
    public String sessionId() {
        return sessionId;
    }

    /** The name of the tracer's own session. */
    public String sessionName() {
        return sessionName;
    }

    /** Whether the tracer sends nothing to HoneyHive. */
    public boolean isTestMode() {
        return config.testMode();
    }

    /**
     * A span processor to add to another OpenTelemetry SDK of the application (an agent's, a framework's such as
     * Quarkus's), so that spans its instrumentation makes inside a HoneyHive session reach HoneyHive too: they are
     * stamped with the session (from baggage) when they start and delivered through this tracer's exporter and
     * local sink when they end, their event type detected as for this tracer's own spans. Spans started outside any
     * session are left alone unless {@code includeSpansOutsideSessions}, when they go to this tracer's own session.
     *
     * <p>Add it to a provider whose spans this tracer does not also receive, or they reach HoneyHive twice. Shutting
     * that provider down does not close this tracer; closing this tracer stops the delivery.
     */
    public SpanProcessor sessionSpanProcessor(boolean includeSpansOutsideSessions) {
        return new SessionSpanForwarder(new HoneyHiveSpanProcessor(identity), delivery, includeSpansOutsideSessions);
    }

    /**
     * The tracer provider, for bring-your-own instrumentation: spans started through it get the HoneyHive session
     * stamped and are exported with this tracer's spans.
     */
    public TracerProvider provider() {
        return provider;
    }

    /** An {@link OpenTelemetry} with this tracer's provider and W3C trace-context and baggage propagators. */
    public OpenTelemetry openTelemetry() {
        return openTelemetry;
    }

    @Override
    public String toString() {
        return "HoneyHiveTracer{project=" + config.project() + ", source=" + config.source() + ", sessionId="
                + sessionId + ", serverUrl=" + config.serverUrl() + ", testMode=" + config.testMode()
                + ", apiKey=" + (config.apiKey() == null ? "unset" : "****") + "}";
    }

    private HoneyHiveSpan startSpan(String name, @Nullable EventType eventType, Map<String, ?> attributes) {
        if (isClosed()) {
            return ScopedSpan.noop();
        }
        try {
            Context parent = parentContext();
            SpanBuilder builder =
                    tracer.spanBuilder(requireNonNull(name, "name")).setParent(parent);
            if (eventType != null) {
                builder.setAttribute(HoneyHiveAttributes.EVENT_TYPE, eventType.wireValue());
            }
            if (!attributes.isEmpty()) {
                setAll(builder, flattener.flattenEntries("", attributes));
            }
            Span span = builder.startSpan();
            return new ScopedSpan(span, parent.with(span).makeCurrent());
        } catch (RuntimeException e) {
            traceFailures.log(Level.WARNING, "Could not start a HoneyHive span; the code runs untraced", e);
            return ScopedSpan.noop();
        }
    }

    @SuppressWarnings("unchecked")
    private static void setAll(SpanBuilder builder, Attributes attributes) {
        attributes.forEach((key, value) -> builder.setAttribute((AttributeKey<Object>) key, value));
    }

    private void enrich(Span span, String prefix, Map<String, ?> values) {
        if (!values.isEmpty()) {
            flattener.flattenOnto(span, prefix, values);
        }
    }

    /**
     * The current context, or, when no span is current and a link carrier was configured, the current context with
     * the linked parent span and its baggage beneath the current baggage.
     */
    private Context parentContext() {
        Context current = Context.current();
        if (linkedContext == null || Span.fromContext(current).getSpanContext().isValid()) {
            return current;
        }
        BaggageBuilder baggage = Baggage.fromContext(linkedContext).toBuilder();
        Baggage.fromContext(current).forEach((key, entry) -> baggage.put(key, entry.getValue(), entry.getMetadata()));
        return current.with(Span.fromContext(linkedContext)).with(baggage.build());
    }

    private String idFor(SessionOptions options) {
        return options.sessionId() != null ? options.sessionId() : SessionIds.newId();
    }

    /**
     * The session spans started now go to: the one in the current context's baggage (a request's, or one opened
     * with {@link #withSession}), else the tracer's own.
     */
    public String currentSessionId() {
        String fromBaggage = Baggage.current().getEntryValue(HoneyHiveBaggage.SESSION_ID);
        return fromBaggage != null && !fromBaggage.isEmpty() ? fromBaggage : sessionId;
    }

    /** Starts the session unless it exists already; the future ends when the start call has. */
    private CompletableFuture<Void> begin(SessionOptions options, String id) {
        if (options.skipApiCall() || closed.get() || !recordsSessions()) {
            return CompletableFuture.completedFuture(null);
        }
        String name = options.sessionName() != null ? options.sessionName() : sessionName;
        return startSession(
                id,
                sessionBody(
                        id, name, options.source(), options.inputs(), options.metadata(), options.userProperties()));
    }

    private CompletableFuture<Void> startSession(String id, ObjectNode session) {
        if (localSink != null) {
            localSink.record("session_start", session);
        }
        return sessions == null ? CompletableFuture.completedFuture(null) : sessions.startSession(id, session);
    }

    /** Whether session starts and updates go anywhere: HoneyHive, or the local sink's file. */
    private boolean recordsSessions() {
        return sessions != null || localSink != null;
    }

    private void updateEvent(String eventId, ObjectNode update) {
        if (update.size() <= 1) {
            // Only the event id: there is nothing to add.
            return;
        }
        if (localSink != null) {
            localSink.record("event_update", update);
        }
        if (sessions != null) {
            sessions.updateEvent(eventId, update);
        }
    }

    /** The {@code session} object of a session start, with only the fields that have a value. */
    private ObjectNode sessionBody(
            String id,
            String name,
            @Nullable String source,
            Map<String, ?> inputs,
            Map<String, ?> metadata,
            Map<String, ?> userProperties) {
        int maxLength = config.maxAttributeValueLength();
        ObjectNode session = SafeJson.mapper().createObjectNode();
        if (config.project() != null) {
            session.put("project", config.project());
        }
        session.put("session_name", name);
        session.put("source", source != null ? source : config.source());
        session.put("session_id", id);
        putIfNotEmpty(session, "inputs", SafeJson.objectOf(inputs, maxLength));
        ObjectNode sessionMetadata = SafeJson.objectOf(metadata, maxLength);
        if (config.isEvaluation()) {
            putIfSet(sessionMetadata, HoneyHiveBaggage.RUN_ID, config.runId());
            putIfSet(sessionMetadata, HoneyHiveBaggage.DATASET_ID, config.datasetId());
            putIfSet(sessionMetadata, HoneyHiveBaggage.DATAPOINT_ID, config.datapointId());
        }
        putIfNotEmpty(session, "metadata", sessionMetadata);
        putIfNotEmpty(session, "user_properties", SafeJson.objectOf(userProperties, maxLength));
        return session;
    }

    /** The body of {@code PUT /events}, with only the fields that have a value. */
    private ObjectNode eventUpdate(
            String eventId,
            Map<String, ?> inputs,
            @Nullable String error,
            Map<String, ?> metadata,
            Map<String, ?> outputs,
            Map<String, ?> feedback,
            Map<String, ?> metrics,
            Map<String, ?> configValues,
            Map<String, ?> userProperties) {
        int maxLength = config.maxAttributeValueLength();
        ObjectNode update = SafeJson.mapper().createObjectNode();
        update.put("event_id", eventId);
        ObjectNode allMetadata = SafeJson.objectOf(metadata, maxLength);
        if (!inputs.isEmpty()) {
            allMetadata.set("inputs", SafeJson.objectOf(inputs, maxLength));
        }
        putIfSet(allMetadata, "error", error);
        putIfNotEmpty(update, "metadata", allMetadata);
        putIfNotEmpty(update, "feedback", SafeJson.objectOf(feedback, maxLength));
        putIfNotEmpty(update, "metrics", SafeJson.objectOf(metrics, maxLength));
        putIfNotEmpty(update, "outputs", SafeJson.objectOf(outputs, maxLength));
        putIfNotEmpty(update, "config", SafeJson.objectOf(configValues, maxLength));
        putIfNotEmpty(update, "user_properties", SafeJson.objectOf(userProperties, maxLength));
        return update;
    }

    private static void putIfNotEmpty(ObjectNode object, String field, ObjectNode value) {
        if (!value.isEmpty()) {
            object.set(field, value);
        }
    }

    private static void putIfSet(ObjectNode object, String field, @Nullable String value) {
        if (value != null) {
            object.put(field, value);
        }
    }

    private boolean isClosed() {
        if (closed.get()) {
            usedAfterClose.log(Level.WARNING, "The HoneyHive tracer is closed; nothing more is traced");
            return true;
        }
        return false;
    }

    /** Waits until the deadline for exports the batch processor gave up waiting on, and says if all succeeded. */
    private boolean inFlightDelivered(long deadlineNanos) {
        if (export == null) {
            return true;
        }
        long left = Math.max(0, deadlineNanos - System.nanoTime());
        return export.awaitInFlight().join(left, TimeUnit.NANOSECONDS).isSuccess();
    }

    /** The timeout in nanoseconds, saturated, so that a huge or missing timeout cannot throw. */
    private static long nanos(@Nullable Duration timeout) {
        if (timeout == null) {
            return DEFAULT_FLUSH_TIMEOUT.toNanos();
        }
        try {
            return Math.max(0, timeout.toNanos());
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private static long deadline(@Nullable Duration timeout) {
        long now = System.nanoTime();
        long nanos = nanos(timeout);
        return nanos > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + nanos;
    }

    private static Duration remaining(long deadlineNanos) {
        return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }

    private long failedExports() {
        return export == null ? 0 : export.failedExports();
    }

    private TracerIdentity identity() {
        boolean evaluation = config.isEvaluation();
        return new TracerIdentity(
                sessionId,
                config.project(),
                config.source(),
                evaluation ? config.runId() : null,
                evaluation ? config.datasetId() : null,
                evaluation ? config.datapointId() : null);
    }

    private static SpanExportPipeline.ExportSettings exportSettings(TracerConfig config) {
        return new SpanExportPipeline.ExportSettings(
                config.serverUrl(),
                requireNonNull(config.apiKey(), "apiKey"),
                config.source(),
                config.exportTimeout(),
                config.disableBatch(),
                config.batchScheduleDelay(),
                config.batchMaxQueueSize(),
                config.batchMaxExportBatchSize(),
                config.batchExportTimeout());
    }

    private SdkTracerProvider tracerProvider(
            TracerConfig config, TracerIdentity identity, List<SpanProcessor> extraProcessors, SpanProcessor delivery) {
        String serviceName = config.serviceName() != null
                ? config.serviceName()
                : config.project() != null ? config.project() : sessionName;
        SdkTracerProviderBuilder builder = SdkTracerProvider.builder()
                // No service.version: the wire contract wants the application's, which the tracer does not know.
                .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(SERVICE_NAME, serviceName))))
                // HoneyHive shows whole sessions, so every span is kept whatever an upstream sampler decided.
                .setSampler(Sampler.alwaysOn())
                .setSpanLimits(SpanLimits.builder()
                        .setMaxNumberOfAttributes(config.maxSpanAttributes() + RESERVED_ATTRIBUTES)
                        .setMaxAttributeValueLength(config.maxAttributeValueLength())
                        .build())
                // First, so that every other processor sees the session already stamped.
                .addSpanProcessor(new HoneyHiveSpanProcessor(identity));
        extraProcessors.forEach(builder::addSpanProcessor);
        return builder.addSpanProcessor(delivery).build();
    }

    private static SpanProcessor delivery(
            TracerConfig config,
            @Nullable SpanExportPipeline export,
            @Nullable LocalSink localSink,
            SdkSpanCounters inProcessCounters) {
        List<SpanProcessor> processors = new ArrayList<>();
        if (export != null) {
            processors.add(export.processor());
        }
        if (localSink != null) {
            processors.add(BatchSpanProcessor.builder(new CompletingSpanExporter(localSink))
                    .setScheduleDelay(LOCAL_SINK_DELAY)
                    .setMeterProvider(inProcessCounters.meterProvider())
                    .build());
        } else if (export == null) {
            // Test mode without a sink: the spans still pass through a batch processor, as in production, and are
            // then discarded; so the application pays what it pays in production, and spanStatistics() counts.
            // With disable_batch, each span is handed on as it ends and no processor thread waits (disabled tracers
            // are built so).
            SpanExporter discard = SpanExporter.composite(List.of());
            processors.add(
                    config.disableBatch()
                            ? SimpleSpanProcessor.builder(discard)
                                    .setMeterProvider(inProcessCounters::meterProvider)
                                    .build()
                            : BatchSpanProcessor.builder(discard)
                                    .setScheduleDelay(config.batchScheduleDelay())
                                    .setMaxQueueSize(config.batchMaxQueueSize())
                                    .setMaxExportBatchSize(config.batchMaxExportBatchSize())
                                    .setMeterProvider(inProcessCounters.meterProvider())
                                    .build());
        }
        return SpanProcessor.composite(processors);
    }

    private void registerGlobal() {
        try {
            GlobalOpenTelemetry.set(openTelemetry);
        } catch (IllegalStateException e) {
            logger.log(
                    Level.WARNING,
                    "GlobalOpenTelemetry was already set; this HoneyHive tracer is not the global" + " one ("
                            + ConfigKey.API_KEY.propertyKey().replace("api-key", "register-global") + ")");
        }
    }

    private @Nullable Thread addShutdownHook() {
        Thread hook = new Thread(() -> close(config.shutdownTimeout()), "honeyhive-tracer-shutdown");
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return hook;
        } catch (IllegalStateException | SecurityException e) {
            return null;
        }
    }

    private void removeShutdownHook() {
        if (shutdownHook == null || Thread.currentThread() == shutdownHook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | SecurityException e) {
            // The JVM is already shutting down: the hook runs, and finds the tracer closed.
        }
    }

    /**
     * Builds a {@link HoneyHiveTracer}: explicit settings, over a configuration given with {@link #config}, over
     * the {@code HH_*} environment variables, over defaults. Not thread-safe.
     */
    public static final class Builder extends TracerSettings<Builder> {

        private Map<String, String> environment = System.getenv();
        private final List<SpanProcessor> spanProcessors = new ArrayList<>();

        Builder() {}

        @Override
        Builder self() {
            return this;
        }

        /** Takes every setting the configuration sets; setters called afterwards override single settings. */
        public Builder config(TracerConfig config) {
            return copyFrom(requireNonNull(config, "config").settings);
        }

        /**
         * The environment variables to read instead of the process environment; for tests, and for runtimes that
         * supply their own.
         */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(requireNonNull(environment, "environment"));
            return this;
        }

        /**
         * Adds a span processor after the one that stamps the session, for example to send spans elsewhere too.
         * It runs on the application's threads: keep it fast, and it must not throw.
         */
        public Builder addSpanProcessor(SpanProcessor processor) {
            spanProcessors.add(requireNonNull(processor, "processor"));
            return this;
        }

        /**
         * Validates the configuration and starts the tracer.
         *
         * @throws IllegalArgumentException if a setting or environment variable has an invalid value, naming it
         * @throws IllegalStateException if no API key is set and test mode is off
         */
        public HoneyHiveTracer build() {
            TracerConfig explicit = new TracerConfig.Builder().copyFrom(this).build();
            TracerConfig effective = explicit.withFallback(TracerConfig.fromEnvironment(environment));
            if (effective.apiKey() == null && !effective.testMode()) {
                throw new IllegalStateException("The HoneyHive API key is not set: set "
                        + ConfigKey.API_KEY.describe() + ", or enable test mode (" + ConfigKey.TEST_MODE.describe()
                        + " = true) to trace without sending anything");
            }
            return new HoneyHiveTracer(effective, List.copyOf(spanProcessors));
        }
    }
}
