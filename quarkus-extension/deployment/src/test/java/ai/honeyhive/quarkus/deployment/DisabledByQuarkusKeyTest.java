package ai.honeyhive.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.quarkus.runtime.internal.QuarkusTracedInterceptor;
import ai.honeyhive.tracer.HoneyHiveTracer;
import io.quarkus.arc.Arc;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.enterprise.inject.spi.InterceptionType;
import jakarta.inject.Inject;
import java.lang.annotation.Annotation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** quarkus.honeyhive.enabled=false, the build-time key, builds no interceptor in; the tracer still sends nothing. */
class DisabledByQuarkusKeyTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(DisabledAtBuildTimeTest.TracedLiteral.class))
            .overrideConfigKey("quarkus.honeyhive.enabled", "false")
            .overrideConfigKey("honeyhive.api-key", "hh-test-key");

    @Inject
    HoneyHiveTracer tracer;

    @Test
    void noInterceptorIsBuiltInAndTheTracerSendsNothing() {
        assertThat(Arc.container().beanManager().resolveInterceptors(InterceptionType.AROUND_INVOKE, new Annotation[] {
                    new DisabledAtBuildTimeTest.TracedLiteral()
                }))
                .<Class<?>>extracting(interceptor -> interceptor.getBeanClass())
                .doesNotContain(QuarkusTracedInterceptor.class);
        assertThat(tracer.isTestMode()).isTrue();
    }
}
