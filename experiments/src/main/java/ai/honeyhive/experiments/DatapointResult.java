package ai.honeyhive.experiments;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What became of one datapoint.
 *
 * @param datapointId the datapoint's id ({@code EXT-...} for inline data)
 * @param sessionId the session it ran in
 * @param inputs its inputs
 * @param groundTruth its ground truth, empty when it has none
 * @param outputs what the function returned, or null (also when it failed)
 * @param metrics each evaluator's results, by metric name ({@code exact_match}, {@code exact_match_explanation})
 * @param error the function's failure ({@code Type: message}), or null when it returned
 * @param evaluatorErrors each failed evaluator's message, by evaluator name
 */
public record DatapointResult(
        String datapointId,
        String sessionId,
        Map<String, Object> inputs,
        Map<String, Object> groundTruth,
        @Nullable Object outputs,
        Map<String, Object> metrics,
        @Nullable String error,
        Map<String, String> evaluatorErrors) {

    /** Whether the function returned and every evaluator ran. */
    public boolean succeeded() {
        return error == null && evaluatorErrors.isEmpty();
    }
}
