package ai.honeyhive.it.jakarta;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a server's own command-line tools ({@code server stop}, {@code jboss-cli}). */
public final class Commands {

    private Commands() {}

    /** What a finished command returned and printed (standard output and error together). */
    public record Result(List<String> command, int exitCode, String output) {

        /** This result, if the command succeeded. */
        public Result requireSuccess() {
            if (exitCode != 0) {
                throw new IllegalStateException(command + " exited with " + exitCode + ":\n" + output);
            }
            return this;
        }
    }

    /** Runs the command, with this JVM's Java, waiting up to {@code timeout} for it to exit. */
    public static Result run(List<String> command, Duration timeout) {
        try {
            // Output goes to a file, so that a talkative tool can never block on a full pipe.
            Path output = Files.createTempFile("command", ".out");
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish within " + timeout);
            }
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            Files.delete(output);
            return new Result(List.copyOf(command), process.exitValue(), printed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
