package ai.honeyhive.jaxrs.internal;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.Serializable;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import org.jspecify.annotations.Nullable;

/**
 * Releases the request's scope on the container thread when a resource method returns: the one point, on that
 * thread, where JAX-RS is done with it even if the request was suspended and finishes elsewhere. Runs early, so it
 * encloses {@code @Traced} on the same method.
 */
@ReleasesRequestScope
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 50)
public class ResourceMethodScopeInterceptor implements Serializable {

    private static final long serialVersionUID = 1L;

    @AroundInvoke
    public @Nullable Object release(InvocationContext invocation) throws Exception {
        if (!isResourceMethod(invocation.getMethod())) {
            return invocation.proceed();
        }
        RequestTrace trace = RequestTrace.openOnThisThread();
        try {
            return invocation.proceed();
        } finally {
            if (trace != null) {
                trace.releaseScope();
            }
        }
    }

    /** A resource method or sub-resource locator, not a helper that a resource happens to have. */
    private static boolean isResourceMethod(Method method) {
        if (method.isAnnotationPresent(Path.class)) {
            return true;
        }
        for (Annotation annotation : method.getAnnotations()) {
            if (annotation.annotationType().isAnnotationPresent(HttpMethod.class)) {
                return true;
            }
        }
        return false;
    }
}
