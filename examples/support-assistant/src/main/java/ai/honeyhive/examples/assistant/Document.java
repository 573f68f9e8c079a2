package ai.honeyhive.examples.assistant;

import java.util.Set;

/** A help-centre article the assistant can cite. */
public record Document(String title, String body, Set<String> keywords) {}
