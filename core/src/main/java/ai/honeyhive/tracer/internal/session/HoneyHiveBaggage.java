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
     * The context with this session in its baggage, marked as a session HoneyHive put there, together with what the
     * tracer that opened it stamps (its project, the session's source, else the tracer's, and its evaluation ids), so
     * that whatever propagates the baggage, any W3C baggage propagator included, takes them along.
     *
     * @param source the session's own source, or null for the tracer's
     * @param owner the tracer that opened or adopted the session
     * @param adopted whether the session was started elsewhere (a trusted caller's, an existing one): then what its
     *     baggage says already wins over the owner's values, which only fill what is missing
     */
    public static Context withSession(
            Context context, String sessionId, @Nullable String source, TracerIdentity owner, boolean adopted) {
        Baggage current = Baggage.fromContext(context);
        BaggageBuilder baggage = current.toBuilder().put(SESSION_ID, sessionId);
        put(baggage, current, SOURCE, source != null ? source : owner.source(), adopted && source == null);
        put(baggage, current, PROJECT, owner.project(), adopted);
        put(baggage, current, RUN_ID, owner.runId(), adopted);
        put(baggage, current, DATASET_ID, owner.datasetId(), adopted);
        put(baggage, current, DATAPOINT_ID, owner.datapointId(), adopted);
        return markSessionOwned(context.with(baggage.build()));
    }

    /**
     * The context with the tracer's identity (its own session, project, source, evaluation ids) in its baggage
     * wherever the baggage has no value of its own; the same context when nothing is missing.
     */
    public static Context withIdentity(Context context, TracerIdentity identity) {
        Baggage current = Baggage.fromContext(context);
        BaggageBuilder filled = current.toBuilder();
        String session = current.getEntryValue(SESSION_ID);
        boolean changed = false;
        if (session == null || session.isEmpty()) {
            // The context lands in the tracer's own session: its start goes out first.
            filled.put(SESSION_ID, identity.ownSession().use());
            changed = true;
        }
        changed |= put(filled, current, PROJECT, identity.project(), true);
        changed |= put(filled, current, SOURCE, identity.source(), true);
        changed |= put(filled, current, RUN_ID, identity.runId(), true);
        changed |= put(filled, current, DATASET_ID, identity.datasetId(), true);
        changed |= put(filled, current, DATAPOINT_ID, identity.datapointId(), true);
        return changed ? context.with(filled.build()) : context;
    }

    /** Puts the value, unless it is null or, when {@code onlyIfAbsent}, the baggage has one; true if it put it. */
    private static boolean put(
            BaggageBuilder baggage, Baggage current, String key, @Nullable String value, boolean onlyIfAbsent) {
        if (value == null) {
            return false;
        }
        String present = current.getEntryValue(key);
        if (onlyIfAbsent && present != null && !present.isEmpty()) {
            return false;
        }
        baggage.put(key, value);
        return true;
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
