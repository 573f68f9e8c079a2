package ai.honeyhive.quarkus.deployment;

import ai.honeyhive.testing.RecordingHoneyHiveServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A recording server for a QuarkusUnitTest. Such a test class is loaded twice, by JUnit and by the application's
 * class loader: the port is reserved once per JVM (in a system property) so that the configuration, written while
 * JUnit loads the class, names the server the test instance starts.
 */
final class ReservedServer {

    private final String name;
    private RecordingHoneyHiveServer server;

    ReservedServer(String name) {
        this.name = "hh.test.port." + name;
    }

    /** The URL to configure as {@code honeyhive.server-url}. */
    String url() {
        return "http://127.0.0.1:" + port();
    }

    /** The server, started on the reserved port on first use in this class loader. */
    synchronized RecordingHoneyHiveServer server() {
        if (server == null) {
            server = RecordingHoneyHiveServer.start(port());
        }
        return server;
    }

    private int port() {
        synchronized (System.class) {
            String reserved = System.getProperty(name);
            if (reserved == null) {
                reserved = String.valueOf(freePort());
                System.setProperty(name, reserved);
            }
            return Integer.parseInt(reserved);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
