package ai.honeyhive.quarkus.runtime.internal;

import ai.honeyhive.cdi.Traced;
import ai.honeyhive.cdi.internal.TracedInvocation;
import ai.honeyhive.cdi.internal.TracerRegistry;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.jspecify.annotations.Nullable;

/**
 * The interceptor behind {@link Traced @Traced} on Quarkus: the CDI extension's, with Mutiny results ending their
 * span when they terminate. Early among library interceptors, so that its span encloses what the others do.
 */
@Traced
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 100)
public class QuarkusTracedInterceptor {

    // Looked up on first use: interceptors of static methods are created at static init, before the tracers exist.
    private final Instance<TracerRegistry> registries;
    private volatile @Nullable TracerRegistry registry;

    @Inject
    QuarkusTracedInterceptor(Instance<TracerRegistry> registries) {
        this.registries = registries;
    }

    @AroundInvoke
    @Nullable
    Object trace(InvocationContext invocation) throws Exception {
        return TracedInvocation.intercept(registry(), invocation, MutinyResults.INSTANCE);
    }

    /** The tracers, or null before they exist (a static method called during static init): then untraced. */
    private @Nullable TracerRegistry registry() {
        TracerRegistry resolved = registry;
        if (resolved == null) {
            try {
                resolved = registries.get();
                registry = resolved;
            } catch (RuntimeException e) {
                return null;
            }
        }
        return resolved;
    }
}
