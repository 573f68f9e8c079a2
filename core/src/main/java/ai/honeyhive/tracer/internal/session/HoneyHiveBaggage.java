package ai.honeyhive.tracer.internal.session;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.BaggageBuilder;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The baggage keys the tracer reads onto spans, as the wire contract names them. */
public final class HoneyHiveBaggage {

    public static final String SESSION_ID = "session_id";
    public static final String PROJECT = "project";
    public static final String SOURCE = "source";
    public static final String PARENT_ID = "parent_id";
    public static final String RUN_ID = "run_id";
    public static final String DATASET_ID = "dataset_id";
    public static final String DATAPOINT_ID = "datapoint_id";
    public static final String SESSION_NAME = "session_name";

    /** Every HoneyHive baggage key: the ones an untrusted carrier must not set unless configured to. */
    public static final List<String> ALL =
            List.of(SESSION_ID, PROJECT, SOURCE, PARENT_ID, RUN_ID, DATASET_ID, DATAPOINT_ID, SESSION_NAME);

    // Set where HoneyHive itself puts a session into a context (withSession, link, a request filter): a session_id
    // that merely came in with someone's baggage must not pull another SDK's spans into HoneyHive.
    private static final ContextKey<Boolean> SESSION_SET_BY_HONEYHIVE = ContextKey.named("ai.honeyhive.session");

    private HoneyHiveBaggage() {}

    /**
     * The context with this session in its baggage (and the session's source, if it has its own), marked as a
     * session HoneyHive put there.
     */
    public static Context withSession(Context context, String sessionId, @Nullable String source) {
        BaggageBuilder baggage = Baggage.fromContext(context).toBuilder().put(SESSION_ID, sessionId);
        if (source != null) {
            baggage.put(SOURCE, source);
        }
        return markSessionOwned(context.with(baggage.build()));
    }

    /** The context, marked as carrying a session HoneyHive put there. */
    public static Context markSessionOwned(Context context) {
        return context.with(SESSION_SET_BY_HONEYHIVE, Boolean.TRUE);
    }

    /** Whether HoneyHive put the session of this context's baggage there. */
    public static boolean isSessionOwned(Context context) {
        return Boolean.TRUE.equals(context.get(SESSION_SET_BY_HONEYHIVE));
    }
}
