package ai.honeyhive.examples.assistant;

import java.util.List;

/** What the assistant replies, with the documents it drew on. */
public record Answer(String text, List<String> sources) {}
