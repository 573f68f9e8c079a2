package ai.honeyhive.tracer.internal.export;

import ai.honeyhive.tracer.internal.SafeJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A model event as a person reads it, for the local sink's tree and the Quarkus Dev UI: its chat history one line per
 * message, its output as one more, and its model, provider and tokens on one line.
 */
public final class ModelEventView {

    private ModelEventView() {}

    /** The chat history of the inputs ({@code chat_history}), one {@code role: text} line per message; or none. */
    public static List<String> chat(@Nullable JsonNode inputs) {
        JsonNode history = inputs == null ? null : inputs.get("chat_history");
        if (history == null || !history.isTextual() || !history.textValue().startsWith("[")) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        try {
            for (JsonNode message : SafeJson.mapper().readTree(history.textValue())) {
                String content = message.path("content").asText("");
                if (message.has("tool_calls")) {
                    content = content + (content.isEmpty() ? "" : " ") + "tool calls " + message.get("tool_calls");
                }
                lines.add(message.path("role").asText("?") + ": " + content);
            }
        } catch (IOException | RuntimeException notJson) {
            return List.of("chat_history = " + history.textValue());
        }
        return lines;
    }

    /** The output as a chat line ({@code assistant: text}) when it has a role and a text; else null. */
    public static @Nullable String reply(@Nullable JsonNode outputs) {
        if (outputs == null
                || !outputs.path("role").isTextual()
                || !outputs.path("content").isTextual()) {
            return null;
        }
        return outputs.get("role").textValue() + ": " + outputs.get("content").textValue();
    }

    /** {@code gpt-4o-mini (openai), tokens 21 in / 10 out} for a model event that names its model; else null. */
    public static @Nullable String model(JsonNode event) {
        JsonNode config = event.path("config");
        JsonNode metadata = event.path("metadata");
        if (!"model".equals(event.path("event_type").asText()) || !config.has("model")) {
            return null;
        }
        StringBuilder line = new StringBuilder(config.get("model").asText());
        if (config.has("provider")) {
            line.append(" (").append(config.get("provider").asText()).append(')');
        }
        if (metadata.has("input_tokens") || metadata.has("output_tokens")) {
            line.append(", tokens ")
                    .append(metadata.path("input_tokens").asText("?"))
                    .append(" in / ")
                    .append(metadata.path("output_tokens").asText("?"))
                    .append(" out");
        }
        return line.toString();
    }
}
