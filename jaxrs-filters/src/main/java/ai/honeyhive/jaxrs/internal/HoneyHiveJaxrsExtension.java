package ai.honeyhive.jaxrs.internal;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.ws.rs.Path;

/**
 * Binds {@link ResourceMethodScopeInterceptor} to every resource class that is a CDI bean, so that a request's
 * context never outlives its resource method on the container thread.
 */
public class HoneyHiveJaxrsExtension implements Extension {

    void registerInterceptor(@Observes BeforeBeanDiscovery discovery, BeanManager beanManager) {
        discovery.addAnnotatedType(
                beanManager.createAnnotatedType(ResourceMethodScopeInterceptor.class),
                ResourceMethodScopeInterceptor.class.getName());
    }

    <T> void bindResources(@Observes @WithAnnotations(Path.class) ProcessAnnotatedType<T> event) {
        if (event.getAnnotatedType().isAnnotationPresent(Path.class)) {
            event.configureAnnotatedType().add(ReleasesRequestScope.Literal.INSTANCE);
        }
    }
}
