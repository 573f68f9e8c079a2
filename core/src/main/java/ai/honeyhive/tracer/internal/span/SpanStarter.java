package ai.honeyhive.tracer.internal.span;

import ai.honeyhive.tracer.EventType;
import ai.honeyhive.tracer.internal.LibraryVersion;
import ai.honeyhive.tracer.internal.session.LinkedParent;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.Context;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The one way a tracer's spans are started, whatever asked for them: the plain-Java API, the {@code @Traced}
 * interceptor (CDI and Quarkus), and the JAX-RS server and client filters. Each entry point has its instrumentation
 * scope and its parent (each method says which); the event type and the recording of initial attributes (flattened
 * with the tracer's limits) are decided here, so they cannot differ between entry points. The caller makes the span
 * current and ends it.
 */
public final class SpanStarter {

    /** The instrumentation scope of the plain-Java API's spans. */
    public static final String API_SCOPE = "ai.honeyhive.tracer";
    /** The instrumentation scope of {@code @Traced} spans. */
    public static final String TRACED_SCOPE = "ai.honeyhive.cdi";
    /** The instrumentation scope of request spans. */
    public static final String SERVER_SCOPE = "ai.honeyhive.jaxrs";
    /** The instrumentation scope of outgoing HTTP call spans. */
    public static final String CLIENT_SCOPE = "ai.honeyhive.jaxrs.client";

    private static final String CHAIN = EventType.CHAIN.wireValue();
    private static final String TOOL = EventType.TOOL.wireValue();

    private final Tracer api;
    private final Tracer traced;
    private final Tracer server;
    private final Tracer client;
    private final AttributeFlattener flattener;
    private final LinkedParent parent;

    public SpanStarter(TracerProvider provider, AttributeFlattener flattener, LinkedParent parent) {
        this.api = tracer(provider, API_SCOPE);
        this.traced = tracer(provider, TRACED_SCOPE);
        this.server = tracer(provider, SERVER_SCOPE);
        this.client = tracer(provider, CLIENT_SCOPE);
        this.flattener = flattener;
        this.parent = parent;
    }

    /** The context a span started now would have as its parent: the current one, or the linked trace. */
    public Context parentContext() {
        return parent.current();
    }

    /**
     * A span of the plain-Java API ({@code trace}, {@code traced}).
     *
     * @param parent the context to start it in: {@link #parentContext()}, which the caller makes current with the span
     * @param eventType the event type, or null to detect it when the span ends
     * @param attributes initial attributes, flattened as {@code key.sub} when nested
     */
    public Span startApiSpan(Context parent, String name, @Nullable EventType eventType, Map<String, ?> attributes) {
        SpanBuilder builder = api.spanBuilder(name).setParent(parent);
        if (eventType != null) {
            builder.setAttribute(HoneyHiveAttributes.EVENT_TYPE, eventType.wireValue());
        }
        if (!attributes.isEmpty()) {
            setAll(builder, flattener.flattenEntries("", attributes));
        }
        return builder.startSpan();
    }

    /**
     * A span of the plain-Java API that records the arguments of the call it wraps ({@code traced(..., Function)}).
     *
     * @param eventType the event type, or null to detect it when the span ends
     * @param inputKeys the attribute key of each argument, null for one not recorded
     */
    public Span startApiSpan(
            Context parent,
            String name,
            @Nullable EventType eventType,
            @Nullable String[] inputKeys,
            @Nullable Object[] arguments) {
        SpanBuilder builder = api.spanBuilder(name).setParent(parent);
        if (eventType != null) {
            builder.setAttribute(HoneyHiveAttributes.EVENT_TYPE, eventType.wireValue());
        }
        setInputs(builder, inputKeys, arguments);
        return builder.startSpan();
    }

    /**
     * The span of a {@code @Traced} call, a child of the current context, with each argument recorded under its key:
     * strings, numbers and booleans as they are, anything else as one JSON string.
     *
     * @param inputKeys the attribute key of each argument, null for one not recorded; or null to record none
     */
    public Span startTraced(
            String name, EventType eventType, @Nullable String @Nullable [] inputKeys, Object[] arguments) {
        SpanBuilder builder =
                traced.spanBuilder(name).setAttribute(HoneyHiveAttributes.EVENT_TYPE, eventType.wireValue());
        if (inputKeys != null) {
            setInputs(builder, inputKeys, arguments);
        }
        return builder.startSpan();
    }

    /**
     * The span of an HTTP request a server received: a chain, with the HTTP semantic conventions' request attributes.
     *
     * @param parent the request's context, with its session in baggage
     * @param name the span's name, {@code METHOD /route} (the caller names the request's session with it too)
     * @param path the whole path the client sent
     */
    public Span startServerRequest(Context parent, String name, String method, String route, String path) {
        return server.spanBuilder(name)
                .setParent(parent)
                .setSpanKind(SpanKind.SERVER)
                .setAttribute(HoneyHiveAttributes.EVENT_TYPE, CHAIN)
                .setAttribute(HoneyHiveAttributes.HTTP_REQUEST_METHOD, method)
                .setAttribute(HoneyHiveAttributes.HTTP_ROUTE, route)
                .setAttribute(HoneyHiveAttributes.URL_PATH, path)
                .startSpan();
    }

    /**
     * The span of an outgoing HTTP call, a tool, a child of the current context.
     *
     * @param url the URL without query string or credentials
     */
    public Span startClientCall(String method, String url) {
        return client.spanBuilder(method)
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute(HoneyHiveAttributes.EVENT_TYPE, TOOL)
                .setAttribute(HoneyHiveAttributes.HTTP_REQUEST_METHOD, method)
                .setAttribute(HoneyHiveAttributes.URL_FULL, url)
                .startSpan();
    }

    /** Each argument that is not null under its key, if it has one. */
    private void setInputs(SpanBuilder builder, @Nullable String[] inputKeys, @Nullable Object[] arguments) {
        for (int i = 0; i < inputKeys.length && i < arguments.length; i++) {
            String key = inputKeys[i];
            Object argument = arguments[i];
            if (key != null && argument != null) {
                setInput(builder, key, argument);
            }
        }
    }

    private void setInput(SpanBuilder builder, String key, Object argument) {
        Object value = flattener.scalarOrJson(argument);
        if (value instanceof Long number) {
            builder.setAttribute(AttributeKey.longKey(key), number);
        } else if (value instanceof Double number) {
            builder.setAttribute(AttributeKey.doubleKey(key), number);
        } else if (value instanceof Boolean bool) {
            builder.setAttribute(AttributeKey.booleanKey(key), bool);
        } else {
            builder.setAttribute(AttributeKey.stringKey(key), value.toString());
        }
    }

    @SuppressWarnings("unchecked")
    private static void setAll(SpanBuilder builder, Attributes attributes) {
        attributes.forEach((key, value) -> builder.setAttribute((AttributeKey<Object>) key, value));
    }

    private static Tracer tracer(TracerProvider provider, String scope) {
        return provider.tracerBuilder(scope)
                .setInstrumentationVersion(LibraryVersion.version())
                .build();
    }
}
