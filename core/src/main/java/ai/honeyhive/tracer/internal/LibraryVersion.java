package ai.honeyhive.tracer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this library, as the build wrote it into {@code version.properties}. */
public final class LibraryVersion {

    /** The artifact this library is published as, sent as {@code hh-client-package}. */
    public static final String PACKAGE = "ai.honeyhive:honeyhive-tracer";

    private static final String VERSION = read();

    private LibraryVersion() {}

    /** This library's version, or {@code unknown} when run from a build that did not filter resources. */
    public static String version() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = LibraryVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "unknown");
            return version.startsWith("${") ? "unknown" : version;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
