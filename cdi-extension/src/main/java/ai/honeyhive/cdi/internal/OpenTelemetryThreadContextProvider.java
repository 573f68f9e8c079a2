package ai.honeyhive.cdi.internal;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.Map;
import org.eclipse.microprofile.context.spi.ThreadContextProvider;
import org.eclipse.microprofile.context.spi.ThreadContextSnapshot;

/**
 * Carries the OpenTelemetry context, and with it the current span and the HoneyHive session in baggage, to work
 * handed to a MicroProfile {@code ManagedExecutor} or wrapped by {@code ThreadContext}. Registered through
 * {@code META-INF/services}, so it is loaded only where the runtime has MicroProfile Context Propagation.
 */
public final class OpenTelemetryThreadContextProvider implements ThreadContextProvider {

    /** The context type, for {@code ManagedExecutor.builder().propagated(..)} and {@code cleared(..)}. */
    public static final String TYPE = "HoneyHive";

    @Override
    public ThreadContextSnapshot currentContext(Map<String, String> properties) {
        Context captured = Context.current();
        return () -> {
            Scope scope = captured.makeCurrent();
            return scope::close;
        };
    }

    @Override
    public ThreadContextSnapshot clearedContext(Map<String, String> properties) {
        return () -> {
            Scope scope = Context.root().makeCurrent();
            return scope::close;
        };
    }

    @Override
    public String getThreadContextType() {
        return TYPE;
    }
}
