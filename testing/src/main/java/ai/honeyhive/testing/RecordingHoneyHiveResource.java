package ai.honeyhive.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A Quarkus test resource that points the application under test at a {@link RecordingHoneyHiveServer}:
 *
 * <pre>{@code
 * @QuarkusTest
 * @QuarkusTestResource(RecordingHoneyHiveResource.class)
 * class SupportResourceTest {
 *     RecordingHoneyHiveServer honeyhive = RecordingHoneyHiveResource.server();
 *
 *     @Test
 *     void eachRequestIsASession() {
 *         String session = RestAssured.get("/support/answer?q=refunds").header("X-Session-ID");
 *         honeyhive.awaitSpan(span -> session.equals(span.sessionId()), Duration.ofSeconds(20));
 *     }
 * }
 * }</pre>
 *
 * <p>The application gets {@code honeyhive.server-url} (the server's URL) and an API key, so that it sends instead of
 * running in test mode: {@value RecordingHoneyHiveExtension#TEST_API_KEY}, or the resource argument {@code api-key}
 * ({@code @QuarkusTestResource(value = RecordingHoneyHiveResource.class, initArgs = @ResourceArg(name = "api-key",
 * value = "..."))}); both win over {@code application.properties}, as test resources do. Spans sent to a collector
 * ({@code honeyhive.otlp.endpoint}) are redirected to the server as well when {@code HH_OTLP_ENDPOINT} or the system
 * property is set, or with the resource argument {@code collector=true} (for a collector set in
 * {@code application.properties}, which the resource cannot see). Quarkus reads the configuration before the test
 * instance exists, and loads the test class in a class loader of its own; so the server's port is reserved once per
 * JVM and {@link #server()} starts the server, on that port, in the caller's class loader. One server serves every
 * test class of the JVM that uses this resource; {@code server().reset()} forgets what it recorded.
 */
public class RecordingHoneyHiveResource implements QuarkusTestResourceLifecycleManager {

    private static final ReservedRecordingServer SERVER = new ReservedRecordingServer("quarkus-test-resource");

    private String apiKey = RecordingHoneyHiveExtension.TEST_API_KEY;
    private boolean redirectCollector;

    /** The recording server the application sends to, started on first use. */
    public static RecordingHoneyHiveServer server() {
        return SERVER.server();
    }

    /** The first span received that matches, waiting up to 20 seconds for it. */
    public static RecordedSpan awaitSpan(Predicate<RecordedSpan> wanted) {
        return SERVER.awaitSpan(wanted);
    }

    @Override
    public void init(Map<String, String> initArgs) {
        apiKey = initArgs.getOrDefault("api-key", RecordingHoneyHiveExtension.TEST_API_KEY);
        redirectCollector = Boolean.parseBoolean(initArgs.getOrDefault("collector", "false"));
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> overrides = new HashMap<>();
        overrides.put(RecordingHoneyHiveExtension.SERVER_URL, SERVER.url());
        overrides.put(RecordingHoneyHiveExtension.API_KEY, apiKey);
        if (redirectCollector || RecordingHoneyHiveExtension.collectorConfigured()) {
            overrides.put(
                    RecordingHoneyHiveExtension.OTLP_ENDPOINT, RecordingHoneyHiveExtension.tracesUrl(SERVER.url()));
        }
        return overrides;
    }

    @Override
    public void stop() {
        // The server lives as long as the JVM: Quarkus may start the application again for the next test class.
    }
}
