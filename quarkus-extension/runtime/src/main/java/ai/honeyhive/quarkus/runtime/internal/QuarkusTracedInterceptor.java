package ai.honeyhive.quarkus.runtime.internal;

import ai.honeyhive.cdi.Traced;
import ai.honeyhive.cdi.internal.TracedInvocation;
import ai.honeyhive.cdi.internal.TracerRegistry;
import jakarta.annotation.Priority;
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

    private final TracerRegistry registry;

    @Inject
    QuarkusTracedInterceptor(TracerRegistry registry) {
        this.registry = registry;
    }

    @AroundInvoke
    @Nullable
    Object trace(InvocationContext invocation) throws Exception {
        return TracedInvocation.intercept(registry, invocation, MutinyResults.INSTANCE);
    }
}
