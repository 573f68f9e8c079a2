package ai.honeyhive.it.quarkus.otel;

import ai.honeyhive.testing.ReservedRecordingServer;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points the application at the recording server (which the tests start on the reserved port) and at a loopback
 * stand-in for the OpenAI API, before it starts.
 */
public class RecordingServerResource implements QuarkusTestResourceLifecycleManager {

    static final ReservedRecordingServer HONEYHIVE = new ReservedRecordingServer("quarkus-otel-it");

    private HttpServer openAi;

    @Override
    public Map<String, String> start() {
        openAi = StubOpenAi.start();
        return Map.of(
                "honeyhive.server-url",
                HONEYHIVE.url(),
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
