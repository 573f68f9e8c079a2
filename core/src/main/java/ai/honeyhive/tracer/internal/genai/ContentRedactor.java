package ai.honeyhive.tracer.internal.genai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces the matches of the configured patterns ({@code honeyhive.genai.redact.<key>}) in message text with
 * {@code [REDACTED:<key>]}, at export. The patterns are applied in the order of their names, so the result does not
 * depend on how the configuration was read.
 */
final class ContentRedactor {

    private record NamedPattern(Pattern pattern, String replacement) {}

    private final List<NamedPattern> patterns;

    ContentRedactor(Map<String, String> patterns) {
        this.patterns = new TreeMap<>(patterns)
                .entrySet().stream()
                        .map(entry -> new NamedPattern(
                                Pattern.compile(entry.getValue()),
                                Matcher.quoteReplacement("[REDACTED:" + entry.getKey() + "]")))
                        .toList();
    }

    /** Whether any pattern is configured. */
    boolean active() {
        return !patterns.isEmpty();
    }

    /** The text with every match replaced. */
    String redact(String text) {
        String redacted = text;
        for (NamedPattern named : patterns) {
            redacted = named.pattern().matcher(redacted).replaceAll(named.replacement());
        }
        return redacted;
    }

    /** A chat message with its content and its tool calls' arguments redacted; the message itself when none is set. */
    JsonNode message(JsonNode message) {
        if (!active() || !message.isObject()) {
            return message;
        }
        ObjectNode redacted = ((ObjectNode) message).deepCopy();
        JsonNode content = redacted.get("content");
        if (content != null && content.isTextual()) {
            redacted.put("content", redact(content.asText()));
        }
        for (JsonNode call : redacted.path("tool_calls")) {
            JsonNode function = call.path("function");
            if (function.isObject() && function.path("arguments").isTextual()) {
                ((ObjectNode) function)
                        .put("arguments", redact(function.get("arguments").asText()));
            }
        }
        return redacted;
    }
}
