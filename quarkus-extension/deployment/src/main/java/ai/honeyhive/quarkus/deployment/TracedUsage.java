package ai.honeyhive.quarkus.deployment;

import ai.honeyhive.cdi.HoneyHive;
import ai.honeyhive.cdi.Traced;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;

/**
 * What the application's index says about {@code @Traced} and {@code @HoneyHive}: the tracer names used, and classes
 * the interceptor never reaches. (ArC itself fails the build for {@code @Traced} on a private method, and intercepts
 * static and final ones.)
 */
final class TracedUsage {

    static final DotName TRACED = DotName.createSimple(Traced.class);
    static final DotName HONEYHIVE = DotName.createSimple(HoneyHive.class);
    static final DotName INTERCEPTOR = DotName.createSimple("jakarta.interceptor.Interceptor");

    private TracedUsage() {}

    /** Each tracer name the application uses, with where it is used. */
    static Map<String, Set<String>> tracerNames(IndexView index) {
        Map<String, Set<String>> names = new TreeMap<>();
        for (AnnotationInstance traced : index.getAnnotations(TRACED)) {
            AnnotationValue tracer = traced.value("tracer");
            if (tracer != null && !tracer.asString().isEmpty()) {
                names.computeIfAbsent(tracer.asString(), key -> new TreeSet<>())
                        .add("@Traced on " + describe(traced.target()));
            }
        }
        for (AnnotationInstance qualifier : index.getAnnotations(HONEYHIVE)) {
            AnnotationValue value = qualifier.value();
            String name = value == null ? "" : value.asString();
            if (!name.isEmpty()) {
                names.computeIfAbsent(name, key -> new TreeSet<>())
                        .add("@HoneyHive(\"" + name + "\") at " + describe(qualifier.target()));
            }
        }
        return names;
    }

    /**
     * The classes that carry {@code @Traced} (on themselves or a method) that the interceptor never reaches because
     * no bean is of that class or a subclass of it.
     */
    static Set<String> notBeans(IndexView index, Set<DotName> beanClasses) {
        Set<String> classes = new TreeSet<>();
        for (AnnotationInstance traced : index.getAnnotations(TRACED)) {
            AnnotationTarget target = traced.target();
            ClassInfo type = target.kind() == AnnotationTarget.Kind.METHOD
                    ? target.asMethod().declaringClass()
                    : target.kind() == AnnotationTarget.Kind.CLASS ? target.asClass() : null;
            if (type != null
                    && !Modifier.isInterface(type.flags())
                    // An interceptor carries its binding without being intercepted.
                    && !type.hasDeclaredAnnotation(INTERCEPTOR)
                    && !isBeanOrSuperclassOfOne(index, type.name(), beanClasses)) {
                classes.add(type.name().toString());
            }
        }
        return classes;
    }

    private static boolean isBeanOrSuperclassOfOne(IndexView index, DotName type, Set<DotName> beanClasses) {
        if (beanClasses.contains(type)) {
            return true;
        }
        for (ClassInfo subclass : index.getAllKnownSubclasses(type)) {
            if (beanClasses.contains(subclass.name())) {
                return true;
            }
        }
        return false;
    }

    static String describe(AnnotationTarget target) {
        return switch (target.kind()) {
            case METHOD ->
                target.asMethod().declaringClass().name() + "."
                        + target.asMethod().name() + "()";
            case FIELD ->
                target.asField().declaringClass().name() + "."
                        + target.asField().name();
            case METHOD_PARAMETER ->
                "parameter " + target.asMethodParameter().position() + " of "
                        + target.asMethodParameter().method().declaringClass().name() + "."
                        + target.asMethodParameter().method().name() + "()";
            case CLASS -> target.asClass().name().toString();
            default -> target.toString();
        };
    }
}
