package ai.honeyhive.experiments.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What an evaluator returned, as metrics: a number, boolean or string under its name; a map's {@code score} under its
 * name, {@code explanation} as {@code <name>_explanation}, and its other scalars as {@code <name>_<key>}.
 */
final class EvaluatorResults {

    private EvaluatorResults() {}

    static Map<String, Object> metrics(String name, @Nullable Object result) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        if (result instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if (!isScalar(value)) {
                    return;
                }
                String metric =
                        switch (String.valueOf(key)) {
                            case "score" -> name;
                            case "explanation" -> name + "_explanation";
                            default -> name + "_" + key;
                        };
                metrics.put(metric, value);
            });
        } else if (isScalar(result)) {
            metrics.put(name, result);
        }
        return metrics;
    }

    private static boolean isScalar(@Nullable Object value) {
        return value instanceof Number || value instanceof Boolean || value instanceof CharSequence;
    }
}
