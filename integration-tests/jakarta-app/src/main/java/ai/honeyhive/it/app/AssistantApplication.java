package ai.honeyhive.it.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** No classes listed: the server discovers the resources and the tracer's {@code @Provider} filter. */
@ApplicationPath("/api")
public class AssistantApplication extends Application {}
