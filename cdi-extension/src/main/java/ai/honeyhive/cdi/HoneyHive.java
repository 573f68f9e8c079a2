package ai.honeyhive.cdi;

import static java.util.Objects.requireNonNull;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Selects a named tracer, configured with {@code honeyhive.tracers.<name>.*} keys (unset keys fall back to
 * {@code honeyhive.*}): {@code @Inject @HoneyHive("billing") HoneyHiveTracer billing;}.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE})
public @interface HoneyHive {

    /** The tracer's name. */
    String value();

    /** An instance of the qualifier, for programmatic lookup. */
    final class Literal extends AnnotationLiteral<HoneyHive> implements HoneyHive {
        private static final long serialVersionUID = 1L;

        private final String value;

        private Literal(String value) {
            this.value = value;
        }

        /** The qualifier for the tracer with this name. */
        public static Literal of(String name) {
            return new Literal(requireNonNull(name, "name"));
        }

        /** The tracer's name. */
        @Override
        public String value() {
            return value;
        }
    }
}
