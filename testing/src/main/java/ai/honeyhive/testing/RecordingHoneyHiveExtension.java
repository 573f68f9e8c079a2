package ai.honeyhive.testing;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit 5 extension behind {@link RecordingHoneyHive}: a recording server per test class, the tracer's
 * configuration pointed at it, the server as a parameter. Usable directly with {@code @ExtendWith} too.
 */
public final class RecordingHoneyHiveExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {

    /** The API key set for the code under test when none is configured. */
    public static final String TEST_API_KEY = "hh-test-key";

    static final String SERVER_URL = "honeyhive.server-url";
    static final String API_KEY = "honeyhive.api-key";
    static final String OTLP_ENDPOINT = "honeyhive.otlp.endpoint";
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(RecordingHoneyHiveExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        if (find(context) != null) {
            // A nested class: its enclosing class's server already runs.
            return;
        }
        RecordingHoneyHiveServer server = RecordingHoneyHiveServer.start();
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        store.put(RecordingHoneyHiveServer.class, server);
        store.put(SERVER_URL, new PreviousValue(System.setProperty(SERVER_URL, server.baseUrl())));
        if (collectorConfigured()) {
            store.put(OTLP_ENDPOINT, new PreviousValue(System.setProperty(OTLP_ENDPOINT, tracesUrl(server.baseUrl()))));
        }
        if (System.getProperty(API_KEY) == null) {
            System.setProperty(API_KEY, TEST_API_KEY);
            store.put(API_KEY, new PreviousValue(null));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        restore(SERVER_URL, store.remove(SERVER_URL, PreviousValue.class));
        restore(API_KEY, store.remove(API_KEY, PreviousValue.class));
        restore(OTLP_ENDPOINT, store.remove(OTLP_ENDPOINT, PreviousValue.class));
        RecordingHoneyHiveServer server = store.remove(RecordingHoneyHiveServer.class, RecordingHoneyHiveServer.class);
        if (server != null) {
            server.close();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server(context).reset();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RecordingHoneyHiveServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server(context);
    }

    private static RecordingHoneyHiveServer server(ExtensionContext context) {
        RecordingHoneyHiveServer server = find(context);
        if (server == null) {
            throw new IllegalStateException("No recording server: annotate the test class with @RecordingHoneyHive");
        }
        return server;
    }

    /** The server of this class or of the class it is nested in. */
    private static @Nullable RecordingHoneyHiveServer find(ExtensionContext context) {
        for (ExtensionContext current = context;
                current != null;
                current = current.getParent().orElse(null)) {
            RecordingHoneyHiveServer server =
                    current.getStore(NAMESPACE).get(RecordingHoneyHiveServer.class, RecordingHoneyHiveServer.class);
            if (server != null) {
                return server;
            }
        }
        return null;
    }

    /**
     * Whether the environment or a system property sends spans to a collector ({@code HH_OTLP_ENDPOINT}, {@code
     * honeyhive.otlp.endpoint}): then the spans are redirected to the recording server too, so tests never feed a real
     * collector. A collector configured only in a configuration file is not seen here.
     */
    static boolean collectorConfigured() {
        return System.getProperty(OTLP_ENDPOINT) != null || System.getenv("HH_OTLP_ENDPOINT") != null;
    }

    /** The recording server's OTLP traces URL, for a collector endpoint redirected to it. */
    static String tracesUrl(String baseUrl) {
        return baseUrl + Route.TRACES.path();
    }

    private static void restore(String property, @Nullable PreviousValue previous) {
        if (previous == null) {
            return;
        }
        if (previous.value() == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, previous.value());
        }
    }

    private record PreviousValue(@Nullable String value) {}
}
