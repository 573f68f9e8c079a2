package ai.honeyhive.quarkus.runtime.internal;

import io.opentelemetry.context.ContextStorage;
import io.quarkus.runtime.annotations.Recorder;
import org.jboss.logging.Logger;

/** Makes the OpenTelemetry context follow Quarkus requests across threads; recorded at static init. */
@Recorder
public class ContextStorageRecorder {

    private static final Logger logger = Logger.getLogger(ContextStorageRecorder.class);

    /**
     * Wraps the context storage so that a request's context lives in its Vert.x duplicated context. Recorded at
     * static init, before anything uses a context; {@code quarkus-opentelemetry}, when present, does this itself.
     */
    public void followRequestsAcrossThreads() {
        ContextStorage.addWrapper(VertxContextStorage::new);
        if (!(ContextStorage.get() instanceof VertxContextStorage)) {
            // Something used a context before the application started, so the wrapper came too late.
            logger.warn("The OpenTelemetry context storage was set up before HoneyHive could make it follow Quarkus"
                    + " requests: HoneyHive sessions may not follow a request from one thread to another");
        }
    }
}
