package ai.honeyhive.benchmarks;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** An interceptor that only proceeds: the container's share of a {@code @Traced} call. */
@PassThrough
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 100)
public class PassThroughInterceptor {

    @AroundInvoke
    Object proceed(InvocationContext invocation) throws Exception {
        return invocation.proceed();
    }
}
