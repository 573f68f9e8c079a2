package ai.honeyhive.tracer;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.testing.RecordedRequest;
import ai.honeyhive.testing.RecordingHoneyHiveServer;
import ai.honeyhive.testing.Route;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Session starts and updates obey the span limits: value length, depth and values per field, with the same markers,
 * and a huge value costs the caller no more than the limits allow.
 */
class SessionBodyLimitsIT {

    private static final String MARKER = "...[truncated]";

    private final RecordingHoneyHiveServer server = RecordingHoneyHiveServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode enrich(SessionEnrichment enrichment) {
        try (HoneyHiveTracer tracer = TestTracers.against(server).build()) {
            tracer.enrichSession(enrichment);
            assertThat(tracer.flush(TestTracers.WAIT)).isTrue();
        }
        RecordedRequest update = server.requests(Route.EVENTS).get(0);
        assertThat(update.body().length).as("the update's size").isLessThan(64 * 1024);
        return update.json();
    }

    @Test
    void aTenMegabyteStringIsCutAtTheValueLengthWithTheMarker() {
        JsonNode update = enrich(SessionEnrichment.builder()
                .metadata(Map.of("transcript", "x".repeat(10 * 1024 * 1024)))
                .build());

        String transcript = update.at("/metadata/transcript").asText();
        assertThat(transcript).hasSize(16 * 1024).endsWith(MARKER);
    }

    @Test
    void aMillionElementListKeepsTheValueBudgetAndAHundredThousandEntryMapToo() {
        List<Integer> million = Collections.nCopies(1_000_000, 7);
        Map<String, Integer> entries = new HashMap<>();
        for (int i = 0; i < 100_000; i++) {
            entries.put("k" + i, i);
        }
        JsonNode update = enrich(SessionEnrichment.builder()
                .outputs(Map.of("scores", million))
                .metrics(entries)
                .build());

        assertThat(update.at("/outputs/scores").size()).isEqualTo(1024);
        assertThat(update.get("metrics").size()).isEqualTo(1024);
    }

    @Test
    void nestingPastTheDepthLimitIsOneJsonStringAndANullKeyKeepsTheOtherEntries() {
        Map<String, Object> deep = new HashMap<>();
        Map<String, Object> level = deep;
        for (int i = 0; i < 20; i++) {
            Map<String, Object> next = new HashMap<>();
            level.put("level" + i, next);
            level = next;
        }
        level.put("bottom", "reached");
        Map<String, Object> withNullKey = new HashMap<>();
        withNullKey.put(null, "no key");
        withNullKey.put("kept", "yes");
        JsonNode update = enrich(SessionEnrichment.builder()
                .metadata(Map.of("deep", deep, "odd", withNullKey))
                .build());

        JsonNode node = update.at("/metadata/deep");
        int depth = 0;
        while (node.isObject()) {
            node = node.elements().next();
            depth++;
        }
        assertThat(depth).isEqualTo(8);
        assertThat(node.isTextual()).isTrue();
        assertThat(node.asText()).contains("\"bottom\":\"reached\"");
        assertThat(update.at("/metadata/odd/kept").asText()).isEqualTo("yes");
    }

    @Test
    void aSessionStartsInputsObeyTheSameLimits() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            many.add("input " + i);
        }
        try (HoneyHiveTracer tracer = TestTracers.against(server).build()) {
            tracer.createSession(SessionOptions.builder()
                    .sessionName("big")
                    .inputs(orderedInputs(many))
                    .build());
        }
        JsonNode start = server.requests(Route.SESSION_START).stream()
                .map(RecordedRequest::json)
                .filter(body -> body.at("/session/session_name").asText().equals("big"))
                .findFirst()
                .orElseThrow();
        assertThat(start.at("/session/inputs/history").size()).isEqualTo(1023);
        assertThat(start.at("/session/inputs/prompt").asText())
                .hasSize(16 * 1024)
                .endsWith(MARKER);
    }

    /** The prompt first: the history after it takes the rest of the field's budget. */
    private static Map<String, Object> orderedInputs(List<String> history) {
        Map<String, Object> inputs = new java.util.LinkedHashMap<>();
        inputs.put("prompt", "p".repeat(100_000));
        inputs.put("history", history);
        return inputs;
    }
}
