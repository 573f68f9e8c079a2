package ai.honeyhive.tracer.internal.span;

import static io.opentelemetry.api.common.AttributeKey.doubleKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;

import io.opentelemetry.api.common.AttributeKey;
import java.util.List;

/** The span attributes HoneyHive reads, as the wire contract names them; never write these keys as literals. */
public final class HoneyHiveAttributes {

    /** The session a span belongs to. */
    public static final AttributeKey<String> SESSION_ID = stringKey("honeyhive.session_id");
    /** The Traceloop twin of {@link #SESSION_ID}, read by HoneyHive's Traceloop-based ingestion. */
    public static final AttributeKey<String> TRACELOOP_SESSION_ID =
            stringKey("traceloop.association.properties.session_id");

    public static final AttributeKey<String> PROJECT = stringKey("honeyhive.project");
    public static final AttributeKey<String> TRACELOOP_PROJECT = stringKey("traceloop.association.properties.project");

    public static final AttributeKey<String> SOURCE = stringKey("honeyhive.source");
    public static final AttributeKey<String> TRACELOOP_SOURCE = stringKey("traceloop.association.properties.source");

    public static final AttributeKey<String> PARENT_ID = stringKey("honeyhive.parent_id");
    public static final AttributeKey<String> TRACELOOP_PARENT_ID =
            stringKey("traceloop.association.properties.parent_id");

    public static final AttributeKey<String> RUN_ID = stringKey("honeyhive_metadata.run_id");
    public static final AttributeKey<String> DATASET_ID = stringKey("honeyhive_metadata.dataset_id");
    public static final AttributeKey<String> DATAPOINT_ID = stringKey("honeyhive_metadata.datapoint_id");

    /** {@code model}, {@code tool} or {@code chain}. */
    public static final AttributeKey<String> EVENT_TYPE = stringKey("honeyhive_event_type");

    public static final AttributeKey<String> EVENT_NAME = stringKey("honeyhive_event_name");
    public static final AttributeKey<String> EVENT_ID = stringKey("honeyhive_event_id");
    /** The span's duration in milliseconds, written when it ends. */
    public static final AttributeKey<Double> DURATION_MS = doubleKey("honeyhive_duration_ms");
    /** {@code "<ExceptionType>: <message>"} of the error that ended the span. */
    public static final AttributeKey<String> ERROR = stringKey("honeyhive_error");

    /** Prefixes of the enrichment namespaces; a key below one is {@code <prefix>.<path>}. */
    public static final String INPUTS = "honeyhive_inputs";

    public static final String OUTPUTS = "honeyhive_outputs";
    public static final String METADATA = "honeyhive_metadata";
    public static final String METRICS = "honeyhive_metrics";
    public static final String FEEDBACK = "honeyhive_feedback";
    public static final String CONFIG = "honeyhive_config";
    public static final String USER_PROPERTIES = "honeyhive_user_properties";

    // The HTTP semantic conventions' attributes the request and client spans carry.
    public static final AttributeKey<String> HTTP_REQUEST_METHOD = stringKey("http.request.method");
    public static final AttributeKey<String> HTTP_ROUTE = stringKey("http.route");
    public static final AttributeKey<Long> HTTP_RESPONSE_STATUS_CODE = longKey("http.response.status_code");
    public static final AttributeKey<String> URL_PATH = stringKey("url.path");
    public static final AttributeKey<String> URL_FULL = stringKey("url.full");

    // Attributes instrumentors set, read to detect the event type of spans that do not set one.
    public static final AttributeKey<String> GEN_AI_OPERATION_NAME = stringKey("gen_ai.operation.name");
    public static final AttributeKey<String> OPENINFERENCE_SPAN_KIND = stringKey("openinference.span.kind");
    public static final List<AttributeKey<String>> MODEL_ATTRIBUTES = List.of(
            stringKey("gen_ai.request.model"),
            stringKey("gen_ai.response.model"),
            stringKey("llm.request.model"),
            stringKey("llm.response.model"),
            stringKey("llm.model_name"));

    private HoneyHiveAttributes() {}
}
