package ai.honeyhive.it.quarkus.otel;

import io.quarkiverse.langchain4j.RegisterAiService;

@RegisterAiService
public interface SupportBot {
    String chat(String question);
}
