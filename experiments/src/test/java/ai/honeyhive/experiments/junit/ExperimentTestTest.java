package ai.honeyhive.experiments.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import ai.honeyhive.experiments.Experiment;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** {@link ExperimentTest} run by the real JUnit engine, on test classes written as a user writes them. */
class ExperimentTestTest {

    @Test
    void aRunThatMeetsItsThresholdsPasses() {
        Events tests = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(MetThresholds.class))
                .execute()
                .testEvents();

        tests.assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void aRunThatMissesAThresholdFailsWithAReportOfTheWorstDatapoints() {
        Events tests = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(MissedThresholds.class))
                .execute()
                .testEvents();

        tests.assertStatistics(stats -> stats.started(1).failed(1));
        String report = tests.failed().stream()
                .map(event -> event.getPayload(TestExecutionResult.class)
                        .flatMap(TestExecutionResult::getThrowable)
                        .map(Throwable::getMessage)
                        .orElse(""))
                .findFirst()
                .orElseThrow();
        assertThat(report)
                .startsWith("Experiment \"MissedThresholds.calculator\" (run ")
                .contains("missed 1 of 2 thresholds:")
                .contains("exact_match >= 0.8: was 0.6667 (average of 3 datapoints)")
                .contains("Worst datapoints by exact_match:")
                .contains("inputs {question=What is 5 + 5?} outputs {answer=11} scores {exact_match=false}");
        // The worst datapoint comes first.
        assertThat(report.indexOf("5 + 5")).isLessThan(report.indexOf("2 + 2"));
    }

    /** A calculator that gets 5 + 5 wrong. */
    static void calculator(Experiment.Builder experiment) {
        experiment
                .environment(Map.of())
                .console(null)
                .function("answer", datapoint -> {
                    String[] terms = datapoint
                            .input("question")
                            .toString()
                            .replace("What is ", "")
                            .replace("?", "")
                            .split(" \\+ ");
                    int sum = Integer.parseInt(terms[0]) + Integer.parseInt(terms[1]);
                    return Map.of("answer", String.valueOf(sum == 10 ? 11 : sum));
                })
                .evaluator("exact_match", (outputs, inputs, truth) -> ((Map<?, ?>) outputs)
                        .get("answer")
                        .equals(truth.get("answer")));
    }

    static class MetThresholds {
        @ExperimentTest(
                dataset = "datasets/arithmetic.jsonl",
                thresholds = {"exact_match >= 0.6", "no datapoint failed"})
        void calculator(Experiment.Builder experiment) {
            ExperimentTestTest.calculator(experiment);
        }
    }

    static class MissedThresholds {
        @ExperimentTest(
                dataset = "datasets/arithmetic.jsonl",
                thresholds = {"exact_match >= 0.8", "no datapoint failed"})
        void calculator(Experiment.Builder experiment) {
            ExperimentTestTest.calculator(experiment);
        }
    }
}
