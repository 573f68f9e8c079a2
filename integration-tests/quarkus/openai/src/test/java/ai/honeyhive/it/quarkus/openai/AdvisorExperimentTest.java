package ai.honeyhive.it.quarkus.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.honeyhive.experiments.DatapointResult;
import ai.honeyhive.experiments.Dataset;
import ai.honeyhive.experiments.Experiment;
import ai.honeyhive.experiments.ExperimentRun;
import ai.honeyhive.experiments.ExperimentThresholds;
import ai.honeyhive.testing.RecordedSpan;
import ai.honeyhive.testing.RecordingHoneyHiveServer;
import ai.honeyhive.testing.Route;
import ai.honeyhive.tracer.HoneyHiveTracer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An experiment inside a {@code @QuarkusTest}: the function calls the {@code @Traced} advisor, which asks the
 * OpenAI-compatible stand-in through the instrumented client; the evaluator is a CDI bean. Each datapoint's chain
 * span, the advisor's span and the model event land in that datapoint's session, as the recording server decodes them.
 */
@QuarkusTest
@QuarkusTestResource(ModelAndHoneyHiveResource.class)
class AdvisorExperimentTest {

    @Inject
    HoneyHiveTracer tracer;

    @Inject
    Advisor advisor;

    @Inject
    MentionsJudge judge;

    RecordingHoneyHiveServer honeyhive;

    @BeforeEach
    void startHoneyHive() {
        honeyhive = ModelAndHoneyHiveResource.HONEYHIVE.server();
        honeyhive.reset();
    }

    private ExperimentRun runAdvisor() {
        return Experiment.builder()
                .tracer(tracer)
                .name("advisor on refunds")
                .dataset(Dataset.fromResource("datasets/refund-questions.jsonl"))
                .function("advise", datapoint -> advisor.advise((String) datapoint.input("question")))
                .evaluator("mentions", judge)
                .maxParallel(3)
                .build()
                .run();
    }

    @Test
    void eachDatapointsSpansAndModelEventLandInItsSessionAndTheThresholdsAreMet() {
        ExperimentRun run = runAdvisor();

        ExperimentThresholds.assertMet(run, "mentions >= 1", "no datapoint failed", "no evaluator failed");
        assertThat(run.sentToHoneyHive()).isTrue();
        assertThat(run.summary().fromHoneyHive()).isTrue();
        assertThat(honeyhive.requests(Route.RUN_CREATE)).hasSize(1);
        for (DatapointResult result : run.results()) {
            RecordedSpan chain = inSession(result, "advise");
            RecordedSpan bean = inSession(result, "Advisor.advise");
            RecordedSpan model = honeyhive.awaitSpan(
                    span -> result.sessionId().equals(span.sessionId()) && "model".equals(span.eventType()),
                    Duration.ofSeconds(20));
            assertThat(chain.isRoot()).isTrue();
            assertThat(bean.parentSpanId()).isEqualTo(chain.spanId());
            assertThat(model.parentSpanId()).isEqualTo(bean.spanId());
            assertThat(model.stringAttribute("honeyhive_inputs.chat_history"))
                    .contains(result.inputs().get("question").toString());
            assertThat(model.stringAttribute("honeyhive_metadata.run_id")).isEqualTo(run.runId());
            assertThat(model.stringAttribute("honeyhive_metadata.datapoint_id")).isEqualTo(result.datapointId());
            assertThat(chain.attribute("honeyhive_metrics.mentions")).contains(true);
            assertThat(chain.stringAttribute("honeyhive_metrics.mentions_explanation"))
                    .startsWith("looked for");
            assertThat(bean.attributes().keySet()).noneMatch(key -> key.startsWith("honeyhive_metrics"));
        }
    }

    @Test
    void aMissedThresholdFailsWithTheWorstDatapoints() {
        ExperimentRun run = runAdvisor();

        assertThatThrownBy(() -> ExperimentThresholds.assertMet(run, "mentions.min >= 1", "latency < 1"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("missed 1 of 2 thresholds")
                .hasMessageContaining("latency < 1: the run has no metric latency");
    }

    private RecordedSpan inSession(DatapointResult result, String name) {
        return honeyhive.awaitSpan(
                span -> result.sessionId().equals(span.sessionId())
                        && span.name().equals(name),
                Duration.ofSeconds(20));
    }
}
