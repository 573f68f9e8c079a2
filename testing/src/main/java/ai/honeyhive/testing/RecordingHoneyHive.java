package ai.honeyhive.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a {@link RecordingHoneyHiveServer} for the tests of the annotated class, and points the code under test at it:
 *
 * <pre>{@code
 * @RecordingHoneyHive
 * class CheckoutTracingTest {
 *     @Test
 *     void theCheckoutIsOneSession(RecordingHoneyHiveServer honeyhive) {
 *         try (HoneyHiveTracer tracer = HoneyHiveTracer.builder()
 *                 .project("shop")
 *                 .serverUrl(honeyhive.baseUrl()) // the plain-Java builder reads no system properties
 *                 .apiKey(RecordingHoneyHiveExtension.TEST_API_KEY)
 *                 .build()) {
 *             checkout.run(tracer);
 *             tracer.flush(Duration.ofSeconds(10));
 *         }
 *         HoneyHiveAssertions.assertThat(honeyhive).hasSpanNamed("checkout");
 *     }
 * }
 * }</pre>
 *
 * <p>One server is started before the class's first test and closed after its last. While it runs, the system
 * properties {@code honeyhive.server-url} (the server's URL, which the tracer reads before {@code HH_API_URL}) and,
 * unless already set, {@code honeyhive.api-key} ({@value RecordingHoneyHiveExtension#TEST_API_KEY}) are set, so a
 * tracer built from MicroProfile Config (CDI, Weld SE) sends here; both are restored afterwards. When {@code HH_OTLP_ENDPOINT} or the system
 * property {@code honeyhive.otlp.endpoint} sends spans to a collector, that property is pointed at the server too (a
 * collector set only in {@code microprofile-config.properties} is not seen: override it in the tests' configuration).
 * What was recorded is cleared before each test. A test method, constructor or lifecycle method gets the server by
 * declaring a {@link RecordingHoneyHiveServer} parameter. Tests of one class that run in parallel share the server.
 *
 * <p>System properties belong to the whole JVM: if test classes run in parallel (JUnit's
 * {@code junit.jupiter.execution.parallel.mode.classes.default=concurrent}), add
 * {@code @ResourceLock(Resources.SYSTEM_PROPERTIES)} to each class that uses this, so two classes never point the same
 * JVM at two servers at once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RecordingHoneyHiveExtension.class)
public @interface RecordingHoneyHive {}
