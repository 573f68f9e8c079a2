package ai.honeyhive.tracer.internal.genai;

import ai.honeyhive.tracer.internal.SafeJson;
import ai.honeyhive.tracer.internal.span.AttributeFlattener;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The prompt and completion messages of a model span, read from whichever vintage of keys its producer wrote, as
 * HoneyHive's chat messages: {@code {"role", "content", "tool_calls"?, "tool_call_id"?, "name"?}}, the tool calls as
 * {@code [{"id", "type": "function", "function": {"name", "arguments"}}]}. Malformed values are skipped, never thrown.
 */
final class ChatMessages {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern INDEXED = Pattern.compile(
            "^(gen_ai\\.(?:prompt|completion)|llm\\.(?:input|output)_messages)\\.(\\d+)\\.(?:message\\.)?(.+)$");

    /** The least message text worth keeping when a message is cut to fit. */
    static final int MIN_KEPT_CHARACTERS = 256;
    // The quotes and escapes of the cut text's JSON.
    private static final int ESCAPING_ROOM = 16;
    private static final Pattern TOOL_CALL =
            Pattern.compile("^tool_calls\\.(\\d+)\\.(?:tool_call\\.)?(?:function\\.)?(id|name|arguments)$");

    private ChatMessages() {}

    /**
     * The prompt: GenAI 1.37+ JSON, else the span's folded log records, else indexed Traceloop or OpenInference keys,
     * else a plain prompt text.
     */
    static ArrayNode prompt(Attributes attributes, FoldedChat folded) {
        ArrayNode messages = NODES.arrayNode();
        String instructions = attributes.get(GenAiKeys.SYSTEM_INSTRUCTIONS);
        if (instructions != null) {
            ObjectNode system = message("system");
            system.put("content", text(parse(instructions)));
            messages.add(system);
        }
        String semconv = attributes.get(GenAiKeys.INPUT_MESSAGES);
        if (semconv != null) {
            JsonNode parsed = parse(semconv);
            if (parsed.isArray()) {
                addSemconv(messages, parsed);
            } else {
                // Not JSON any more (a span limit may have cut it): shown as it is, not lost.
                messages.add(message("user").put("content", "[unparsed gen_ai.input.messages] " + semconv));
            }
            return messages;
        }
        if (!folded.prompt().isEmpty()) {
            return messages.addAll(folded.prompt());
        }
        if (addIndexed(messages, attributes, "gen_ai.prompt", "llm.input_messages")) {
            return messages;
        }
        String plain = firstOf(attributes, GenAiKeys.PROMPT, GenAiKeys.CONTENT_PROMPT);
        if (plain != null) {
            JsonNode parsed = parse(plain);
            if (parsed.isArray()) {
                addPlainMessages(messages, parsed);
            } else {
                messages.add(message("user").put("content", plain));
            }
        }
        return messages;
    }

    /** The completion's choices, in the same vintages; each with its {@code finish_reason} where known. */
    static ArrayNode completion(Attributes attributes, FoldedChat folded) {
        ArrayNode choices = NODES.arrayNode();
        String semconv = attributes.get(GenAiKeys.OUTPUT_MESSAGES);
        if (semconv != null) {
            addSemconv(choices, parse(semconv));
            return choices;
        }
        if (!folded.completion().isEmpty()) {
            return choices.addAll(folded.completion());
        }
        if (addIndexed(choices, attributes, "gen_ai.completion", "llm.output_messages")) {
            return choices;
        }
        String plain = firstOf(attributes, GenAiKeys.COMPLETION, GenAiKeys.CONTENT_COMPLETION);
        if (plain != null) {
            choices.add(message("assistant").put("content", plain));
        }
        return choices;
    }

    /** GenAI 1.37+: {@code [{"role", "parts": [{"type": "text" | "tool_call" | "tool_call_response", ...}]}]}. */
    private static void addSemconv(ArrayNode messages, JsonNode parsed) {
        if (!parsed.isArray()) {
            return;
        }
        for (JsonNode entry : parsed) {
            if (!entry.isObject()) {
                continue;
            }
            ObjectNode message = message(entry.path("role").asText("user"));
            StringBuilder content = new StringBuilder();
            ArrayNode toolCalls = NODES.arrayNode();
            for (JsonNode part : entry.path("parts")) {
                switch (part.path("type").asText("text")) {
                    case "tool_call" ->
                        toolCalls.add(toolCall(
                                part.path("id").asText(null),
                                part.path("name").asText(null),
                                argumentsText(part.get("arguments"))));
                    case "tool_call_response" -> {
                        message.put("tool_call_id", part.path("id").asText(null));
                        content.append(text(part.get("response")));
                    }
                    case "text" -> content.append(text(part.get("content")));
                    default -> {
                        // blob, file, uri, reasoning: not text to show in a chat history
                    }
                }
            }
            message.put("content", content.toString());
            if (!toolCalls.isEmpty()) {
                message.set("tool_calls", toolCalls);
            }
            copyText(entry, message, "name");
            copyText(entry, message, "finish_reason");
            messages.add(message);
        }
    }

    /** Traceloop's {@code gen_ai.prompt.N.*} or OpenInference's {@code llm.input_messages.N.message.*}. */
    private static boolean addIndexed(
            ArrayNode messages, Attributes attributes, String traceloop, String openInference) {
        Map<Integer, Map<String, Object>> byIndex = new TreeMap<>();
        attributes.forEach((key, value) -> {
            Matcher matcher = INDEXED.matcher(key.getKey());
            if (matcher.matches()
                    && (matcher.group(1).equals(traceloop) || matcher.group(1).equals(openInference))) {
                byIndex.computeIfAbsent(Integer.valueOf(matcher.group(2)), index -> new TreeMap<>())
                        .put(matcher.group(3), value);
            }
        });
        for (Map<String, Object> fields : byIndex.values()) {
            ObjectNode message = message(String.valueOf(fields.getOrDefault("role", "user")));
            Object content = fields.get("content");
            message.put("content", content == null ? "" : String.valueOf(content));
            ArrayNode toolCalls = indexedToolCalls(fields);
            if (!toolCalls.isEmpty()) {
                message.set("tool_calls", toolCalls);
            }
            putIfPresent(message, "tool_call_id", fields.get("tool_call_id"));
            putIfPresent(message, "name", fields.get("name"));
            putIfPresent(message, "finish_reason", fields.get("finish_reason"));
            messages.add(message);
        }
        return !byIndex.isEmpty();
    }

    /** {@code tool_calls.M.id / .name / .arguments}, or OpenInference's {@code tool_calls.M.tool_call.function.*}. */
    private static ArrayNode indexedToolCalls(Map<String, Object> fields) {
        Map<Integer, Map<String, Object>> calls = new TreeMap<>();
        fields.forEach((key, value) -> {
            Matcher matcher = TOOL_CALL.matcher(key);
            if (matcher.matches()) {
                calls.computeIfAbsent(Integer.valueOf(matcher.group(1)), index -> new TreeMap<>())
                        .put(matcher.group(2), value);
            }
        });
        ArrayNode toolCalls = NODES.arrayNode();
        for (Map<String, Object> parts : calls.values()) {
            toolCalls.add(toolCall(
                    stringOrNull(parts.get("id")),
                    stringOrNull(parts.get("name")),
                    stringOrNull(parts.get("arguments"))));
        }
        return toolCalls;
    }

    /** A JSON array of already plain messages ({@code [{"role", "content"}]}), as some producers write it. */
    private static void addPlainMessages(ArrayNode messages, JsonNode parsed) {
        for (JsonNode entry : parsed) {
            if (entry.isObject()) {
                ObjectNode message = message(entry.path("role").asText("user"));
                message.put("content", text(entry.get("content")));
                if (entry.path("tool_calls").isArray()) {
                    message.set("tool_calls", entry.get("tool_calls"));
                }
                copyText(entry, message, "tool_call_id");
                copyText(entry, message, "name");
                messages.add(message);
            }
        }
    }

    static ObjectNode toolCall(@Nullable String id, @Nullable String name, @Nullable String arguments) {
        ObjectNode call = NODES.objectNode();
        if (id != null) {
            call.put("id", id);
        }
        call.put("type", "function");
        ObjectNode function = call.putObject("function");
        if (name != null) {
            function.put("name", name);
        }
        function.put("arguments", arguments == null ? "" : arguments);
        return call;
    }

    /**
     * The message with its {@code content} text cut, and marked as cut, so that its JSON fits in {@code room}
     * characters; null when less than {@value #MIN_KEPT_CHARACTERS} characters of text would be left, or the message
     * has no text content.
     */
    static @Nullable ObjectNode withContentCut(JsonNode message, int room) {
        JsonNode content = message.get("content");
        if (!message.isObject() || content == null || !content.isTextual()) {
            return null;
        }
        int overhead = message.toString().length() - content.toString().length();
        int keep = room - overhead - AttributeFlattener.TRUNCATION_MARKER.length() - ESCAPING_ROOM;
        if (keep < MIN_KEPT_CHARACTERS) {
            return null;
        }
        // Cut by characters, then by the JSON that escaping may lengthen, until it fits.
        String text = content.asText();
        ObjectNode cut = ((ObjectNode) message).deepCopy();
        int length = Math.min(text.length(), keep);
        do {
            cut.put("content", text.substring(0, length) + AttributeFlattener.TRUNCATION_MARKER);
            length = length * 3 / 4;
        } while (cut.toString().length() > room && length >= MIN_KEPT_CHARACTERS);
        return cut.toString().length() > room ? null : cut;
    }

    /**
     * About the length of the value as JSON (escapes aside), without writing it: the fold measures every record on
     * the application's thread.
     */
    static int jsonLength(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue().length() + 2;
        }
        if (node.isContainerNode()) {
            int length = 2;
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                length += field.getKey().length() + 4 + jsonLength(field.getValue());
            }
            for (int i = 0; node.isArray() && i < node.size(); i++) {
                length += 1 + jsonLength(node.get(i));
            }
            return length;
        }
        return node.isNull() ? 4 : node.asText().length();
    }

    static ObjectNode message(String role) {
        return NODES.objectNode().put("role", role);
    }

    /** The text of a content value: a string as it is, text parts joined, anything else as JSON. */
    static String text(@Nullable JsonNode content) {
        if (content == null || content.isNull() || content.isMissingNode()) {
            return "";
        }
        if (content.isTextual()) {
            return content.asText();
        }
        if (content.isArray()) {
            List<String> texts = new ArrayList<>();
            for (JsonNode part : content) {
                texts.add(part.isObject() && part.has("content") ? text(part.get("content")) : text(part));
            }
            return String.join("", texts);
        }
        if (content.isObject() && content.has("text")) {
            return text(content.get("text"));
        }
        return content.toString();
    }

    /** Parses JSON; text that is not JSON stays a text node. */
    static JsonNode parse(String json) {
        try {
            return SafeJson.mapper().readTree(json);
        } catch (Exception e) {
            return NODES.textNode(json);
        }
    }

    private static @Nullable String argumentsText(@Nullable JsonNode arguments) {
        if (arguments == null || arguments.isNull()) {
            return null;
        }
        return arguments.isTextual() ? arguments.asText() : arguments.toString();
    }

    private static void copyText(JsonNode from, ObjectNode to, String field) {
        JsonNode value = from.get(field);
        if (value != null && value.isValueNode() && !value.isNull()) {
            to.put(field, value.asText());
        }
    }

    private static void putIfPresent(ObjectNode message, String field, @Nullable Object value) {
        if (value != null) {
            message.put(field, String.valueOf(value));
        }
    }

    private static @Nullable String stringOrNull(@Nullable Object value) {
        return value == null ? null : String.valueOf(value);
    }

    @SafeVarargs
    private static @Nullable String firstOf(Attributes attributes, AttributeKey<String>... keys) {
        for (AttributeKey<String> key : keys) {
            String value = attributes.get(key);
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
