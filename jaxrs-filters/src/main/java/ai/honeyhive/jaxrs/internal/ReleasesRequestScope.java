package ai.honeyhive.jaxrs.internal;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Binds {@link ResourceMethodScopeInterceptor}; added to resource classes by {@link HoneyHiveJaxrsExtension}. */
@Inherited
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ReleasesRequestScope {

    /** The binding as a value, to add it to annotated types. */
    final class Literal extends AnnotationLiteral<ReleasesRequestScope> implements ReleasesRequestScope {
        public static final Literal INSTANCE = new Literal();
        private static final long serialVersionUID = 1L;
    }
}
