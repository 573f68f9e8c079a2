package ai.honeyhive.it.wildfly;

import ai.honeyhive.it.jakarta.Commands;
import ai.honeyhive.it.jakarta.JakartaServer;
import ai.honeyhive.it.jakarta.ServerLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The WildFly server the build started, managed as an administrator would: with {@code jboss-cli}, which connects to
 * a local server without a password. Its {@code server.log} tells the rest.
 */
final class WildFlyServer implements JakartaServer {

    private static final Duration WAIT = Duration.ofSeconds(120);

    private final Path home = Path.of(System.getProperty("it.wildfly.home"));
    private final ServerLog log = new ServerLog(home.resolve("standalone/log/server.log"));
    private final Set<String> running = new HashSet<>();

    @Override
    public URI applicationUrl(String contextRoot) {
        return URI.create("http://localhost:" + System.getProperty("it.wildfly.http.port") + "/" + contextRoot);
    }

    @Override
    public Path applicationWar() {
        return Path.of(System.getProperty("it.app.war"));
    }

    @Override
    public void deploy(Path war) throws DeploymentFailedException {
        Commands.Result result = cli("deploy " + war.toAbsolutePath());
        if (result.exitCode() != 0) {
            // A failed deployment is rolled back: nothing is left to undeploy.
            throw new DeploymentFailedException(result.output());
        }
        running.add(war.getFileName().toString());
    }

    @Override
    public void undeploy(String warName) {
        if (running.remove(warName)) {
            cli("undeploy " + warName).requireSuccess();
        }
    }

    @Override
    public String log() {
        return log.all();
    }

    @Override
    public void enableServerOpenTelemetry(String collectorUrl) {
        // What standalone-microprofile.xml has and standalone.xml has not, exporting to the collector (the exporter
        // appends /v1/traces).
        cli(
                        "/extension=org.wildfly.extension.opentelemetry:add",
                        "/subsystem=opentelemetry:add(endpoint=\"" + collectorUrl + "/opentelemetry\")",
                        "/extension=org.wildfly.extension.microprofile.telemetry:add",
                        "/subsystem=microprofile-telemetry:add",
                        "reload")
                .requireSuccess();
    }

    @Override
    public void stop() {
        int mark = log.mark();
        cli("shutdown").requireSuccess();
        log.awaitLine(mark, line -> line.contains("WFLYSRV0050"), WAIT) // stopped
                .orElseThrow(() -> new AssertionError("WildFly did not stop within " + WAIT));
    }

    private Commands.Result cli(String... commands) {
        try {
            Path script = Files.createTempFile("wildfly", ".cli");
            try {
                Files.write(script, List.of(commands));
                return Commands.run(
                        List.of(
                                home.resolve("bin/jboss-cli.sh").toString(),
                                "--connect",
                                "--controller=remote+http://127.0.0.1:"
                                        + System.getProperty("it.wildfly.management.port"),
                                "--file=" + script),
                        WAIT);
            } finally {
                Files.delete(script);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
