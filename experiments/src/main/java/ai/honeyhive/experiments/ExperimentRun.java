package ai.honeyhive.experiments;

import java.util.List;

/**
 * A finished run: its id, each datapoint's result, and the summary HoneyHive answered (or the one computed in process
 * when nothing was sent).
 *
 * @param runId the run's id
 * @param name the run's name
 * @param datasetId the hosted dataset's id, or the {@code EXT-} id of the inline data
 * @param results each datapoint's result, in the dataset's order
 * @param summary the aggregates
 * @param sentToHoneyHive whether the run was posted to HoneyHive
 */
public record ExperimentRun(
        String runId,
        String name,
        String datasetId,
        List<DatapointResult> results,
        RunSummary summary,
        boolean sentToHoneyHive) {}
