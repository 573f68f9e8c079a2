package ai.honeyhive.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.weld.environment.se.Weld;
import org.junit.jupiter.api.Test;

/**
 * A Weld SE application with the extension and no MicroProfile Config implementation (SmallRye Config left off the
 * class path of a JVM of its own) fails to start with an error that names HoneyHive and the fix, not the API's
 * "No ConfigProviderResolver implementation found!" alone.
 */
class MissingConfigImplementationIT {

    @Test
    void startingWithoutAConfigImplementationNamesHoneyHiveAndTheFix() throws Exception {
        String classPath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).getFileName().toString().startsWith("smallrye-config"))
                .collect(Collectors.joining(File.pathSeparator));
        Process weld = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        classPath,
                        StartWeld.class.getName())
                .redirectErrorStream(true)
                .start();
        String output = new String(weld.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(weld.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(weld.exitValue()).as(output).isEqualTo(3);
        assertThat(output)
                .contains("HoneyHive reads its configuration (honeyhive.* keys) through MicroProfile Config")
                .contains("io.smallrye.config:smallrye-config");
    }

    /** The application: Weld SE with bean discovery, as a user starts it. */
    public static final class StartWeld {
        public static void main(String[] args) {
            try (var container = new Weld().initialize()) {
                System.exit(0);
            } catch (RuntimeException e) {
                e.printStackTrace();
                System.exit(3);
            }
        }
    }
}
