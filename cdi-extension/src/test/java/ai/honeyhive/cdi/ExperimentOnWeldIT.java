package ai.honeyhive.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.experiments.Datapoint;
import ai.honeyhive.experiments.DatapointResult;
import ai.honeyhive.experiments.Dataset;
import ai.honeyhive.experiments.Experiment;
import ai.honeyhive.experiments.ExperimentRun;
import ai.honeyhive.experiments.ExperimentThresholds;
import ai.honeyhive.testing.RecordedSpan;
import ai.honeyhive.testing.RecordingHoneyHiveServer;
import ai.honeyhive.tracer.EventType;
import ai.honeyhive.tracer.HoneyHiveTracer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An experiment on Weld SE: the function is a {@code @Traced} bean's method, its spans in each datapoint's session. */
class ExperimentOnWeldIT {

    private final RecordingHoneyHiveServer server = RecordingHoneyHiveServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @ApplicationScoped
    static class Translator {
        @Traced(eventType = EventType.CHAIN)
        String translate(String word) {
            return Map.of("hello", "bonjour", "thanks", "merci").getOrDefault(word, word);
        }
    }

    @Test
    void theBeansSpansLandInEachDatapointsSessionUnderItsChainSpan() {
        ExperimentRun run;
        try (CdiContainer container = CdiContainer.start(CdiContainer.exportingTo(server), Translator.class)) {
            Translator translator = container.get(Translator.class);
            run = Experiment.builder()
                    .tracer(container.get(HoneyHiveTracer.class))
                    .name("translator")
                    .environment(Map.of())
                    .console(null)
                    .dataset(Dataset.of(
                            Datapoint.of(Map.of("word", "hello"), Map.of("french", "bonjour")),
                            Datapoint.of(Map.of("word", "thanks"), Map.of("french", "merci"))))
                    .function("translate", datapoint -> translator.translate((String) datapoint.input("word")))
                    .evaluator("correct", (outputs, inputs, truth) -> truth.get("french")
                            .equals(outputs))
                    .build()
                    .run();
        }

        ExperimentThresholds.assertMet(run, "correct >= 1", "no datapoint failed");
        for (DatapointResult result : run.results()) {
            RecordedSpan chain = inSession(result, "translate");
            RecordedSpan bean = inSession(result, "Translator.translate");
            assertThat(bean.parentSpanId()).isEqualTo(chain.spanId());
            assertThat(bean.stringAttribute("honeyhive_metadata.datapoint_id")).isEqualTo(result.datapointId());
            assertThat(chain.attribute("honeyhive_metrics.correct")).contains(true);
        }
    }

    private RecordedSpan inSession(DatapointResult result, String name) {
        return server.awaitSpan(
                span -> result.sessionId().equals(span.sessionId())
                        && span.name().equals(name),
                Duration.ofSeconds(30));
    }
}
