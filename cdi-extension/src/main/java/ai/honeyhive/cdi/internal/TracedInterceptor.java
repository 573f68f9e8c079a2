package ai.honeyhive.cdi.internal;

import ai.honeyhive.cdi.Traced;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/**
 * The interceptor behind {@link Traced @Traced}. Registered by {@link HoneyHiveCdiExtension} and enabled by its
 * priority, early among library interceptors, so that its span encloses what other interceptors do.
 */
@Traced
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 100)
public class TracedInterceptor implements Serializable {

    private static final long serialVersionUID = 1L;

    // Transient: beans of passivating scopes may be intercepted; after deserialization it is looked up again.
    @Inject
    transient @Nullable HoneyHiveCdiExtension extension;

    @AroundInvoke
    public @Nullable Object trace(InvocationContext invocation) throws Exception {
        return TracedInvocation.intercept(registry(), invocation, TracedInvocation.COMPLETION_STAGES);
    }

    private @Nullable TracerRegistry registry() {
        HoneyHiveCdiExtension current = extension;
        if (current == null) {
            current = CDI.current().getBeanManager().getExtension(HoneyHiveCdiExtension.class);
            extension = current;
        }
        return current.registry();
    }
}
