package ai.honeyhive.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.cdi.Traced;
import ai.honeyhive.quarkus.runtime.internal.QuarkusServerFilter;
import ai.honeyhive.quarkus.runtime.internal.QuarkusTracedInterceptor;
import ai.honeyhive.testing.ReservedRecordingServer;
import ai.honeyhive.tracer.HoneyHiveTracer;
import io.quarkus.arc.Arc;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.RestAssured;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.InterceptionType;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** honeyhive.enabled=false removes the cost: no interceptor, no filter; the tracer is still injectable. */
class DisabledAtBuildTimeTest {

    static final ReservedRecordingServer honeyhive = new ReservedRecordingServer("disabled");

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Greeter.class, GreetingResource.class))
            .overrideConfigKey("honeyhive.enabled", "false")
            .overrideConfigKey("honeyhive.api-key", "hh-test-key")
            .overrideConfigKey("honeyhive.server-url", honeyhive.url());

    @Inject
    Greeter greeter;

    @Inject
    HoneyHiveTracer tracer;

    @Test
    void noInterceptorIsRegisteredAndTracedMethodsRunPlain() {
        List<Class<?>> interceptors = Arc.container()
                .beanManager()
                .resolveInterceptors(InterceptionType.AROUND_INVOKE, new Annotation[] {new TracedLiteral()})
                .stream()
                .<Class<?>>map(interceptor -> interceptor.getBeanClass())
                .toList();
        assertThat(interceptors).doesNotContain(QuarkusTracedInterceptor.class);
        assertThat(greeter.greet("bob")).isEqualTo("hello bob");
        assertThat(Arc.container().instance(QuarkusServerFilter.class).isAvailable())
                .isFalse();
    }

    @Test
    void theTracerIsInjectableAndSendsNothing() {
        assertThat(tracer.isTestMode()).isTrue();
        RestAssured.get("/greeting").then().statusCode(200).header("X-Session-ID", (String) null);
        assertThat(tracer.flush(Duration.ofSeconds(5))).isTrue();
        assertThat(honeyhive.server().requests()).isEmpty();
    }

    @ApplicationScoped
    public static class Greeter {
        @Traced
        public String greet(String name) {
            return "hello " + name;
        }
    }

    @Path("/greeting")
    public static class GreetingResource {
        @Inject
        Greeter greeter;

        @GET
        public String greet() {
            return greeter.greet("rest");
        }
    }

    @SuppressWarnings("all")
    static final class TracedLiteral extends jakarta.enterprise.util.AnnotationLiteral<Traced> implements Traced {
        @Override
        public String name() {
            return "";
        }

        @Override
        public ai.honeyhive.tracer.EventType eventType() {
            return ai.honeyhive.tracer.EventType.CHAIN;
        }

        @Override
        public Capture captureInputs() {
            return Capture.CONFIGURED;
        }

        @Override
        public Capture captureOutputs() {
            return Capture.CONFIGURED;
        }

        @Override
        public String tracer() {
            return "";
        }

        @Override
        public boolean enabled() {
            return true;
        }
    }
}
