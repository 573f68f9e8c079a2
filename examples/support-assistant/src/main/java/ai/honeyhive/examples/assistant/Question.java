package ai.honeyhive.examples.assistant;

/** What a customer asks. */
public record Question(String customer, String text) {}
