package ai.honeyhive.it.jakarta;

import java.net.URI;
import java.nio.file.Path;

/**
 * What the contract needs from a running server beyond HTTP. Each server module implements it with the server's
 * own tools (Open Liberty's dropins and {@code server} script, WildFly's CLI), never through our code.
 */
public interface JakartaServer {

    /** The root URL of a deployed application, such as {@code http://localhost:9080/honeyhive-it-app}. */
    URI applicationUrl(String contextRoot);

    /** The WAR that the build deployed: the tests derive their other deployments from it. */
    Path applicationWar();

    /**
     * Deploys a WAR under its file name, returning once it serves requests.
     *
     * @throws DeploymentFailedException with the server's own account of why, if the deployment failed
     */
    void deploy(Path war) throws DeploymentFailedException;

    /** Undeploys what {@link #deploy} deployed under this file name, returning once it has stopped (if it ran). */
    void undeploy(String warName);

    /** Everything the server has logged since it started. */
    String log();

    /**
     * Turns on the server's own OpenTelemetry (an Open Liberty feature, WildFly's subsystems), as an administrator
     * would, returning once the server runs with it. Applications still opt in with {@code otel.sdk.disabled=false}.
     *
     * @param collectorUrl where the server exports OTLP over HTTP, where that is server configuration
     */
    void enableServerOpenTelemetry(String collectorUrl);

    /** Stops the server, returning once its process has ended. */
    void stop();

    /** A deployment the server refused. */
    final class DeploymentFailedException extends Exception {
        private static final long serialVersionUID = 1L;

        public DeploymentFailedException(String serverMessage) {
            super(serverMessage);
        }
    }
}
