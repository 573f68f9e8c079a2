package ai.honeyhive.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A {@link LoopbackHoneyHive} in a JVM of its own, so that its request handling, threads and garbage are not
 * counted as the tracer's: what the benchmarks measure is the application's JVM alone (the two still share the
 * machine's cores).
 */
final class LoopbackHoneyHiveProcess implements AutoCloseable {

    private final Process process;
    private final String url;

    private LoopbackHoneyHiveProcess(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    /** Starts the stand-in with this fault and waits until it listens. */
    static LoopbackHoneyHiveProcess start(LoopbackHoneyHive.Fault fault) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try {
            Process process = new ProcessBuilder(
                            java,
                            "-Xmx256m",
                            "-cp",
                            System.getProperty("java.class.path"),
                            LoopbackHoneyHive.class.getName(),
                            fault.name())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            String url = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            if (url == null) {
                process.destroy();
                throw new IllegalStateException("the HoneyHive stand-in did not start");
            }
            return new LoopbackHoneyHiveProcess(process, url);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL to configure as the tracer's server URL. */
    String url() {
        return url;
    }

    @Override
    public void close() {
        process.destroy();
    }
}
