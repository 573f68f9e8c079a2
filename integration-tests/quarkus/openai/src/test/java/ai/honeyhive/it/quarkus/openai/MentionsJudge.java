package ai.honeyhive.it.quarkus.openai;

import ai.honeyhive.experiments.Evaluator;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** An evaluator that is a CDI bean: whether the answer mentions what the ground truth says it must. */
@ApplicationScoped
public class MentionsJudge implements Evaluator {

    @Override
    public Object evaluate(Object outputs, Map<String, Object> inputs, Map<String, Object> groundTruth) {
        String answer = String.valueOf(outputs);
        return Map.of(
                "score",
                answer.contains(String.valueOf(groundTruth.get("mentions"))),
                "explanation",
                "looked for '" + groundTruth.get("mentions") + "' in " + answer.length() + " characters");
    }
}
