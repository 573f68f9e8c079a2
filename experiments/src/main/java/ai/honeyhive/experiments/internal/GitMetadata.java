package ai.honeyhive.experiments.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * The git state a run records ({@code metadata.git}), read with the {@code git} command as HoneyHive's SDKs do; none
 * outside a work tree or without git. Each command is bounded, so a hanging git cannot hold the run up.
 */
public final class GitMetadata {

    private static final long COMMAND_TIMEOUT_SECONDS = 5;

    private GitMetadata() {}

    /** The commit, branch, message, author, remote and dirtiness of the work tree holding the directory; or null. */
    public static @Nullable Map<String, Object> of(Path directory) {
        if (!"true".equals(git(directory, "rev-parse", "--is-inside-work-tree"))) {
            return null;
        }
        Map<String, Object> git = new LinkedHashMap<>();
        putIfPresent(git, "commit_hash", git(directory, "rev-parse", "HEAD"));
        putIfPresent(git, "commit_hash_short", git(directory, "rev-parse", "--short", "HEAD"));
        putIfPresent(git, "branch", git(directory, "rev-parse", "--abbrev-ref", "HEAD"));
        putIfPresent(git, "commit_message", git(directory, "log", "-1", "--pretty=%B"));
        putIfPresent(git, "author_name", git(directory, "log", "-1", "--pretty=%an"));
        putIfPresent(git, "author_email", git(directory, "log", "-1", "--pretty=%ae"));
        putIfPresent(git, "remote_url", git(directory, "config", "--get", "remote.origin.url"));
        String status = git(directory, "status", "--porcelain");
        git.put("is_dirty", status != null && !status.isEmpty());
        return git;
    }

    private static void putIfPresent(Map<String, Object> git, String key, @Nullable String value) {
        if (value != null && !value.isEmpty()) {
            git.put(key, value);
        }
    }

    /** The command's output, stripped, or null when it fails, times out or git is missing. */
    private static @Nullable String git(Path directory, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            process.getOutputStream().close();
            // Read beside the wait: a long output fills the pipe, and a hanging git never closes it.
            CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> {
                try {
                    return process.getInputStream().readAllBytes();
                } catch (IOException e) {
                    return new byte[0];
                }
            });
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return null;
            }
            byte[] text = output.get(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return process.exitValue() == 0 ? new String(text, StandardCharsets.UTF_8).strip() : null;
        } catch (IOException | ExecutionException | TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
