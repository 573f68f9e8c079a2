package ai.honeyhive.it.jakarta;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;

/** A server's log file, read as it grows: a mark, then the lines written after it. */
public final class ServerLog {

    private final Path file;

    public ServerLog(Path file) {
        this.file = file;
    }

    /** Everything written so far. */
    public String all() {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A position in the log: {@link #since} returns what was written after it. */
    public int mark() {
        return all().length();
    }

    /** What was written after the mark. */
    public String since(int mark) {
        String all = all();
        return mark <= all.length() ? all.substring(mark) : all;
    }

    /** The first line written after the mark that matches, waiting up to {@code timeout} for it. */
    public Optional<String> awaitLine(int mark, Predicate<String> wanted, Duration timeout) {
        return Poll.until(
                () -> Arrays.stream(since(mark).split("\\R")).filter(wanted).findFirst(), timeout);
    }
}
