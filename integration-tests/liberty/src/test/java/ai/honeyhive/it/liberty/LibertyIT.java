package ai.honeyhive.it.liberty;

import ai.honeyhive.it.jakarta.JakartaServer;
import ai.honeyhive.it.jakarta.JakartaServerContract;

/** The shared WAR on Open Liberty 26.0.0.3 (cdi-4.0, restfulWS-3.1, mpConfig-3.1; mpTelemetry-2.0 added live). */
class LibertyIT extends JakartaServerContract {

    @Override
    protected JakartaServer server() {
        return new LibertyServer();
    }
}
