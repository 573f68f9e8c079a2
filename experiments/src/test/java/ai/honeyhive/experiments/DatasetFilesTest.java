package ai.honeyhive.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.honeyhive.experiments.internal.ExternalIds;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Datasets from class-path resources, as users keep them beside their tests. */
class DatasetFilesTest {

    @Test
    void jsonLinesSkipBlankLinesAndMakeTheSameIdsAsInlineData() {
        Dataset file = Dataset.fromResource("datasets/arithmetic.jsonl");

        assertThat(file.datapoints()).hasSize(3);
        Datapoint first = file.datapoints().get(0);
        assertThat(first.input("question")).isEqualTo("What is 2 + 2?");
        assertThat(first.groundTruth()).isEqualTo(Map.of("answer", "4"));
        assertThat(ExternalIds.datapoint(first, 0)).isEqualTo("EXT-7dd182d950fd936c");
    }

    @Test
    void aJsonArrayKeepsTheIdsItGives() {
        List<Datapoint> points =
                Dataset.fromResource("datasets/arithmetic.json").datapoints();

        assertThat(points).extracting(Datapoint::id).containsExactly(null, "sum-6");
    }

    @Test
    void csvColumnsAreInputsGroundTruthAndIds() {
        List<Datapoint> points = Dataset.fromResource("datasets/arithmetic.csv").datapoints();

        assertThat(points).hasSize(2);
        Datapoint second = points.get(1);
        assertThat(second.id()).isEqualTo("sum-6");
        assertThat(second.inputs()).isEqualTo(Map.of("question", "What is 3, plus 3?", "locale", "en"));
        assertThat(second.groundTruth()).isEqualTo(Map.of("answer", "6"));
    }

    @Test
    void aMissingOrUnknownDatasetSaysWhich() {
        assertThatThrownBy(() -> Dataset.fromResource("datasets/nothing.jsonl"))
                .hasMessageContaining("No dataset resource datasets/nothing.jsonl");
        assertThatThrownBy(() -> Dataset.fromFile(java.nio.file.Path.of("pom.xml")))
                .hasMessageContaining("neither .json, .jsonl nor .csv");
    }
}
