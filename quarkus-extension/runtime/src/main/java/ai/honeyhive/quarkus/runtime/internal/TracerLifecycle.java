package ai.honeyhive.quarkus.runtime.internal;

import ai.honeyhive.cdi.internal.TracerRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/** Flushes and closes the tracers when the application stops, while beans can still be used. */
@Singleton
public class TracerLifecycle {

    void flushAndClose(@Observes ShutdownEvent shutdown, TracerRegistry registry) {
        registry.closeAll();
    }
}
