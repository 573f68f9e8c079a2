package ai.honeyhive.it.bomonly;

import ai.honeyhive.testing.ReservedRecordingServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points the application at the recording server before it starts. */
public class RecordingServerResource implements QuarkusTestResourceLifecycleManager {

    static final ReservedRecordingServer HONEYHIVE = new ReservedRecordingServer("bom-only-it");

    @Override
    public Map<String, String> start() {
        return Map.of("honeyhive.server-url", HONEYHIVE.url());
    }

    @Override
    public void stop() {}
}
