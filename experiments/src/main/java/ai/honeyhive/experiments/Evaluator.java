package ai.honeyhive.experiments;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Scores one output of the function. It returns a number, a boolean, a string, or a map with {@code score} and
 * {@code explanation} and other scalars; on the datapoint's chain span these become {@code
 * honeyhive_metrics.<evaluator>}, {@code honeyhive_metrics.<evaluator>_explanation} and {@code
 * honeyhive_metrics.<evaluator>_<key>}. An evaluator that throws is recorded as the datapoint's evaluator error; the
 * run goes on.
 */
@FunctionalInterface
public interface Evaluator {

    /**
     * @param outputs what the function returned (null if it returned nothing)
     * @param inputs the datapoint's inputs
     * @param groundTruth the datapoint's ground truth, empty when it has none
     */
    @Nullable
    Object evaluate(@Nullable Object outputs, Map<String, Object> inputs, Map<String, Object> groundTruth)
            throws Exception;
}
