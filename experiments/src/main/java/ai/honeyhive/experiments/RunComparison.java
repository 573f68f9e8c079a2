package ai.honeyhive.experiments;

import java.util.List;

/**
 * Two runs compared metric by metric: by HoneyHive ({@code GET /v1/runs/<new>/compare-with/<old>}), or in process
 * from the runs' own summaries.
 *
 * @param newRunId the newer run
 * @param oldRunId the older run
 * @param metrics the metrics both runs have
 * @param commonDatapoints the datapoints both runs ran
 * @param fromHoneyHive whether HoneyHive compared them
 */
public record RunComparison(
        String newRunId,
        String oldRunId,
        List<MetricComparison> metrics,
        List<String> commonDatapoints,
        boolean fromHoneyHive) {}
