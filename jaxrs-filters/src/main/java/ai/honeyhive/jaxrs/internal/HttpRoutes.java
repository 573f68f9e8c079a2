package ai.honeyhive.jaxrs.internal;

import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/** Route templates of resource methods, and URLs fit to be recorded. */
public final class HttpRoutes {

    private HttpRoutes() {}

    /** {@code /orders/{id}} from the class's and the method's {@code @Path}, or null when unknown. */
    public static @Nullable String template(@Nullable Class<?> resourceClass, @Nullable Method resourceMethod) {
        if (resourceClass == null) {
            return null;
        }
        StringBuilder route = new StringBuilder();
        append(route, resourceClass.getAnnotation(Path.class));
        if (resourceMethod != null) {
            append(route, resourceMethod.getAnnotation(Path.class));
        }
        return route.length() == 0 ? "/" : route.toString();
    }

    private static void append(StringBuilder route, @Nullable Path path) {
        if (path == null) {
            return;
        }
        String value = path.value().strip();
        while (value.startsWith("/")) {
            value = value.substring(1);
        }
        while (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        if (!value.isEmpty()) {
            route.append('/').append(value);
        }
    }

    /** The URL without user info, query string or fragment: what a client span may record. */
    public static String withoutSecrets(URI uri) {
        StringBuilder url = new StringBuilder();
        if (uri.getScheme() != null) {
            url.append(uri.getScheme()).append("://");
        }
        if (uri.getHost() != null) {
            url.append(uri.getHost());
            if (uri.getPort() >= 0) {
                url.append(':').append(uri.getPort());
            }
        }
        if (uri.getRawPath() != null) {
            url.append(uri.getRawPath());
        }
        return url.toString();
    }
}
