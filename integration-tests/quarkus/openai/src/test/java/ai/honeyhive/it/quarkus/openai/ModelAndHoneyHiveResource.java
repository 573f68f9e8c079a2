package ai.honeyhive.it.quarkus.openai;

import ai.honeyhive.testing.OpenAiStandIn;
import ai.honeyhive.testing.ReservedRecordingServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points the application at the recording server and at an OpenAI-compatible stand-in before it starts. */
public class ModelAndHoneyHiveResource implements QuarkusTestResourceLifecycleManager {

    static final ReservedRecordingServer HONEYHIVE = new ReservedRecordingServer("quarkus-openai-it");

    private OpenAiStandIn openAi;

    @Override
    public Map<String, String> start() {
        openAi = OpenAiStandIn.start();
        return Map.of("honeyhive.server-url", HONEYHIVE.url(), "advisor.openai.base-url", openAi.baseUrl());
    }

    @Override
    public void stop() {
        openAi.close();
    }
}
