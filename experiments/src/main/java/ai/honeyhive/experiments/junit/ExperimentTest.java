package ai.honeyhive.experiments.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A JUnit 5 test that is an experiment: the method gets an {@link ai.honeyhive.experiments.Experiment.Builder} with
 * the name and dataset set, adds the function and evaluators (and a tracer, else one from the environment: test mode
 * without {@code HH_API_KEY}); after the method the experiment runs, and the test fails, with a report of the worst
 * datapoints, if the run misses a threshold.
 *
 * <pre>{@code
 * @ExperimentTest(dataset = "datasets/refunds.jsonl", thresholds = {"exact_match >= 0.8", "no datapoint failed"})
 * void refundAnswers(Experiment.Builder experiment) {
 *     experiment.function("answer", datapoint -> assistant.answer((String) datapoint.input("question")))
 *             .evaluator("exact_match", (outputs, inputs, truth) -> outputs.equals(truth.get("answer")));
 * }
 * }</pre>
 *
 * <p>In a {@code @QuarkusTest}, where beans are injected into the test, build and run the experiment in the test
 * method and check it with {@link ai.honeyhive.experiments.ExperimentThresholds#assertMet}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(ExperimentExtension.class)
public @interface ExperimentTest {

    /** The dataset: a class-path resource ({@code .json}, {@code .jsonl} or {@code .csv}). */
    String dataset();

    /** The run's name; default the test class's simple name and the method's, {@code RefundTest.refundAnswers}. */
    String name() default "";

    /** The thresholds the run must meet (see {@link ai.honeyhive.experiments.ExperimentThresholds}). */
    String[] thresholds() default {};
}
