package ai.honeyhive.examples.assistant;

/** What the model returns: the text and the token counts a real client reports. */
public record Completion(String text, int inputTokens, int outputTokens) {}
