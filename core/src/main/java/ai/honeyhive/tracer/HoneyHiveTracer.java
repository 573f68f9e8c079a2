package ai.honeyhive.tracer;

import static java.util.Objects.requireNonNull;

import ai.honeyhive.tracer.internal.ApplicationName;
import ai.honeyhive.tracer.internal.Deadline;
import ai.honeyhive.tracer.internal.DeliveryInstruments;
import ai.honeyhive.tracer.internal.EventFields;
import ai.honeyhive.tracer.internal.ShutdownHook;
import ai.honeyhive.tracer.internal.StartupLog;
import ai.honeyhive.tracer.internal.ThrottledLogger;
import ai.honeyhive.tracer.internal.TracerInternals;
import ai.honeyhive.tracer.internal.TracerSdk;
import ai.honeyhive.tracer.internal.VerboseLogging;
import ai.honeyhive.tracer.internal.config.SettingValues;
import ai.honeyhive.tracer.internal.config.Settings;
import ai.honeyhive.tracer.internal.export.HoneyHiveEndpoint;
import ai.honeyhive.tracer.internal.export.LocalSink;
import ai.honeyhive.tracer.internal.session.ContextCarriers;
import ai.honeyhive.tracer.internal.session.HoneyHiveBaggage;
import ai.honeyhive.tracer.internal.session.LinkedParent;
import ai.honeyhive.tracer.internal.session.MapCarrier;
import ai.honeyhive.tracer.internal.session.OwnSession;
import ai.honeyhive.tracer.internal.session.SessionBodies;
import ai.honeyhive.tracer.internal.session.SessionCalls;
import ai.honeyhive.tracer.internal.session.SessionClient;
import ai.honeyhive.tracer.internal.session.SessionIds;
import ai.honeyhive.tracer.internal.session.TracerIdentity;
import ai.honeyhive.tracer.internal.span.ApiSpans;
import ai.honeyhive.tracer.internal.span.AttributeFlattener;
import ai.honeyhive.tracer.internal.span.EventIds;
import ai.honeyhive.tracer.internal.span.FlattenLimits;
import ai.honeyhive.tracer.internal.span.SpanEnricher;
import ai.honeyhive.tracer.internal.span.SpanStarter;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Function;
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
 *
 * <p>This class is the public API, the Java form of the Python SDK's, and little else: each method hands its work to
 * the tracer's internals (its OpenTelemetry SDK, span starter, enricher and session calls) and keeps the promise that
 * nothing throws into the caller. It is long only because that API is wide and documented; its nested {@link Builder}
 * offers every setting of {@link TracerConfig.Builder}, one line each.
 */
public final class HoneyHiveTracer implements AutoCloseable {

    /** The instrumentation scope name of the spans this tracer starts. */
    public static final String INSTRUMENTATION_SCOPE = SpanStarter.API_SCOPE;

    private static final Logger logger = Logger.getLogger(HoneyHiveTracer.class.getName());
    private static final ThrottledLogger traceFailures = new ThrottledLogger(logger);
    private static final ThrottledLogger enrichFailures = new ThrottledLogger(logger);
    private static final ThrottledLogger usedAfterClose = new ThrottledLogger(logger);
    private static final ThrottledLogger sessionFailures = new ThrottledLogger(logger);

    static {
        TracerInternals.install(new TracerInternals.Bridge() {
            @Override
            public SpanStarter spans(HoneyHiveTracer tracer) {
                return tracer.spans;
            }

            @Override
            public SpanEnricher enricher(HoneyHiveTracer tracer) {
                return tracer.enricher;
            }

            @Override
            public SettingValues values(Builder builder) {
                return builder.config.values();
            }

            @Override
            public TracerIdentity identity(HoneyHiveTracer tracer) {
                return tracer.sdk.identity();
            }

            @Override
            public TextMapPropagator sessionBaggage(
                    HoneyHiveTracer tracer, TextMapPropagator baggage, boolean outsideSessions) {
                return tracer.sdk.sessionBaggage(baggage, outsideSessions);
            }
        });
    }

    private final TracerConfig config;
    private final String sessionId;
    private final String sessionName;
    private final OwnSession ownSession;
    private final TracerSdk sdk;
    private final SpanStarter spans;
    private final SpanEnricher enricher;
    private final ApiSpans apiSpans;
    private final SessionCalls sessions;
    private final ShutdownHook shutdownHook;
    private final DeliveryInstruments metrics;
    private final AtomicBoolean closed = new AtomicBoolean();

    private HoneyHiveTracer(
            TracerConfig config, List<SpanProcessor> extraProcessors, @Nullable MeterProvider meterProvider) {
        this.config = config;
        if (config.verbose()) {
            VerboseLogging.enable();
        }
        this.sessionId = config.sessionId() != null ? config.sessionId() : SessionIds.newId();
        this.sessionName = config.sessionName() != null ? config.sessionName() : ApplicationName.detect();
        // Opened first: a file that cannot be written is a configuration error, before any thread is started.
        LocalSink localSink = config.localSink() == null ? null : LocalSink.open(config.localSink(), () -> System.out);
        HoneyHiveEndpoint endpoint = config.testMode()
                ? null
                : new HoneyHiveEndpoint(config.serverUrl(), requireNonNull(config.apiKey(), "apiKey"));
        // The id is made here, so spans are stamped at once; the start itself goes out in the background.
        this.ownSession = new OwnSession(sessionId, ownSessionStart(config), this::startOwnSession);
        this.sdk = TracerSdk.create(
                config,
                identity(config, ownSession),
                serviceName(config, sessionName),
                extraProcessors,
                endpoint,
                localSink);
        AttributeFlattener flattener = new AttributeFlattener(new FlattenLimits(
                config.maxAttributeDepth(), config.maxSpanAttributes(), config.maxAttributeValueLength()));
        this.spans = new SpanStarter(sdk.provider(), flattener, LinkedParent.of(config.linkCarrier()));
        this.enricher = new SpanEnricher(flattener);
        this.apiSpans = new ApiSpans(spans, enricher, this::isClosed);
        SessionClient client = endpoint == null
                ? null
                : new SessionClient(SessionClient.Settings.defaults(
                        endpoint, config.sessionTimeout(), config.sessionMaxInFlight()));
        this.sessions = new SessionCalls(client, localSink, new SessionBodies(config));
        if (config.registerGlobal()) {
            sdk.registerGlobal(Settings.REGISTER_GLOBAL.describe());
        }
        this.metrics = meterProvider == null
                ? DeliveryInstruments.NONE
                : DeliveryInstruments.register(
                        meterProvider,
                        config.project(),
                        config.source(),
                        this::spanStatistics,
                        this::sessionCallStatistics);
        this.shutdownHook = config.shutdownHook()
                ? ShutdownHook.closingAtExit(() -> close(config.shutdownTimeout()))
                : ShutdownHook.none();
        ownSession.tracerBuilt();
        StartupLog.started(config, sessionId, ownSessionStart(config));
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
     * its attributes say otherwise). Use it in try-with-resources; an exception that leaves the block is not seen by
     * the span (Java's {@code close()} cannot see it): catch it and call {@link HoneyHiveSpan#recordException}, or use
     * {@link #trace(String, EventType, TracedWork)}, which records it.
     */
    public HoneyHiveSpan trace(String name) {
        return apiSpans.open(name, null, Map.of());
    }

    /** Starts a span of the given event type and makes it current until it is closed. */
    public HoneyHiveSpan trace(String name, EventType eventType) {
        return apiSpans.open(name, eventType, Map.of());
    }

    /** Starts a span with initial attributes (flattened) and makes it current until it is closed. */
    public HoneyHiveSpan trace(String name, Map<String, ?> attributes) {
        return apiSpans.open(name, null, attributes);
    }

    /**
     * Starts a span of the given event type with initial attributes, flattened as {@code key.sub} when nested, and
     * makes it current until it is closed.
     */
    public HoneyHiveSpan trace(String name, EventType eventType, Map<String, ?> attributes) {
        return apiSpans.open(name, eventType, attributes);
    }

    /**
     * Starts a span whose event type is given by name, as the Python SDK's {@code event_type="..."}: {@code model},
     * {@code tool} or {@code chain} (any case) are that type; HoneyHive knows no other, so any other name (such as
     * {@code openai_gpt4}) is kept as {@code honeyhive_metadata.event_type} and the event type is detected when the
     * span ends, a tool unless its attributes say otherwise.
     */
    public HoneyHiveSpan trace(String name, String eventType) {
        return trace(name, eventType, Map.of());
    }

    /** {@link #trace(String, String)} with initial attributes, flattened as {@code key.sub} when nested. */
    public HoneyHiveSpan trace(String name, String eventType, Map<String, ?> attributes) {
        return apiSpans.openWithTypeName(name, eventType, attributes);
    }

    /**
     * Runs the work now, in a span of the given type that is current while it runs, and returns its result. An
     * exception it throws is recorded on the span (status ERROR, {@code honeyhive_error}, one {@code exception}
     * event) and rethrown unchanged: the form to choose when an error matters, as in
     * {@code String answer = tracer.trace("answer", EventType.CHAIN, () -> model.answer(question));}.
     */
    public <T, E extends Exception> T trace(String name, EventType eventType, TracedWork<T, E> work) throws E {
        return apiSpans.run(name, eventType, work);
    }

    /** Runs the work now, as {@link #trace(String, EventType, TracedWork)} does, for work without a result. */
    public <E extends Exception> void trace(String name, EventType eventType, TracedAction<E> work) throws E {
        apiSpans.run(name, eventType, () -> {
            work.run();
            return null;
        });
    }

    /**
     * Wraps a task so that it runs in a span, as a child of the context that is current now, on whatever thread
     * runs it. An exception it throws is recorded on that span and rethrown unchanged.
     */
    public Runnable traced(String name, EventType eventType, Runnable task) {
        Context captured = Context.current();
        return () -> apiSpans.run(captured, name, eventType, () -> {
            task.run();
            return null;
        });
    }

    /** Wraps a task, as {@link #traced(String, EventType, Runnable)} does, keeping its result and exceptions. */
    public <T> Callable<T> traced(String name, EventType eventType, Callable<T> task) {
        Context captured = Context.current();
        return () -> apiSpans.run(captured, name, eventType, task::call);
    }

    /**
     * Wraps a supplier, as {@link #traced(String, EventType, Runnable)} does; a separate name because a lambda fits
     * both {@code Supplier} and {@code Callable}.
     */
    public <T> Supplier<T> tracedSupplier(String name, EventType eventType, Supplier<T> task) {
        Context captured = Context.current();
        return () -> apiSpans.run(captured, name, eventType, task::get);
    }

    /**
     * Wraps a function as the Python SDK's {@code @trace} wraps one: each call runs in a span, a child of the context
     * current at the call, with its argument recorded as {@code honeyhive_inputs.<inputName>} (a string, number or
     * boolean as it is, anything else as one JSON string) and its result as {@code honeyhive_outputs.result}
     * (flattened, as enrichment is: {@code result.0.title} for a list of records). An
     * exception is recorded and rethrown unchanged. Java keeps no parameter names at run time, hence the name. Unlike
     * the task wrappers, it can be made once and called anywhere; where it runs on a thread the context does not
     * reach, hand it over as {@code Context.current().wrapFunction(search)}.
     *
     * <pre>{@code
     * Function<String, List<Doc>> search = tracer.traced("retrieve", EventType.TOOL, "query", index::search);
     * }</pre>
     */
    public <A, R> Function<A, R> traced(
            String name, EventType eventType, String inputName, Function<? super A, ? extends R> function) {
        @Nullable String[] inputKeys = {ApiSpans.inputKey(inputName)};
        return argument -> apiSpans.runCapturing(
                name, eventType, inputKeys, new Object[] {argument}, () -> function.apply(argument));
    }

    /** {@link #traced(String, EventType, String, Function)} for a function of two arguments, each recorded. */
    public <A, B, R> BiFunction<A, B, R> traced(
            String name,
            EventType eventType,
            String firstInputName,
            String secondInputName,
            BiFunction<? super A, ? super B, ? extends R> function) {
        @Nullable String[] inputKeys = {ApiSpans.inputKey(firstInputName), ApiSpans.inputKey(secondInputName)};
        return (first, second) -> apiSpans.runCapturing(
                name, eventType, inputKeys, new Object[] {first, second}, () -> function.apply(first, second));
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
                enricher.enrichMetadata(span, attributes);
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
                sessions.update(enrichment.eventId(), enrichment.fields(), enrichment.error(), null);
                return;
            }
            Span span = Span.current();
            if (span.isRecording()) {
                enricher.enrich(span, enrichment.fields(), enrichment.error());
            }
        } catch (RuntimeException e) {
            enrichFailures.log(Level.WARNING, "Could not enrich the current span", e);
        }
    }

    /**
     * The id the current span's event will have in HoneyHive: the one set on it, else a new UUID set now as its
     * {@code honeyhive_event_id}. Hand it to whoever may give feedback on the event later (a web page, a review
     * queue), and send that with {@code enrichSpan(Enrichment.builder().eventId(id)...)}. Null when no span is current,
     * or when the current span was not made by an OpenTelemetry SDK (whose spans' attributes can be read back).
     */
    public @Nullable String currentEventId() {
        if (isClosed()) {
            return null;
        }
        try {
            return EventIds.assign(Span.current());
        } catch (RuntimeException e) {
            enrichFailures.log(Level.WARNING, "Could not give the current span an event id", e);
            return null;
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
            begin(options, id, true).get(Deadline.nanos(config.sessionTimeout()), TimeUnit.NANOSECONDS);
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
            return begin(options, chosen, false).handle((ignored, error) -> chosen);
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
            begin(options, id, false);
            Context withSession = HoneyHiveBaggage.withSession(
                    Context.current(), id, options.source(), sdk.identity(), options.skipApiCall());
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
     * Adds outputs, metadata, feedback, metrics, config, user properties and a duration to a session: the one named
     * in the enrichment, else the current one (from baggage), else the tracer's own. Sent in the background, after the
     * session's start; inputs go to {@code metadata.inputs}. Nothing is sent when there is nothing to add.
     */
    public void enrichSession(SessionEnrichment enrichment) {
        if (isClosed()) {
            return;
        }
        try {
            String target = enrichment.sessionId() != null ? enrichment.sessionId() : currentSessionId();
            if (target.equals(sessionId)) {
                ownSession.use();
            }
            sessions.update(target, enrichment.fields(), null, enrichment.duration());
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
     * the current session (the tracer's own outside any other), project, source and evaluation ids, and returns the
     * carrier. The propagators of {@link #openTelemetry()} write the same.
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
            sdk.openTelemetry().getPropagators().getTextMapPropagator().inject(spans.parentContext(), carrier, setter);
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
            Deadline deadline = Deadline.after(timeout);
            TracerSdk.PendingDelivery spansFlushed = sdk.flush(deadline);
            boolean sessionCalls = sessions.awaitIdle(deadline.remaining());
            return sessionCalls && spansFlushed.succeeded(deadline);
        } catch (RuntimeException e) {
            traceFailures.log(Level.WARNING, "Could not flush the HoneyHive tracer", e);
            return false;
        }
    }

    /** {@link #flush(Duration)} with a 10 second timeout. */
    public boolean flush() {
        return flush(Deadline.DEFAULT_TIMEOUT);
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
        shutdownHook.remove();
        metrics.close();
        try {
            Deadline deadline = Deadline.after(timeout);
            TracerSdk.PendingDelivery spansShutDown = sdk.shutdown(deadline);
            boolean sessionCalls = sessions.close(deadline.remaining());
            boolean delivered = sessionCalls && spansShutDown.succeeded(deadline);
            sdk.releaseWhenExportsEnd();
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
            return sdk.statistics();
        } catch (RuntimeException e) {
            traceFailures.log(Level.WARNING, "Could not read the span pipeline's counters", e);
            return SpanStatistics.NONE;
        }
    }

    /**
     * What the tracer has done with its session calls so far: delivered, failed, dropped, queued. Never throws; all
     * zero in test mode, where nothing is sent.
     */
    public SessionCallStatistics sessionCallStatistics() {
        try {
            return sessions.statistics();
        } catch (RuntimeException e) {
            traceFailures.log(Level.WARNING, "Could not read the session client's counters", e);
            return SessionCallStatistics.NONE;
        }
    }

    /**
     * How many {@code gen_ai} log records (the prompts and completions an LLM client's instrumentation writes as log
     * records, such as OpenTelemetry's openai-java wrapper) could not be folded into their model span and were
     * dropped: records after their span ended, outside an open span of this tracer, or past the fold's bounds (4,096
     * model spans gathering records, 128 KiB of message text per span, 16 MiB in all). Never throws.
     */
    public long droppedGenAiRecords() {
        try {
            return sdk.droppedGenAiRecords();
        } catch (RuntimeException e) {
            traceFailures.log(Level.WARNING, "Could not read the gen_ai fold's counter", e);
            return 0;
        }
    }

    /**
     * The configuration the tracer was built from: the settings given in code together with those the environment
     * gave; its accessors return those values, else the defaults.
     */
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
     * The session spans started now go to: the one in the current context's baggage (a request's, or one opened
     * with {@link #withSession}), else the tracer's own.
     */
    public String currentSessionId() {
        String fromBaggage = Baggage.current().getEntryValue(HoneyHiveBaggage.SESSION_ID);
        return fromBaggage != null && !fromBaggage.isEmpty() ? fromBaggage : sessionId;
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
        return sdk.sessionSpanProcessor(includeSpansOutsideSessions);
    }

    /**
     * The tracer provider, for bring-your-own instrumentation: spans started through it get the HoneyHive session
     * stamped and are exported with this tracer's spans.
     */
    public TracerProvider provider() {
        return sdk.provider();
    }

    /**
     * An {@link OpenTelemetry} with this tracer's provider and W3C trace-context and baggage propagators, for
     * instrumentation: a client instrumented with it sends {@code traceparent} and a {@code baggage} that carries the
     * current session, as {@link #inject(Map)} does, so the service it calls records its spans in the same session.
     */
    public OpenTelemetry openTelemetry() {
        return sdk.openTelemetry();
    }

    @Override
    public String toString() {
        return "HoneyHiveTracer{project=" + config.project() + ", source=" + config.source() + ", sessionId="
                + sessionId + ", serverUrl=" + config.serverUrl() + ", testMode=" + config.testMode()
                + ", apiKey=" + (config.apiKey() == null ? "unset" : "****") + "}";
    }

    private String idFor(SessionOptions options) {
        return options.sessionId() != null ? options.sessionId() : SessionIds.newId();
    }

    /**
     * Starts the session unless it exists already; the future ends when the start call has.
     *
     * @param callerWaits whether the caller waits for the start, which then goes ahead of background calls
     */
    private CompletableFuture<Void> begin(SessionOptions options, String id, boolean callerWaits) {
        if (options.skipApiCall() || closed.get()) {
            return CompletableFuture.completedFuture(null);
        }
        String name = options.sessionName() != null ? options.sessionName() : sessionName;
        return sessions.start(id, name, options.source(), options.fields(), callerWaits);
    }

    /** Sends the start of the tracer's own session, when {@link OwnSession} says it is due. */
    private void startOwnSession() {
        if (!closed.get()) {
            sessions.start(sessionId, sessionName, null, EventFields.inputsOnly(config.inputs()), false);
        }
    }

    private boolean isClosed() {
        if (closed.get()) {
            usedAfterClose.log(Level.WARNING, "The HoneyHive tracer is closed; nothing more is traced");
            return true;
        }
        return false;
    }

    /** A configured session id names an existing session, unless {@code startSession} was set to true with it. */
    private static OwnSession.Start ownSessionStart(TracerConfig config) {
        boolean startSession = config.startSession();
        boolean starts = config.sessionId() == null
                ? startSession
                : startSession && config.values().isSet(Settings.START_SESSION);
        if (!starts) {
            return OwnSession.Start.NEVER;
        }
        return config.startSessionOnFirstUse() ? OwnSession.Start.ON_FIRST_USE : OwnSession.Start.AT_BUILD;
    }

    private static String serviceName(TracerConfig config, String sessionName) {
        if (config.serviceName() != null) {
            return config.serviceName();
        }
        return config.project() != null ? config.project() : sessionName;
    }

    private static TracerIdentity identity(TracerConfig config, OwnSession ownSession) {
        boolean evaluation = config.isEvaluation();
        return new TracerIdentity(
                ownSession,
                config.project(),
                config.source(),
                evaluation ? config.runId() : null,
                evaluation ? config.datasetId() : null,
                evaluation ? config.datapointId() : null);
    }

    /**
     * Builds a {@link HoneyHiveTracer}: explicit settings, over a configuration given with {@link #config}, over
     * the {@code HH_*} environment variables, over defaults. Every setting of {@link TracerConfig.Builder} is here
     * too, with the same meaning. Not thread-safe.
     */
    public static final class Builder {

        private final TracerConfig.Builder config = TracerConfig.builder();
        private Map<String, String> environment = System.getenv();
        private final List<SpanProcessor> spanProcessors = new ArrayList<>();
        private @Nullable MeterProvider meterProvider;

        private Builder() {}

        /** Takes every setting the configuration sets; setters called afterwards override single settings. */
        public Builder config(TracerConfig config) {
            this.config.values().setAll(requireNonNull(config, "config").values());
            return this;
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
         * Publishes the tracer's delivery counts as OpenTelemetry metrics on this meter provider (the application's,
         * for example {@code openTelemetry.getMeterProvider()}): the counters {@code honeyhive.spans} and
         * {@code honeyhive.session.calls} by {@code outcome} ({@code delivered}, {@code failed}, {@code dropped}), and
         * the gauges {@code honeyhive.spans.queued} and {@code honeyhive.session.calls.queued}, each with the
         * tracer's {@code honeyhive.project} and {@code honeyhive.source}. They are read from the counters of
         * {@link HoneyHiveTracer#spanStatistics()} and {@link HoneyHiveTracer#sessionCallStatistics()} when the
         * metrics are collected, until the tracer is closed.
         */
        public Builder meterProvider(MeterProvider meterProvider) {
            this.meterProvider = requireNonNull(meterProvider, "meterProvider");
            return this;
        }

        /** The HoneyHive API key ({@code HH_API_KEY}). Required unless in test mode; never logged or printed. */
        public Builder apiKey(String apiKey) {
            config.apiKey(apiKey);
            return this;
        }

        /** The HoneyHive project ({@code HH_PROJECT}). */
        public Builder project(String project) {
            config.project(project);
            return this;
        }

        /** The source environment, such as {@code production} ({@code HH_SOURCE}); default {@value TracerConfig#DEFAULT_SOURCE}. */
        public Builder source(String source) {
            config.source(source);
            return this;
        }

        /** The name of the tracer's own session ({@code HH_SESSION_NAME}); default the application's name. */
        public Builder sessionName(String sessionName) {
            config.sessionName(sessionName);
            return this;
        }

        /**
         * The HoneyHive base URL for self-hosted deployments ({@code HH_API_URL} or {@code HH_SERVER_URL}); default
         * {@value TracerConfig#DEFAULT_SERVER_URL}. A trailing {@code /} is dropped.
         */
        public Builder serverUrl(String serverUrl) {
            config.serverUrl(serverUrl);
            return this;
        }

        /**
         * Sends spans to this OTLP/HTTP traces URL instead of HoneyHive, such as an OpenTelemetry Collector's
         * {@code http://collector:4318/v1/traces} that forwards them to HoneyHive ({@code HH_OTLP_ENDPOINT}). Session
         * calls still go to {@link #serverUrl}; the API key and {@code X-Source} are not sent there, only
         * {@link #otlpHeaders}.
         */
        public Builder otlpEndpoint(String otlpEndpoint) {
            config.otlpEndpoint(otlpEndpoint);
            return this;
        }

        /** Headers sent with spans to {@link #otlpEndpoint} ({@code HH_OTLP_HEADERS}, {@code name=value,...}). */
        public Builder otlpHeaders(Map<String, String> headers) {
            config.otlpHeaders(headers);
            return this;
        }

        /**
         * The tracer's own session, a UUID, instead of a new one: by default an existing session to continue, which is
         * not started; with {@code startSession(true)} set too, the session the tracer starts under this id, with its
         * inputs and evaluation metadata.
         */
        public Builder sessionId(String sessionId) {
            config.sessionId(sessionId);
            return this;
        }

        /** {@link #sessionId(String)} from a {@code UUID}. */
        public Builder sessionId(UUID sessionId) {
            config.sessionId(sessionId);
            return this;
        }

        /** The inputs of the tracer's own session, sent when it starts. */
        public Builder inputs(Map<String, ?> inputs) {
            config.inputs(inputs);
            return this;
        }

        /** Evaluation mode ({@code is_evaluation}): the run, dataset and datapoint ids go on every span. */
        public Builder evaluation(boolean evaluation) {
            config.evaluation(evaluation);
            return this;
        }

        /** The evaluation run id, used in evaluation mode. */
        public Builder runId(String runId) {
            config.runId(runId);
            return this;
        }

        /** The evaluation dataset id, used in evaluation mode. */
        public Builder datasetId(String datasetId) {
            config.datasetId(datasetId);
            return this;
        }

        /** The evaluation datapoint id, used in evaluation mode. */
        public Builder datapointId(String datapointId) {
            config.datapointId(datapointId);
            return this;
        }

        /**
         * W3C trace context and baggage headers ({@code traceparent}, {@code baggage}) of a parent trace: spans this
         * tracer starts outside any other span become its children, for the tracer's lifetime.
         */
        public Builder linkCarrier(Map<String, String> linkCarrier) {
            config.linkCarrier(linkCarrier);
            return this;
        }

        /** Export each span as soon as it ends instead of in batches ({@code HH_DISABLE_BATCH}); default false. */
        public Builder disableBatch(boolean disableBatch) {
            config.disableBatch(disableBatch);
            return this;
        }

        /**
         * Log the tracer's diagnostics at FINE ({@code HH_VERBOSE}); never payloads or keys. Default false. The level is
         * that of the {@code ai.honeyhive} loggers, so it applies to every tracer in the JVM and stays after close.
         */
        public Builder verbose(boolean verbose) {
            config.verbose(verbose);
            return this;
        }

        /** Trace without sending anything to HoneyHive ({@code HH_TEST_MODE}); no key needed. Default false. */
        public Builder testMode(boolean testMode) {
            config.testMode(testMode);
            return this;
        }

        /**
         * Keep the messages of LLM calls in their model events (prompts, completions, tool arguments and results;
         * {@code HH_GENAI_CAPTURE_CONTENT}); default true. False keeps only roles, settings and tokens.
         */
        public Builder genaiCaptureContent(boolean genaiCaptureContent) {
            config.genaiCaptureContent(genaiCaptureContent);
            return this;
        }

        /**
         * Named Java regular expressions ({@code honeyhive.genai.redact.<key>}) whose matches in the messages of LLM
         * calls, tool arguments and results become {@code [REDACTED:<key>]} in model and tool events; with any set, the
         * producers' own message keys are left out, since they would carry the text unredacted. None by default.
         *
         * <pre>{@code
         * .genaiRedact(Map.of("email", "[\\w.+-]+@[\\w-]+\\.[\\w.]+", "card", "\\b(?:\\d[ -]?){13,16}\\b"))
         * }</pre>
         */
        public Builder genaiRedact(Map<String, String> patterns) {
            config.genaiRedact(patterns);
            return this;
        }

        /** Do not trace outgoing HTTP calls ({@code HH_DISABLE_HTTP_TRACING}); default true. */
        public Builder disableHttpTracing(boolean disableHttpTracing) {
            config.disableHttpTracing(disableHttpTracing);
            return this;
        }

        /**
         * Also write what is traced locally ({@code HH_LOCAL_SINK}): {@code console} prints a tree per trace, a file path
         * appends HoneyHive events as JSON lines, {@code console,/tmp/honeyhive.jsonl} does both. Works in test mode, so
         * the tracer can be tried without an account. Default: off.
         */
        public Builder localSink(String localSink) {
            config.localSink(localSink);
            return this;
        }

        /**
         * Start the tracer's own session, the one spans outside any other session go to; default true. Turn it off
         * where every unit of work gets its own session (a request filter does this). A configured {@link #sessionId}
         * is taken to exist already and is not started, unless this is set to true explicitly: then the tracer starts
         * it under that id.
         */
        public Builder startSession(boolean startSession) {
            config.startSession(startSession);
            return this;
        }

        /**
         * Start the tracer's own session when the first span, session enrichment or propagated call lands in it,
         * instead of when the tracer is built ({@code honeyhive.start-session-on-first-use}); default false, and
         * true on CDI and Quarkus, where requests have sessions of their own.
         */
        public Builder startSessionOnFirstUse(boolean startSessionOnFirstUse) {
            config.startSessionOnFirstUse(startSessionOnFirstUse);
            return this;
        }

        /** How long one session call to HoneyHive may take, and {@code createSession} waits; default 5 seconds. */
        public Builder sessionTimeout(Duration sessionTimeout) {
            config.sessionTimeout(sessionTimeout);
            return this;
        }

        /**
         * How many session calls (starts and updates) may be sent at once; the others wait their turn. Default 512,
         * which keeps up with about 2,500 calls a second against a HoneyHive 200 ms away.
         */
        public Builder sessionMaxInFlight(int sessionMaxInFlight) {
            config.sessionMaxInFlight(sessionMaxInFlight);
            return this;
        }

        /** The {@code service.name} resource attribute; default the project, else the application's name. */
        public Builder serviceName(String serviceName) {
            config.serviceName(serviceName);
            return this;
        }

        /**
         * Register this tracer's OpenTelemetry as {@code GlobalOpenTelemetry}, so that libraries that use the global
         * instance report to HoneyHive; default false, because only one instance per JVM can be global.
         */
        public Builder registerGlobal(boolean registerGlobal) {
            config.registerGlobal(registerGlobal);
            return this;
        }

        /**
         * Flush and close the tracer when the JVM exits, if it was not closed before; default true. Containers that
         * manage the tracer's lifecycle turn this off.
         */
        public Builder shutdownHook(boolean shutdownHook) {
            config.shutdownHook(shutdownHook);
            return this;
        }

        /** How long one export request to HoneyHive may take; default 10 seconds. */
        public Builder exportTimeout(Duration exportTimeout) {
            config.exportTimeout(exportTimeout);
            return this;
        }

        /** How long {@link HoneyHiveTracer#close()} waits for pending spans; default 10 seconds. */
        public Builder shutdownTimeout(Duration shutdownTimeout) {
            config.shutdownTimeout(shutdownTimeout);
            return this;
        }

        /** The longest wait before a batch is sent ({@code OTEL_BSP_SCHEDULE_DELAY}); default 5 seconds. */
        public Builder batchScheduleDelay(Duration batchScheduleDelay) {
            config.batchScheduleDelay(batchScheduleDelay);
            return this;
        }

        /**
         * How many ended spans may wait for export or be in flight ({@code OTEL_BSP_MAX_QUEUE_SIZE}); default 65536,
         * which holds 3 s of 20,000 spans a second. Beyond it spans are dropped rather than held, so memory stays bounded
         * when HoneyHive is unreachable.
         */
        public Builder batchMaxQueueSize(int batchMaxQueueSize) {
            config.batchMaxQueueSize(batchMaxQueueSize);
            return this;
        }

        /** The most spans in one export request ({@code OTEL_BSP_MAX_EXPORT_BATCH_SIZE}); default 512. */
        public Builder batchMaxExportBatchSize(int batchMaxExportBatchSize) {
            config.batchMaxExportBatchSize(batchMaxExportBatchSize);
            return this;
        }

        /**
         * How many MiB the spans waiting for export or in flight may hold, estimated from their attributes and events;
         * default 64. Beyond it spans are dropped and counted, whatever their number.
         */
        public Builder batchMaxQueueMib(int batchMaxQueueMib) {
            config.batchMaxQueueMib(batchMaxQueueMib);
            return this;
        }

        /**
         * How many export requests may be sent at once; default 16, which carries up to 40,000 spans a second in
         * batches of 512 to a HoneyHive 200 ms away.
         */
        public Builder batchMaxExportsInFlight(int batchMaxExportsInFlight) {
            config.batchMaxExportsInFlight(batchMaxExportsInFlight);
            return this;
        }

        /** How long one batch export may take, retries included ({@code OTEL_BSP_EXPORT_TIMEOUT}); default 30 seconds. */
        public Builder batchExportTimeout(Duration batchExportTimeout) {
            config.batchExportTimeout(batchExportTimeout);
            return this;
        }

        /** How many levels of nested maps, lists and objects become separate attributes; default 8. */
        public Builder maxAttributeDepth(int maxAttributeDepth) {
            config.maxAttributeDepth(maxAttributeDepth);
            return this;
        }

        /** How many attributes one span may carry from captured and enriched values; default 1024. */
        public Builder maxSpanAttributes(int maxSpanAttributes) {
            config.maxSpanAttributes(maxSpanAttributes);
            return this;
        }

        /** The longest string attribute value, in characters, after which it is cut with a marker; default 16384. */
        public Builder maxAttributeValueLength(int maxAttributeValueLength) {
            config.maxAttributeValueLength(maxAttributeValueLength);
            return this;
        }

        /**
         * Validates the configuration and starts the tracer.
         *
         * @throws IllegalArgumentException if a setting or environment variable has an invalid value, naming it
         * @throws IllegalStateException if no API key is set and test mode is off
         */
        public HoneyHiveTracer build() {
            TracerConfig explicit = config.build();
            TracerConfig effective = explicit.withFallback(TracerConfig.fromEnvironment(environment));
            if (effective.apiKey() == null && !effective.testMode()) {
                throw new IllegalStateException("The HoneyHive API key is not set: set "
                        + Settings.API_KEY.describe() + ", or enable test mode (" + Settings.TEST_MODE.describe()
                        + " = true) to trace without sending anything");
            }
            return new HoneyHiveTracer(effective, List.copyOf(spanProcessors), meterProvider);
        }
    }
}
