package ai.honeyhive.it.liberty;

import ai.honeyhive.it.jakarta.Commands;
import ai.honeyhive.it.jakarta.JakartaServer;
import ai.honeyhive.it.jakarta.ServerLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Open Liberty server the build started: WARs go into its {@code dropins} directory, features into a
 * {@code configDropins} file, and its {@code messages.log} tells what became of them.
 */
final class LibertyServer implements JakartaServer {

    private static final Duration WAIT = Duration.ofSeconds(90);

    private final Path serverDir = Path.of(System.getProperty("it.liberty.server.dir"));
    private final ServerLog log = new ServerLog(serverDir.resolve("logs/messages.log"));
    private final Set<String> running = new HashSet<>();

    @Override
    public URI applicationUrl(String contextRoot) {
        return URI.create("http://localhost:" + System.getProperty("it.liberty.http.port") + "/" + contextRoot);
    }

    @Override
    public Path applicationWar() {
        return Path.of(System.getProperty("it.app.war"));
    }

    @Override
    public void deploy(Path war) throws DeploymentFailedException {
        String app = applicationName(war.getFileName().toString());
        int mark = log.mark();
        copy(war, serverDir.resolve("dropins").resolve(war.getFileName()));
        String outcome =
                await(mark, line -> mentions(line, app, "CWWKZ0001I", "CWWKZ0002E", "CWWKZ0004E", "CWWKZ0012I"));
        if (!outcome.contains("CWWKZ0001I")) {
            throw new DeploymentFailedException(log.since(mark));
        }
        running.add(app);
    }

    @Override
    public void undeploy(String warName) {
        int mark = log.mark();
        try {
            Files.delete(serverDir.resolve("dropins").resolve(warName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String app = applicationName(warName);
        if (running.remove(app)) {
            await(mark, line -> mentions(line, app, "CWWKZ0009I"));
        }
    }

    @Override
    public String log() {
        return log.all();
    }

    @Override
    public void enableServerOpenTelemetry(String collectorUrl) {
        // The endpoint is each application's configuration on Open Liberty.
        int mark = log.mark();
        write(
                serverDir.resolve("configDropins/overrides/telemetry.xml"),
                """
                <server>
                  <featureManager>
                    <feature>mpTelemetry-2.0</feature>
                  </featureManager>
                </server>
                """);
        await(mark, line -> line.contains("CWWKF0008I")); // feature update completed
    }

    @Override
    public void stop() {
        Path script = Path.of(System.getProperty("it.liberty.bin"), "server");
        Commands.run(List.of(script.toString(), "stop", serverDir.getFileName().toString()), WAIT)
                .requireSuccess();
    }

    private String await(int mark, java.util.function.Predicate<String> wanted) {
        Optional<String> line = log.awaitLine(mark, wanted, WAIT);
        return line.orElseThrow(() -> new AssertionError(
                "Open Liberty did not log what was awaited within " + WAIT + "; it logged:\n" + log.since(mark)));
    }

    private static boolean mentions(String line, String app, String... codes) {
        return line.matches(".*\\b" + app + "\\b.*") && List.of(codes).stream().anyMatch(line::contains);
    }

    private static String applicationName(String warName) {
        return warName.endsWith(".war") ? warName.substring(0, warName.length() - 4) : warName;
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            // Copied under a name the server ignores, then moved: it must never see half a WAR.
            Path partial = to.resolveSibling(to.getFileName() + ".partial");
            Files.copy(from, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
