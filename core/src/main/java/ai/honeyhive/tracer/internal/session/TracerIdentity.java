package ai.honeyhive.tracer.internal.session;

import org.jspecify.annotations.Nullable;

/**
 * What a tracer stamps on spans whose context does not say otherwise: its own session, project and source, and,
 * in evaluation mode, the evaluation ids.
 *
 * @param ownSession the tracer's own session: read its id with {@code use()} when something lands in it
 * @param project the project, or null when none is configured
 * @param source the source, such as {@code dev} or {@code production}
 * @param runId the evaluation run id, or null outside evaluation mode
 * @param datasetId the evaluation dataset id, or null
 * @param datapointId the evaluation datapoint id, or null
 */
public record TracerIdentity(
        OwnSession ownSession,
        @Nullable String project,
        String source,
        @Nullable String runId,
        @Nullable String datasetId,
        @Nullable String datapointId) {}
