package ai.honeyhive.genai.internal;

import ai.honeyhive.tracer.internal.span.AttributeFlattener;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * GenAI 1.37 messages ({@code [{"role", "parts": [...]}]}) as JSON that fits a span attribute: the SDK cuts a longer
 * value at its length limit, and a cut JSON text is no chat history any more. Past the limit, the oldest messages after
 * the leading system ones are left out, with a marker message saying how many; a message too long on its own has its
 * text cut, with a marker.
 */
public final class FittedMessages {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    // Room for the marker message and for the escapes a cut text may need.
    private static final int MARKER_ROOM = 160;

    private FittedMessages() {}

    /** The messages as JSON of at most {@code limit} characters. */
    public static String fit(ArrayNode messages, int limit) {
        String json = messages.toString();
        if (json.length() <= limit) {
            return json;
        }
        List<JsonNode> kept = new ArrayList<>();
        messages.forEach(kept::add);
        int leading = 0;
        while (leading < kept.size() - 1
                && "system".equals(kept.get(leading).path("role").asText())) {
            leading++;
        }
        List<Integer> lengths = new ArrayList<>();
        int total = 1;
        for (JsonNode message : kept) {
            int length = message.toString().length();
            lengths.add(length);
            total += length + 1;
        }
        int left = 0;
        while (kept.size() > leading + 1 && total + MARKER_ROOM > limit) {
            total -= lengths.remove(leading) + 1;
            kept.remove(leading);
            left++;
        }
        ArrayNode fitted = NODES.arrayNode();
        for (int i = 0; i < kept.size(); i++) {
            if (i == leading && left > 0) {
                fitted.add(marker("[" + left + " earlier messages left out: over " + limit + " characters]"));
            }
            fitted.add(kept.get(i));
        }
        String result = fitted.toString();
        if (result.length() > limit) {
            result = withLongestTextCut(fitted, limit);
        }
        return result.length() <= limit
                ? result
                : NODES.arrayNode()
                        .add(marker("[messages left out: over " + limit + " characters]"))
                        .toString();
    }

    /** The messages as JSON with their longest text part cut, and marked, to fit in {@code limit} if it can. */
    private static String withLongestTextCut(ArrayNode messages, int limit) {
        ObjectNode longest = null;
        for (JsonNode message : messages) {
            for (JsonNode part : message.path("parts")) {
                JsonNode content = part.path("content");
                if (content.isTextual()
                        && (longest == null
                                || content.asText().length()
                                        > longest.get("content").asText().length())) {
                    longest = (ObjectNode) part;
                }
            }
        }
        String json = messages.toString();
        if (longest == null) {
            return json;
        }
        String text = longest.get("content").asText();
        int keep = text.length() - (json.length() - limit) - AttributeFlattener.TRUNCATION_MARKER.length();
        while (true) {
            keep = Math.max(0, keep);
            longest.put("content", text.substring(0, keep) + AttributeFlattener.TRUNCATION_MARKER);
            json = messages.toString();
            if (json.length() <= limit || keep == 0) {
                return json;
            }
            // Escapes made the JSON longer than the text: cut again, by at least the marker's room.
            keep -= Math.max(MARKER_ROOM, json.length() - limit);
        }
    }

    private static ObjectNode marker(String text) {
        ObjectNode marker = NODES.objectNode().put("role", "system");
        marker.putArray("parts").addObject().put("type", "text").put("content", text);
        return marker;
    }
}
