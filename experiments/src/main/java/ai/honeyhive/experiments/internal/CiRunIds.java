package ai.honeyhive.experiments.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A run id from the CI's own run id, so that each CI run (and each attempt of it) posts its own, findable run: a UUID
 * made from the CI's id and the experiment's name, as HoneyHive's run ids are UUIDs.
 */
public final class CiRunIds {

    // CI run id variables, most specific first: GitHub Actions, GitLab CI, Buildkite, CircleCI, Jenkins.
    private static final String[][] VARIABLES = {
        {"GITHUB_RUN_ID", "GITHUB_RUN_ATTEMPT"},
        {"CI_PIPELINE_ID", "CI_JOB_ID"},
        {"BUILDKITE_BUILD_ID", "BUILDKITE_RETRY_COUNT"},
        {"CIRCLE_WORKFLOW_ID", "CIRCLE_BUILD_NUM"},
        {"BUILD_TAG", null}
    };

    private CiRunIds() {}

    /** The CI's run id ({@code GITHUB_RUN_ID:GITHUB_RUN_ATTEMPT}, ...), or null outside a known CI. */
    public static @Nullable String ciRunId(Map<String, String> environment) {
        for (String[] variables : VARIABLES) {
            String id = environment.get(variables[0]);
            if (id != null && !id.isBlank()) {
                String attempt = variables[1] == null ? null : environment.get(variables[1]);
                return variables[0] + "=" + id + (attempt == null ? "" : ":" + attempt);
            }
        }
        return null;
    }

    /** The run id for this experiment in this CI run. */
    public static String runId(String ciRunId, String experimentName) {
        return UUID.nameUUIDFromBytes((ciRunId + "/" + experimentName).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
