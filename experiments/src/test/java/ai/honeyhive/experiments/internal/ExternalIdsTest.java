package ai.honeyhive.experiments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.experiments.Datapoint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ids of inline data, against the values Python's SDK makes for the same data (computed with Python 3). */
class ExternalIdsTest {

    private static final Datapoint ARITHMETIC =
            Datapoint.of(Map.of("question", "What is 2 + 2?"), Map.of("answer", "4"));

    @Test
    void theWirePagesTestVector() {
        assertThat(ExternalIds.datapoint(ARITHMETIC, 0)).isEqualTo("EXT-7dd182d950fd936c");
        assertThat(ExternalIds.dataset(List.of(ARITHMETIC))).isEqualTo("EXT-f93063cb3909553b");
    }

    @Test
    void nonAsciiFloatsAndNullsAreWrittenAsPythonWritesThem() {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("question", "Où est ma commande? \uD83D\uDE00");
        inputs.put("n", 1.5e-05);
        inputs.put("big", 1e16);
        inputs.put("i", 3);
        inputs.put("ok", true);
        inputs.put("none", null);
        Datapoint datapoint = Datapoint.of(inputs, Map.of("answer", "ça"));

        assertThat(PythonJson.dumps(datapoint.asMap()))
                .isEqualTo(
                        "{\"ground_truth\": {\"answer\": \"\\u00e7a\"}, \"inputs\": {\"big\": 1e+16, \"i\": 3, \"n\":"
                                + " 1.5e-05, \"none\": null, \"ok\": true, \"question\": \"O\\u00f9 est ma commande?"
                                + " \\ud83d\\ude00\"}}");
        assertThat(ExternalIds.datapoint(datapoint, 1)).isEqualTo("EXT-725cda148aa7ebbd");
    }

    @Test
    void floatsFollowPythonsRepr() {
        assertThat(PythonJson.repr(0.0001)).isEqualTo("0.0001");
        assertThat(PythonJson.repr(1e-5)).isEqualTo("1e-05");
        assertThat(PythonJson.repr(1e15)).isEqualTo("1000000000000000.0");
        assertThat(PythonJson.repr(123.456)).isEqualTo("123.456");
        assertThat(PythonJson.repr(1.5e300)).isEqualTo("1.5e+300");
        assertThat(PythonJson.repr(-2.0)).isEqualTo("-2.0");
    }

    @Test
    void aDatapointsOwnIdIsKeptWithThePrefix() {
        assertThat(ExternalIds.datapoint(ARITHMETIC.withId("refund-1"), 0)).isEqualTo("EXT-refund-1");
        assertThat(ExternalIds.datapoint(ARITHMETIC.withId("EXT-abc"), 0)).isEqualTo("EXT-abc");
    }
}
