package ai.honeyhive.genai.internal;

import com.openai.core.http.AsyncStreamResponse;
import com.openai.core.http.StreamResponse;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.UnaryOperator;

/**
 * An openai-java client or service seen through a proxy: every call goes to the target; a service it returns
 * ({@code chat()}, {@code completions()}, a service's {@code withOptions(..)}) is seen through the same kind of proxy,
 * and a stream it returns ({@link StreamResponse}, {@link AsyncStreamResponse}) is handed to a hook. OpenTelemetry's
 * wrapper is built the same way.
 */
final class ServiceProxy implements InvocationHandler {

    private static final String SERVICES = "com.openai.";

    private final Object target;
    private final UnaryOperator<Object> onStream;
    private final Runnable afterCall;

    private ServiceProxy(Object target, UnaryOperator<Object> onStream, Runnable afterCall) {
        this.target = target;
        this.onStream = onStream;
        this.afterCall = afterCall;
    }

    /**
     * The proxy.
     *
     * @param afterCall run after every call, however it ended
     */
    static <T> T wrap(Class<T> type, T target, UnaryOperator<Object> onStream, Runnable afterCall) {
        return type.cast(Proxy.newProxyInstance(
                type.getClassLoader(), new Class<?>[] {type}, new ServiceProxy(target, onStream, afterCall)));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "HoneyHive(" + target + ")";
            };
        }
        try {
            return handle(method, args);
        } finally {
            afterCall.run();
        }
    }

    private Object handle(Method method, Object[] args) throws Throwable {
        Object result;
        try {
            result = method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        if (result instanceof StreamResponse<?> || result instanceof AsyncStreamResponse<?>) {
            return onStream.apply(result);
        }
        Class<?> returned = method.getReturnType();
        if (result != null
                && returned.isInterface()
                && returned.getName().startsWith(SERVICES)
                && returned.getName().contains(".services.")) {
            return wrapAs(returned, result);
        }
        return result;
    }

    private <T> T wrapAs(Class<T> type, Object service) {
        return wrap(type, type.cast(service), onStream, afterCall);
    }
}
