package ai.honeyhive.tracer.internal.genai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.sdk.trace.ReadableSpan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The gen_ai log records of one model span, held while it is open and handed to the export with it as HoneyHive's
 * chat messages ({@link FoldedChat}). On the application's thread a record is only measured and kept as it came; it is
 * read at export. Bounded: a record past {@link #MAX_CHARACTERS} of message text has its text cut to fit, with a
 * marker, and once nothing fits, further records are counted, not kept.
 */
final class FoldedMessages {

    /** Beyond this much text (twice the chat history cap, which cuts it later), records are not kept. */
    static final int MAX_CHARACTERS = 2 * ModelEvents.DEFAULT_MAX_CHAT_HISTORY_LENGTH;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int ROOM_LEFT_AFTER_A_CUT = 512;
    private static final String CHOICE = "gen_ai.choice";
    private static final String DETAILS = "gen_ai.client.inference.operation.details";
    // The message keys of a gen_ai.client.inference.operation.details record.
    private static final List<AttributeKey<String>> DETAILS_KEYS =
            List.of(GenAiKeys.INPUT_MESSAGES, GenAiKeys.OUTPUT_MESSAGES, GenAiKeys.SYSTEM_INSTRUCTIONS);

    /** A record as it came, or, for one that had to be cut, its body as cut JSON. */
    private record Held(String eventName, @Nullable Value<?> body, @Nullable JsonNode cutBody) {

        JsonNode json() {
            return cutBody != null ? cutBody : LogValues.toJson(body);
        }
    }

    private final ReadableSpan span;
    private final List<Held> records = new ArrayList<>();
    private final List<Attributes> details = new ArrayList<>();
    private int characters;

    private boolean closed;

    FoldedMessages(ReadableSpan span) {
        this.span = span;
    }

    /** Whether the span these records belong to has ended, so that none can be added any more. */
    boolean spanEnded() {
        return span.hasEnded();
    }

    /** Takes no more records: the span has ended and been handed on. */
    synchronized void close() {
        closed = true;
    }

    /** The characters of message text held. */
    synchronized int characters() {
        return characters;
    }

    /**
     * Adds one record.
     *
     * @param room the characters all spans' records may still take
     * @return the characters it added, or -1 if it was not kept, for the bounds or because the span was handed on
     */
    synchronized int add(String eventName, @Nullable Value<?> body, Attributes attributes, long room) {
        if (closed) {
            return -1;
        }
        if (eventName.equals(DETAILS)) {
            int size = detailsSize(attributes);
            if (size > Math.min(MAX_CHARACTERS - characters, room)) {
                return -1;
            }
            characters += size;
            details.add(attributes);
            return size;
        }
        int size = LogValues.jsonLength(body);
        int fits = (int) Math.min(MAX_CHARACTERS - characters, room);
        Held held = new Held(eventName, body, null);
        if (size > fits) {
            // Cut with room to spare for the records after it, as the cut always left.
            JsonNode cut = withContentCut(LogValues.toJson(body), fits - ROOM_LEFT_AFTER_A_CUT);
            if (cut == null) {
                return -1;
            }
            held = new Held(eventName, null, cut);
            size = ChatMessages.jsonLength(cut);
        }
        characters += size;
        records.add(held);
        return size;
    }

    private static int detailsSize(Attributes attributes) {
        int size = 0;
        for (AttributeKey<String> key : DETAILS_KEYS) {
            String value = attributes.get(key);
            size += value == null ? 0 : value.length();
        }
        return size;
    }

    /** The records as HoneyHive's chat messages: the prompt in order, the choices by index. */
    synchronized FoldedChat chat() {
        AttributesBuilder detailKeys = Attributes.builder();
        for (Attributes detail : details) {
            DETAILS_KEYS.forEach(key -> copy(detail, detailKeys, key));
        }
        ArrayNode prompt = NODES.arrayNode();
        List<JsonNode> choices = new ArrayList<>();
        for (Held record : records) {
            if (record.eventName().equals(CHOICE)) {
                choices.add(record.json());
            } else {
                prompt.add(inputMessage(record.eventName(), record.json()));
            }
        }
        ArrayNode completion = NODES.arrayNode();
        choices.stream()
                .sorted(Comparator.comparingInt(choice -> choice.path("index").asInt(0)))
                .map(FoldedMessages::outputMessage)
                .forEach(completion::add);
        return new FoldedChat(detailKeys.build(), prompt, completion);
    }

    /**
     * The record with its message text cut to fit the room left, marked as cut; null when too little room is left
     * for a message worth keeping, or the record has no text to cut.
     */
    private static @Nullable JsonNode withContentCut(JsonNode body, int room) {
        if (!body.isObject()) {
            return null;
        }
        JsonNode message = body.path("message");
        if (!message.isObject()) {
            return ChatMessages.withContentCut(body, room);
        }
        // A choice: its message's text is cut, in the room the rest of the choice leaves.
        int around = body.toString().length() - message.toString().length();
        ObjectNode cutMessage = ChatMessages.withContentCut(message, room - around);
        if (cutMessage == null) {
            return null;
        }
        ObjectNode cut = ((ObjectNode) body).deepCopy();
        cut.set("message", cutMessage);
        return cut;
    }

    /** {@code gen_ai.user.message} {@code {"content"}} and its kin, as a chat message. */
    private static JsonNode inputMessage(String eventName, JsonNode body) {
        ObjectNode message = ChatMessages.message(body.path("role").asText(roleOf(eventName)));
        message.put("content", ChatMessages.text(body.get("content")));
        addToolCalls(message, body);
        if (body.hasNonNull("id") && "tool".equals(message.get("role").asText())) {
            message.put("tool_call_id", body.get("id").asText());
        }
        return message;
    }

    /** {@code gen_ai.choice} {@code {"index", "finish_reason", "message": {...}}} as a chat message. */
    private static JsonNode outputMessage(JsonNode choice) {
        JsonNode body = choice.path("message");
        ObjectNode message = ChatMessages.message(body.path("role").asText("assistant"));
        message.put("content", ChatMessages.text(body.get("content")));
        addToolCalls(message, body);
        if (choice.hasNonNull("finish_reason")) {
            message.put("finish_reason", choice.get("finish_reason").asText());
        }
        return message;
    }

    private static void addToolCalls(ObjectNode message, JsonNode body) {
        ArrayNode toolCalls = NODES.arrayNode();
        for (JsonNode call : body.path("tool_calls")) {
            JsonNode function = call.path("function");
            JsonNode arguments = function.get("arguments");
            toolCalls.add(ChatMessages.toolCall(
                    call.path("id").asText(null),
                    function.path("name").asText(null),
                    arguments == null || arguments.isNull()
                            ? null
                            : arguments.isTextual() ? arguments.asText() : arguments.toString()));
        }
        if (!toolCalls.isEmpty()) {
            message.set("tool_calls", toolCalls);
        }
    }

    private static String roleOf(String eventName) {
        return switch (eventName) {
            case "gen_ai.system.message" -> "system";
            case "gen_ai.assistant.message" -> "assistant";
            case "gen_ai.tool.message" -> "tool";
            default -> "user";
        };
    }

    private static void copy(Attributes from, AttributesBuilder to, AttributeKey<String> key) {
        String value = from.get(key);
        if (value != null) {
            to.put(key, value);
        }
    }
}
