package ai.honeyhive.tracer.internal.genai;

import ai.honeyhive.tracer.internal.span.AttributeFlattener;
import ai.honeyhive.tracer.internal.span.HoneyHiveAttributes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes HoneyHive's bucket keys on a model or tool span at export, whatever instrumentation produced it (the wire
 * contract's "Model events from LLM clients"): the chat history, the first choice's output, model, provider, request
 * settings and tokens. The producer's keys stay, except the ones that carry message text when content capture is off.
 * Never throws: a value that cannot be read is left out.
 */
public final class ModelEvents {

    /** The longest chat history JSON, in characters; cut at a message boundary, with a marker message. */
    public static final int DEFAULT_MAX_CHAT_HISTORY_LENGTH = 64 * 1024;

    // Room kept for the marker message that says how many messages were cut.
    private static final int MARKER_ROOM = 128;
    private static final String MODEL = "model";
    private static final String TOOL = "tool";
    private static final String INPUTS = HoneyHiveAttributes.INPUTS + ".";
    private static final String OUTPUTS = HoneyHiveAttributes.OUTPUTS + ".";
    private static final String CONFIG = HoneyHiveAttributes.CONFIG + ".";
    private static final String METADATA = HoneyHiveAttributes.METADATA + ".";

    private final boolean captureContent;
    private final int maxChatHistoryLength;
    private final int maxValueLength;
    private final ContentRedactor redactor;

    /**
     * @param maxValueLength the span value limit, which every key but the chat histories (capped on their own) obeys
     * @param redact the patterns whose matches in message text are redacted, by name (checked as regular expressions
     *     when the configuration was)
     */
    public ModelEvents(
            boolean captureContent, int maxChatHistoryLength, int maxValueLength, Map<String, String> redact) {
        this.captureContent = captureContent;
        this.maxChatHistoryLength = maxChatHistoryLength;
        this.maxValueLength = maxValueLength;
        this.redactor = new ContentRedactor(redact);
    }

    /**
     * Whether spans lose the keys that carry message text: with content capture off, and with redaction on, since only
     * HoneyHive's keys are redacted.
     */
    public boolean stripsContent() {
        return !captureContent || redactor.active();
    }

    /**
     * Adds the bucket keys of a span of this event type to {@code added}; nothing for other types, and nothing the
     * span (or an enrichment) has set already.
     */
    public void addBucketKeys(String eventType, SpanData span, AttributesBuilder added) {
        try {
            if (MODEL.equals(eventType)) {
                Attributes readable = readable(span);
                addModelKeys(readable, byName(readable), FoldedSpanData.of(span), added);
            } else if (TOOL.equals(eventType)) {
                Attributes readable = readable(span);
                addToolKeys(readable, byName(readable), added);
            }
        } catch (RuntimeException e) {
            // A producer's value we cannot read costs only its keys.
        }
    }

    /**
     * The span's attributes to read the bucket keys from: its own, with the prompt and completion of the older
     * vintage that writes them as span events ({@code gen_ai.content.prompt} with {@code gen_ai.prompt}, and
     * {@code gen_ai.content.completion} with {@code gen_ai.completion}) where the attributes have none. Made only
     * for model and tool spans: it copies the attributes of a span that has events.
     */
    private static Attributes readable(SpanData span) {
        Attributes own = span.getAttributes();
        if (span.getEvents().isEmpty()) {
            return own;
        }
        AttributesBuilder readable = own.toBuilder();
        for (EventData event : span.getEvents()) {
            copyFromEvent(event, GenAiKeys.CONTENT_PROMPT_EVENT, GenAiKeys.PROMPT, own, readable);
            copyFromEvent(event, GenAiKeys.CONTENT_COMPLETION_EVENT, GenAiKeys.COMPLETION, own, readable);
        }
        return readable.build();
    }

    /** The span's events as exported: without the ones that carry message text when {@link #stripsContent()}. */
    public List<EventData> exportedEvents(List<EventData> events) {
        if (!stripsContent() || events.isEmpty()) {
            return events;
        }
        return events.stream()
                .filter(event -> !event.getName().equals(GenAiKeys.CONTENT_PROMPT_EVENT)
                        && !event.getName().equals(GenAiKeys.CONTENT_COMPLETION_EVENT))
                .toList();
    }

    private static void copyFromEvent(
            EventData event, String eventName, AttributeKey<String> key, Attributes own, AttributesBuilder readable) {
        String value = event.getName().equals(eventName) ? event.getAttributes().get(key) : null;
        if (value != null && own.get(key) == null) {
            readable.put(key, value);
        }
    }

    /** Whether this key's value is message text that must not be exported with content capture off. */
    public static boolean carriesContent(AttributeKey<?> key) {
        return GenAiKeys.carriesContent(key.getKey());
    }

    private void addModelKeys(Attributes span, Map<String, Object> values, FoldedChat folded, AttributesBuilder added) {
        ArrayNode prompt = ChatMessages.prompt(span, folded);
        if (!prompt.isEmpty()) {
            putIfAbsent(values, added, INPUTS + "chat_history", chatHistory(prompt));
        }
        ArrayNode choices = ChatMessages.completion(span, folded);
        if (!choices.isEmpty()) {
            JsonNode first = choices.get(0);
            putIfAbsent(values, added, OUTPUTS + "role", first.path("role").asText("assistant"));
            if (captureContent) {
                JsonNode shown = redactor.message(first);
                putIfAbsent(
                        values,
                        added,
                        OUTPUTS + "content",
                        shown.path("content").asText(""));
                if (shown.has("tool_calls")) {
                    putIfAbsent(
                            values,
                            added,
                            OUTPUTS + "tool_calls",
                            shown.get("tool_calls").toString());
                }
            }
            if (first.has("finish_reason")) {
                putIfAbsent(
                        values,
                        added,
                        OUTPUTS + "finish_reason",
                        first.get("finish_reason").asText());
            }
            if (choices.size() > 1) {
                putIfAbsent(values, added, OUTPUTS + "chat_history", chatHistory(choices));
            }
        }
        String model = firstString(values, GenAiKeys.MODEL);
        putIfAbsent(values, added, CONFIG + "model", model);
        putIfAbsent(values, added, CONFIG + "provider", firstString(values, GenAiKeys.PROVIDER));
        addSettings(span, values, added);
        addTokens(values, added);
        putIfAbsent(values, added, METADATA + "response_id", stringValue(values, GenAiKeys.RESPONSE_ID));
        Object finishReasons = values.get(GenAiKeys.FINISH_REASONS);
        if (finishReasons instanceof List<?> reasons) {
            putIfAbsent(values, added, METADATA + "finish_reasons", String.join(",", strings(reasons)));
        } else if (finishReasons != null) {
            putIfAbsent(values, added, METADATA + "finish_reasons", String.valueOf(finishReasons));
        }
    }

    private void addToolKeys(Attributes span, Map<String, Object> values, AttributesBuilder added) {
        putIfAbsent(values, added, CONFIG + "tool_name", span.get(GenAiKeys.TOOL_NAME));
        if (!captureContent) {
            return;
        }
        String arguments = span.get(GenAiKeys.TOOL_ARGUMENTS);
        if (arguments != null) {
            JsonNode parsed = ChatMessages.parse(arguments);
            if (parsed.isObject()) {
                parsed.fields()
                        .forEachRemaining(field -> putJson(values, added, INPUTS + field.getKey(), field.getValue()));
            } else {
                putIfAbsent(values, added, INPUTS + "arguments", redactor.redact(arguments));
            }
        }
        String result = span.get(GenAiKeys.TOOL_RESULT);
        putIfAbsent(values, added, OUTPUTS + "result", result == null ? null : redactor.redact(result));
    }

    private void addSettings(Attributes span, Map<String, Object> values, AttributesBuilder added) {
        for (String setting : GenAiKeys.SETTINGS) {
            Object value = values.get(GenAiKeys.REQUEST_PREFIX + setting);
            if (value != null) {
                putValue(values, added, CONFIG + setting, value);
            }
        }
        String invocation = span.get(GenAiKeys.INVOCATION_PARAMETERS);
        if (invocation != null) {
            JsonNode parameters = ChatMessages.parse(invocation);
            if (parameters.isObject()) {
                Iterator<Map.Entry<String, JsonNode>> fields = parameters.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    if (!field.getKey().equals(MODEL)) {
                        putJson(values, added, CONFIG + field.getKey(), field.getValue());
                    }
                }
            }
        }
    }

    private static void addTokens(Map<String, Object> values, AttributesBuilder added) {
        Long input = firstLong(values, GenAiKeys.INPUT_TOKENS);
        Long output = firstLong(values, GenAiKeys.OUTPUT_TOKENS);
        Long total = firstLong(values, GenAiKeys.TOTAL_TOKENS);
        if (input != null) {
            putIfAbsent(values, added, METADATA + "input_tokens", input);
            putIfAbsent(values, added, METADATA + "prompt_tokens", input);
        }
        if (output != null) {
            putIfAbsent(values, added, METADATA + "output_tokens", output);
            putIfAbsent(values, added, METADATA + "completion_tokens", output);
        }
        if (total == null && input != null && output != null) {
            total = input + output;
        }
        if (total != null) {
            putIfAbsent(values, added, METADATA + "total_tokens", total);
        }
    }

    /**
     * The messages as JSON, content dropped when capture is off. Past the cap, the oldest messages after the leading
     * system ones are left out, with a marker message saying how many (the policy of the LangChain4j listener's
     * {@code gen_ai.input.messages}): the system prompt and the latest turns are what a reader of the event needs. What
     * is still too long then has its longest message's text cut.
     */
    private String chatHistory(ArrayNode messages) {
        List<JsonNode> shown = new ArrayList<>(messages.size());
        int length = 1;
        for (JsonNode message : messages) {
            JsonNode kept = captureContent ? redactor.message(message) : rolesOnly(message);
            shown.add(kept);
            // Measured without writing each message first; the JSON written is checked exactly below.
            length += ChatMessages.jsonLength(kept) + 1;
        }
        if (length <= maxChatHistoryLength) {
            String history = JsonNodeFactory.instance.arrayNode().addAll(shown).toString();
            if (history.length() <= maxChatHistoryLength) {
                return history;
            }
        }
        int leading = 0;
        while (leading < shown.size() - 1 && isInstruction(shown.get(leading))) {
            leading++;
        }
        int first = leading;
        while (first < shown.size() - 1 && length > maxChatHistoryLength - MARKER_ROOM) {
            length -= ChatMessages.jsonLength(shown.get(first)) + 1;
            first++;
        }
        while (true) {
            String history = joined(shown, leading, first).toString();
            if (history.length() <= maxChatHistoryLength) {
                return history;
            }
            if (first < shown.size() - 1) {
                first++;
                continue;
            }
            if (!cutLongestCuttable(shown, leading, first, history.length() - maxChatHistoryLength)) {
                // No message's text can be cut to fit: the marker alone says what was there.
                return joined(shown, 0, shown.size()).toString();
            }
        }
    }

    /**
     * Cuts the text of the longest kept message (the leading ones and those from {@code first}) that can lose
     * {@code excess} characters: a message whose content is not text (parts, tool calls only) is passed over for the
     * next longest.
     */
    private static boolean cutLongestCuttable(List<JsonNode> shown, int leading, int first, int excess) {
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            if (i < leading || i >= first) {
                kept.add(i);
            }
        }
        kept.sort(Comparator.comparingInt((Integer i) -> shown.get(i).toString().length())
                .reversed());
        for (int index : kept) {
            JsonNode message = shown.get(index);
            JsonNode cut =
                    ChatMessages.withContentCut(message, message.toString().length() - excess);
            if (cut != null) {
                shown.set(index, cut);
                return true;
            }
        }
        return false;
    }

    /** A system prompt: {@code system}, or {@code developer}, the role OpenAI's newer models give it. */
    private static boolean isInstruction(JsonNode message) {
        String role = message.path("role").asText();
        return "system".equals(role) || "developer".equals(role);
    }

    /** The leading messages, a marker for the left-out ones when there are any, and the messages from {@code first}. */
    private ArrayNode joined(List<JsonNode> shown, int leading, int first) {
        ArrayNode kept = JsonNodeFactory.instance.arrayNode();
        kept.addAll(shown.subList(0, leading));
        if (first > leading) {
            kept.add(ChatMessages.message("system")
                    .put(
                            "content",
                            "[" + (first - leading) + " earlier messages left out: over " + maxChatHistoryLength
                                    + " characters]"));
        }
        kept.addAll(shown.subList(first, shown.size()));
        return kept;
    }

    private static JsonNode rolesOnly(JsonNode message) {
        ObjectNode role = ChatMessages.message(message.path("role").asText("user"));
        if (message.has("tool_calls")) {
            ArrayNode names = role.putArray("tool_calls");
            for (JsonNode call : message.get("tool_calls")) {
                names.add(ChatMessages.toolCall(
                        call.path("id").asText(null),
                        call.path("function").path("name").asText(null),
                        null));
            }
        }
        return role;
    }

    private void putJson(Map<String, Object> values, AttributesBuilder added, String key, JsonNode value) {
        if (value.isIntegralNumber()) {
            putIfAbsent(values, added, key, value.asLong());
        } else if (value.isNumber()) {
            putValue(values, added, key, value.asDouble());
        } else if (value.isBoolean()) {
            putValue(values, added, key, value.asBoolean());
        } else if (value.isTextual()) {
            putIfAbsent(values, added, key, redactor.redact(value.asText()));
        } else if (!value.isNull()) {
            putIfAbsent(values, added, key, redactor.redact(value.toString()));
        }
    }

    @SuppressWarnings("unchecked")
    private static void putValue(Map<String, Object> values, AttributesBuilder added, String key, Object value) {
        if (has(values, key)) {
            return;
        }
        if (value instanceof Long number) {
            added.put(AttributeKey.longKey(key), number);
        } else if (value instanceof Double number) {
            added.put(AttributeKey.doubleKey(key), number);
        } else if (value instanceof Boolean bool) {
            added.put(AttributeKey.booleanKey(key), bool);
        } else if (value instanceof List<?> list) {
            added.put(AttributeKey.stringArrayKey(key), strings(list));
        } else {
            added.put(AttributeKey.stringKey(key), String.valueOf(value));
        }
    }

    private void putIfAbsent(Map<String, Object> values, AttributesBuilder added, String key, @Nullable String value) {
        if (value != null && !has(values, key)) {
            boolean chatHistory = key.endsWith(".chat_history");
            added.put(
                    AttributeKey.stringKey(key),
                    chatHistory ? value : AttributeFlattener.truncate(value, maxValueLength));
        }
    }

    private static void putIfAbsent(Map<String, Object> values, AttributesBuilder added, String key, long value) {
        if (!has(values, key)) {
            added.put(AttributeKey.longKey(key), value);
        }
    }

    private static boolean has(Map<String, Object> values, String key) {
        return values.get(key) != null;
    }

    /** The span's values by key name, looked up many times per span. */
    private static Map<String, Object> byName(Attributes span) {
        Map<String, Object> values = new HashMap<>();
        span.forEach((key, value) -> values.putIfAbsent(key.getKey(), value));
        return values;
    }

    private static @Nullable String stringValue(Map<String, Object> values, String key) {
        Object value = values.get(key);
        return value == null ? null : String.valueOf(value);
    }

    private static @Nullable String firstString(Map<String, Object> values, List<String> keys) {
        for (String key : keys) {
            String value = stringValue(values, key);
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return null;
    }

    private static @Nullable Long firstLong(Map<String, Object> values, List<String> keys) {
        for (String key : keys) {
            Object value = values.get(key);
            if (value instanceof Long number) {
                return number;
            }
            if (value instanceof Double number) {
                return number.longValue();
            }
            if (value instanceof String text) {
                try {
                    return Long.valueOf(text.trim());
                } catch (NumberFormatException e) {
                    // not a count: look further
                }
            }
        }
        return null;
    }

    private static List<String> strings(List<?> values) {
        return values.stream().map(String::valueOf).toList();
    }
}
