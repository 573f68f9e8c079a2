package ai.honeyhive.tracer.internal;

import java.util.List;

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

    private HoneyHiveBaggage() {}
}
