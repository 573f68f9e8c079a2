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
    private final BufferedReader output;
    private final String url;

    /** What the stand-in received: session starts, event updates ({@code PUT /events}) and OTLP trace requests. */
    record Received(long sessionStarts, long eventUpdates, long traceRequests) {}

    private LoopbackHoneyHiveProcess(Process process, BufferedReader output, String url) {
        this.process = process;
        this.output = output;
        this.url = url;
    }

    /** Starts the stand-in with this fault and waits until it listens. */
    static LoopbackHoneyHiveProcess start(LoopbackHoneyHive.Fault fault) {
        return start(fault, 0);
    }

    /** Starts the stand-in, answering every request after this delay, and waits until it listens. */
    static LoopbackHoneyHiveProcess start(LoopbackHoneyHive.Fault fault, long delayMillis) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try {
            Process process = new ProcessBuilder(
                            java,
                            "-Xmx256m",
                            "-cp",
                            System.getProperty("java.class.path"),
                            LoopbackHoneyHive.class.getName(),
                            fault.name(),
                            Long.toString(delayMillis))
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            BufferedReader output =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String url = output.readLine();
            if (url == null) {
                process.destroy();
                throw new IllegalStateException("the HoneyHive stand-in did not start");
            }
            return new LoopbackHoneyHiveProcess(process, output, url);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL to configure as the tracer's server URL. */
    String url() {
        return url;
    }

    /** Stops the stand-in and returns what it received. */
    Received stop() {
        try {
            process.getOutputStream().close();
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                if (line.startsWith(LoopbackHoneyHive.COUNTS + " ")) {
                    String[] fields = line.split(" ");
                    return new Received(
                            Long.parseLong(fields[1]), Long.parseLong(fields[2]), Long.parseLong(fields[3]));
                }
            }
            throw new IllegalStateException("the HoneyHive stand-in stopped without its counts");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            process.destroy();
        }
    }

    @Override
    public void close() {
        process.destroy();
    }
}
