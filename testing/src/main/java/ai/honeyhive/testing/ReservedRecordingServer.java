package ai.honeyhive.testing;

import java.time.Duration;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A recording server for Quarkus tests. Quarkus loads a test class twice (by JUnit and by the application's class
 * loader), and reads configuration before the test instance exists: the port is reserved once per JVM under a
 * system property, so that the {@code honeyhive.server-url} written early names the server the test instance
 * starts later, in its own class loader.
 */
public final class ReservedRecordingServer {

    private final String property;
    private @Nullable RecordingHoneyHiveServer server;

    /** A server known by this name throughout the JVM. */
    public ReservedRecordingServer(String name) {
        this.property = "hh.test.port." + name;
    }

    /** The URL to configure as {@code honeyhive.server-url}. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /** The server, started on the reserved port on first use in this class loader. */
    public synchronized RecordingHoneyHiveServer server() {
        if (server == null) {
            server = RecordingHoneyHiveServer.start(port());
        }
        return server;
    }

    /** The first span received that matches, waiting up to 20 seconds for it. */
    public RecordedSpan awaitSpan(Predicate<RecordedSpan> wanted) {
        return server().awaitSpan(wanted, Duration.ofSeconds(20));
    }

    private int port() {
        synchronized (System.class) {
            String reserved = System.getProperty(property);
            if (reserved == null) {
                reserved = String.valueOf(RecordingHoneyHiveServer.freePort());
                System.setProperty(property, reserved);
            }
            return Integer.parseInt(reserved);
        }
    }
}
