package ai.honeyhive.it.quarkus.otel;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points the application at a loopback stand-in for the OpenAI API before it starts. */
public class StubOpenAiResource implements QuarkusTestResourceLifecycleManager {

    private HttpServer openAi;

    @Override
    public Map<String, String> start() {
        openAi = StubOpenAi.start();
        return Map.of(
                "quarkus.langchain4j.openai.base-url",
                "http://127.0.0.1:" + openAi.getAddress().getPort() + "/v1");
    }

    @Override
    public void stop() {
        if (openAi != null) {
            openAi.stop(0);
        }
    }
}
