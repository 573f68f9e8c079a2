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

    // The extension is injected as a client proxy; its registry, once built, is kept to spare every call the proxy.
    private transient volatile @Nullable TracerRegistry registry;

    @AroundInvoke
    public @Nullable Object trace(InvocationContext invocation) throws Exception {
        return TracedInvocation.intercept(registry(), invocation, TracedInvocation.COMPLETION_STAGES);
    }

    private @Nullable TracerRegistry registry() {
        TracerRegistry known = registry;
        if (known != null) {
            return known;
        }
        HoneyHiveCdiExtension current = extension;
        if (current == null) {
            current = CDI.current().getBeanManager().getExtension(HoneyHiveCdiExtension.class);
            extension = current;
        }
        known = current.registry();
        registry = known;
        return known;
    }
}
