package ai.honeyhive.tracer.internal.genai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.trace.ReadableSpan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The gen_ai log records of one model span, gathered while it is open and written onto it as GenAI 1.37 attributes
 * ({@code gen_ai.input.messages}, {@code gen_ai.output.messages}) when it is exported, so that one reader
 * ({@link ChatMessages}) serves every vintage. Bounded: a record past {@link #MAX_CHARACTERS} of message text has its
 * text cut to fit, with a marker, and once nothing fits, further records are counted, not kept.
 */
final class FoldedMessages {

    /** Beyond this much text (twice the chat history cap, which cuts it later), records are not kept. */
    static final int MAX_CHARACTERS = 2 * ModelEvents.DEFAULT_MAX_CHAT_HISTORY_LENGTH;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int ROOM_LEFT_AFTER_A_CUT = 512;
    // The message keys of a gen_ai.client.inference.operation.details record.
    private static final List<AttributeKey<String>> DETAILS_KEYS =
            List.of(GenAiKeys.INPUT_MESSAGES, GenAiKeys.OUTPUT_MESSAGES, GenAiKeys.SYSTEM_INSTRUCTIONS);

    private final ReadableSpan span;
    private final List<JsonNode> inputs = new ArrayList<>();
    private final List<JsonNode> choices = new ArrayList<>();
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
    synchronized int add(String eventName, JsonNode body, Attributes attributes, long room) {
        if (closed) {
            return -1;
        }
        int size = ChatMessages.jsonLength(body) + detailsSize(attributes);
        int fits = (int) Math.min(MAX_CHARACTERS - characters, room);
        if (size > fits) {
            // Cut with room to spare for the records after it, as the cut always left.
            body = withContentCut(body, fits - ROOM_LEFT_AFTER_A_CUT);
            if (body == null) {
                return -1;
            }
            size = ChatMessages.jsonLength(body);
        }
        characters += size;
        switch (eventName) {
            case "gen_ai.choice" -> choices.add(body);
            case "gen_ai.client.inference.operation.details" -> details.add(attributes);
            default -> inputs.add(inputMessage(eventName, body));
        }
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

    /** The attributes the records stand for: GenAI 1.37's, as a producer of that vintage writes them. */
    synchronized Attributes attributes() {
        AttributesBuilder folded = Attributes.builder();
        for (Attributes detail : details) {
            DETAILS_KEYS.forEach(key -> copy(detail, folded, key));
        }
        if (!inputs.isEmpty()) {
            ArrayNode messages = NODES.arrayNode();
            inputs.forEach(messages::add);
            folded.put(GenAiKeys.INPUT_MESSAGES, messages.toString());
        }
        if (!choices.isEmpty()) {
            ArrayNode messages = NODES.arrayNode();
            choices.stream()
                    .sorted(Comparator.comparingInt(
                            choice -> choice.path("index").asInt(0)))
                    .forEach(choice -> messages.add(outputMessage(choice)));
            folded.put(GenAiKeys.OUTPUT_MESSAGES, messages.toString());
        }
        return folded.build();
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

    /** {@code gen_ai.user.message} {@code {"content"}} and its kin, as a 1.37 message with parts. */
    private static JsonNode inputMessage(String eventName, JsonNode body) {
        String role = body.path("role").asText(roleOf(eventName));
        ObjectNode message = NODES.objectNode().put("role", role);
        ArrayNode parts = message.putArray("parts");
        if ("tool".equals(role)) {
            parts.addObject()
                    .put("type", "tool_call_response")
                    .put("id", body.path("id").asText(""))
                    .put("response", ChatMessages.text(body.get("content")));
            return message;
        }
        addParts(parts, body);
        return message;
    }

    /** {@code gen_ai.choice} {@code {"index", "finish_reason", "message": {...}}} as a 1.37 output message. */
    private static JsonNode outputMessage(JsonNode choice) {
        JsonNode body = choice.path("message");
        ObjectNode message = NODES.objectNode().put("role", body.path("role").asText("assistant"));
        addParts(message.putArray("parts"), body);
        if (choice.has("finish_reason")) {
            message.put("finish_reason", choice.get("finish_reason").asText());
        }
        return message;
    }

    private static void addParts(ArrayNode parts, JsonNode body) {
        if (body.has("content") && !body.get("content").isNull()) {
            parts.addObject().put("type", "text").put("content", ChatMessages.text(body.get("content")));
        }
        for (JsonNode call : body.path("tool_calls")) {
            JsonNode function = call.path("function");
            ObjectNode part = parts.addObject()
                    .put("type", "tool_call")
                    .put("id", call.path("id").asText(""))
                    .put("name", function.path("name").asText(""));
            JsonNode arguments = function.get("arguments");
            if (arguments != null) {
                part.set("arguments", arguments);
            }
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
