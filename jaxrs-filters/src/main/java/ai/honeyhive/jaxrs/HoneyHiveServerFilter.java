package ai.honeyhive.jaxrs;

import static java.util.Objects.requireNonNull;

import ai.honeyhive.jaxrs.internal.HttpRoutes;
import ai.honeyhive.jaxrs.internal.RequestFilterDependencies;
import ai.honeyhive.jaxrs.internal.RequestTrace;
import ai.honeyhive.tracer.HoneyHiveTracer;
import ai.honeyhive.tracer.SessionEnrichment;
import ai.honeyhive.tracer.SessionOptions;
import ai.honeyhive.tracer.internal.ThrottledLogger;
import ai.honeyhive.tracer.internal.TracerInternals;
import ai.honeyhive.tracer.internal.session.ContextCarriers;
import ai.honeyhive.tracer.internal.session.HoneyHiveBaggage;
import ai.honeyhive.tracer.internal.session.SessionIds;
import ai.honeyhive.tracer.internal.span.HoneyHiveAttributes;
import ai.honeyhive.tracer.internal.span.SpanErrors;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Gives every HTTP request its own HoneyHive session, the way the Python SDK's FastAPI middleware does, without
 * making the request wait on HoneyHive: the session id is made here, the session start goes out in the background,
 * and the session is current (in OpenTelemetry baggage) for everything the resource method calls, {@code @Traced}
 * beans included. A request span ({@code METHOD /route/template}, event type chain) parents their spans; the
 * response carries {@code X-Session-ID}; a 5xx status is recorded on the span and the session.
 *
 * <p>Discovered as a {@code @Provider}, it takes the tracer from CDI and its settings from MicroProfile Config
 * ({@link JaxrsSessionSettings}); or register an instance built with
 * {@link #HoneyHiveServerFilter(HoneyHiveTracer, JaxrsSessionSettings, List)}. It never fails a request: anything
 * that goes wrong is logged (throttled) and the request runs untraced.
 */
@Provider
@Priority(HoneyHiveServerFilter.PRIORITY)
public class HoneyHiveServerFilter implements ContainerRequestFilter, ContainerResponseFilter, WriterInterceptor {

    /** Early among request filters and late among response filters, so the span encloses the others. */
    public static final int PRIORITY = 100;

    /** The response header that names the request's session. */
    public static final String SESSION_HEADER = "X-Session-ID";

    private static final int MAX_SESSION_HEADER_LENGTH = 64;
    private static final Logger logger = Logger.getLogger(HoneyHiveServerFilter.class.getName());
    private static final ThrottledLogger failures = new ThrottledLogger(logger);
    private static final ThrottledLogger rejectedSessionHeader = new ThrottledLogger(logger);
    private static final ThrottledLogger unavailable = new ThrottledLogger(logger);

    // A class, not a lambda: TextMapGetter.keys() is abstract in the OpenTelemetry versions Quarkus 3.37 runs with.
    private static final TextMapGetter<ContainerRequestContext> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(ContainerRequestContext request) {
            return request.getHeaders().keySet();
        }

        @Override
        public @Nullable String get(@Nullable ContainerRequestContext request, String key) {
            return request == null ? null : request.getHeaderString(key);
        }
    };

    @jakarta.ws.rs.core.Context
    @Nullable
    ResourceInfo resourceInfo;

    private volatile @Nullable RequestFilterDependencies dependencies;
    private final boolean contextPerRequest;

    /** For discovery: the tracer comes from CDI and the settings from MicroProfile Config, on the first request. */
    public HoneyHiveServerFilter() {
        this(false);
    }

    /**
     * For runtimes whose OpenTelemetry context storage belongs to the request rather than the thread, such as
     * Quarkus, where one request runs on event-loop, worker and virtual threads in turn: the request span continues
     * the context current when the filter runs (the runtime's own server span, if it makes one), and the scope is
     * released by the response filter on whatever thread it runs.
     */
    protected HoneyHiveServerFilter(boolean contextPerRequest) {
        this.contextPerRequest = contextPerRequest;
    }

    /** For registration by hand, with no CDI or MicroProfile Config needed. */
    public HoneyHiveServerFilter(
            HoneyHiveTracer tracer, JaxrsSessionSettings settings, List<RequestSessionCustomizer> customizers) {
        this.dependencies = RequestFilterDependencies.given(
                requireNonNull(tracer, "tracer"), requireNonNull(settings, "settings"), List.copyOf(customizers));
        this.contextPerRequest = false;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!contextPerRequest) {
            // A suspended request on a resource that is not a CDI bean may have left its scope on this thread.
            RequestTrace.releaseLeftover();
        }
        RequestFilterDependencies resolved = dependencies();
        if (resolved == null
                || !resolved.enabled()
                || resolved.settings().isExcluded(request.getUriInfo().getPath())) {
            return;
        }
        try {
            start(request, resolved);
        } catch (RuntimeException e) {
            failures.log(Level.WARNING, "Could not start the HoneyHive session of a request; it runs untraced", e);
        }
    }

    private void start(ContainerRequestContext request, RequestFilterDependencies resolved) {
        String method = request.getMethod();
        String route = route(request);
        Context parent = parentContext(request, resolved.settings());
        String sessionId = sessionId(request, resolved.settings());
        if (sessionId == null && resolved.settings().trustBaggage()) {
            // A trusted caller (another service of ours) passes its session in baggage: continue it.
            String inbound = Baggage.fromContext(parent).getEntryValue(HoneyHiveBaggage.SESSION_ID);
            sessionId = SessionIds.isUuid(inbound) ? inbound.toLowerCase(java.util.Locale.ROOT) : null;
        }
        boolean adopted = sessionId != null;
        if (sessionId == null) {
            sessionId = SessionIds.newId();
        }
        Context withSession = HoneyHiveBaggage.withSession(
                parent, sessionId, null, TracerInternals.identity(resolved.tracer()), adopted);
        // The whole path as the client sent it, context root included (getPath() is relative to the application).
        String path = request.getUriInfo().getRequestUri().getRawPath();
        String name = method + " " + route;
        Span span = resolved.spans().startServerRequest(withSession, name, method, route, path);
        if (!adopted) {
            SessionOptions.Builder session = SessionOptions.builder()
                    .sessionId(sessionId)
                    .sessionName(
                            resolved.settings().sessionName() != null
                                    ? resolved.settings().sessionName()
                                    : name)
                    .inputs(Map.of("method", method, "path", path))
                    .metadata(resolved.settings().metadata());
            for (RequestSessionCustomizer customizer : resolved.customizers()) {
                customize(customizer, request, session);
            }
            // In the background: the request never waits on HoneyHive.
            resolved.tracer().createSessionAsync(session.build());
        }
        RequestTrace trace = contextPerRequest
                ? RequestTrace.openedInRequestStorage(
                        span, withSession.with(span).makeCurrent(), sessionId)
                : RequestTrace.opened(span, withSession.with(span).makeCurrent(), sessionId);
        request.setProperty(RequestTrace.PROPERTY, trace);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(RequestTrace.PROPERTY) instanceof RequestTrace trace)) {
            return;
        }
        try {
            response.getHeaders().putSingle(SESSION_HEADER, trace.sessionId());
            recordStatus(trace, response.getStatus());
            if (response.hasEntity()) {
                // Ended once the entity is written (aroundWriteTo), so the span covers the whole response.
                request.setProperty(RequestTrace.END_AFTER_WRITE, Boolean.TRUE);
            } else {
                trace.span().end();
            }
        } catch (RuntimeException e) {
            failures.log(Level.WARNING, "Could not finish the HoneyHive span of a request", e);
            trace.span().end();
        } finally {
            trace.releaseScope();
        }
    }

    /**
     * For runtimes that tell when a response has been sent, whoever wrote it (Quarkus REST writes some error
     * responses without running response filters): records the status on the request's span and session, releases
     * its scope (unless sending failed) and ends the span. Does nothing for a request this filter did not start.
     *
     * @param failure why sending the response failed, or null
     */
    protected final void responseSent(ContainerRequestContext request, int status, @Nullable Throwable failure) {
        if (!(request.getProperty(RequestTrace.PROPERTY) instanceof RequestTrace trace)) {
            return;
        }
        try {
            recordStatus(trace, status);
            if (failure != null) {
                SpanErrors.record(trace.span(), failure);
            }
        } catch (RuntimeException e) {
            failures.log(Level.WARNING, "Could not finish the HoneyHive span of a request", e);
        } finally {
            if (failure == null) {
                trace.releaseScope();
            }
            // A failure means the client went away while the request may still run: its context stays until the
            // request's own storage goes, so the work still under way keeps its session.
            trace.span().end();
        }
    }

    private void recordStatus(RequestTrace trace, int status) {
        trace.span().setAttribute(HoneyHiveAttributes.HTTP_RESPONSE_STATUS_CODE, (long) status);
        if (status >= 500) {
            Response.StatusType known = Response.Status.fromStatusCode(status);
            String error = "HTTP " + status + (known == null ? "" : " " + known.getReasonPhrase());
            trace.span().setStatus(StatusCode.ERROR, error);
            trace.span().setAttribute(HoneyHiveAttributes.ERROR, error);
        }
        RequestFilterDependencies resolved = dependencies();
        if (resolved != null) {
            resolved.tracer()
                    .enrichSession(SessionEnrichment.builder()
                            .sessionId(trace.sessionId())
                            .outputs(Map.of("status_code", status))
                            .build());
        }
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        Object trace = context.getProperty(RequestTrace.PROPERTY);
        boolean endHere =
                trace instanceof RequestTrace && Boolean.TRUE.equals(context.getProperty(RequestTrace.END_AFTER_WRITE));
        try {
            context.proceed();
        } catch (IOException | RuntimeException e) {
            if (endHere) {
                SpanErrors.record(((RequestTrace) trace).span(), e);
            }
            throw e;
        } finally {
            if (endHere) {
                context.removeProperty(RequestTrace.END_AFTER_WRITE);
                ((RequestTrace) trace).span().end();
            }
        }
    }

    private Context parentContext(ContainerRequestContext request, JaxrsSessionSettings settings) {
        if (!contextPerRequest) {
            // From the root, not the thread's context: a container thread may still hold an earlier request's.
            return settings.acceptTraceContext()
                    ? ContextCarriers.extract(Context.root(), request, HEADERS, settings.trustBaggage())
                    : Context.root();
        }
        // The request's own context: the runtime's server span, which already continues an inbound traceparent.
        Context current = Context.current();
        if (settings.acceptTraceContext()
                && !Span.fromContext(current).getSpanContext().isValid()) {
            return ContextCarriers.extract(current, request, HEADERS, settings.trustBaggage());
        }
        if (!settings.acceptTraceContext()) {
            current = current.with(Span.getInvalid());
        }
        return settings.trustBaggage() ? current : ContextCarriers.withoutHoneyHiveBaggage(current);
    }

    /**
     * The tracer of a name ({@code ""} for the default one) for request sessions: by default the CDI bean. For
     * runtimes that keep their tracers where they can be found by any name, not only those the code injects.
     */
    protected HoneyHiveTracer tracer(String tracerName) {
        return RequestFilterDependencies.tracerBean(tracerName);
    }

    /** The matched resource method, for the route template; null when there is none. */
    protected @Nullable ResourceInfo resourceInfo(ContainerRequestContext request) {
        return resourceInfo;
    }

    private String route(ContainerRequestContext request) {
        ResourceInfo info = resourceInfo(request);
        String template = null;
        try {
            template = info == null ? null : HttpRoutes.template(info.getResourceClass(), info.getResourceMethod());
        } catch (RuntimeException e) {
            // Outside a matched resource (a pre-matching call, a 404): fall back to the path.
        }
        // Jersey's getPath() has no leading slash, RESTEasy's has one.
        return template != null
                ? template
                : "/" + request.getUriInfo().getPath().replaceFirst("^/+", "");
    }

    private static @Nullable String sessionId(ContainerRequestContext request, JaxrsSessionSettings settings) {
        if (!settings.acceptSessionHeader()) {
            return null;
        }
        String header = request.getHeaderString(SESSION_HEADER);
        if (header == null) {
            return null;
        }
        String candidate = header.strip();
        if (candidate.length() > MAX_SESSION_HEADER_LENGTH || !SessionIds.isUuid(candidate)) {
            rejectedSessionHeader.log(
                    Level.WARNING,
                    "Ignored an " + SESSION_HEADER + " header that is not a UUID (" + header.length()
                            + " characters); the request gets a new session");
            return null;
        }
        return candidate.toLowerCase(java.util.Locale.ROOT);
    }

    private static void customize(
            RequestSessionCustomizer customizer, ContainerRequestContext request, SessionOptions.Builder session) {
        try {
            customizer.customize(request, session);
        } catch (RuntimeException e) {
            failures.log(
                    Level.WARNING,
                    "A RequestSessionCustomizer (" + customizer.getClass().getName()
                            + ") failed; the session goes on without its additions",
                    e);
        }
    }

    private @Nullable RequestFilterDependencies dependencies() {
        RequestFilterDependencies resolved = dependencies;
        if (resolved != null) {
            return resolved;
        }
        try {
            resolved = RequestFilterDependencies.fromContainer(this::tracer);
            dependencies = resolved;
            return resolved;
        } catch (RuntimeException | LinkageError e) {
            unavailable.log(
                    Level.SEVERE,
                    "HoneyHive request tracing is off: no HoneyHiveTracer could be found"
                            + " (add ai.honeyhive:honeyhive-cdi, or register new HoneyHiveServerFilter(tracer, settings,"
                            + " customizers))",
                    e);
            return null;
        }
    }
}
