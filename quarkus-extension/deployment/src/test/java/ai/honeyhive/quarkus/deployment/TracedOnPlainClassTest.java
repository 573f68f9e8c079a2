package ai.honeyhive.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.cdi.Traced;
import io.quarkus.test.QuarkusUnitTest;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** @Traced on a class that is not a bean is a build warning that names the class; interceptors are not warned about. */
class TracedOnPlainClassTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(NotABean.class))
            .setLogRecordPredicate(record -> record.getLoggerName().equals(HoneyHiveProcessor.class.getName()))
            .assertLogRecords(records -> assertThat(records)
                    .extracting(LogRecord::getMessage)
                    .as("the build's warnings")
                    .anySatisfy(message ->
                            assertThat(message).contains("@Traced on " + NotABean.class.getName() + " has no effect"))
                    .noneSatisfy(message -> assertThat(message).contains("TracedInterceptor")));

    @Test
    void theBuildWarnsButSucceeds() {
        assertThat(new NotABean().run()).isEqualTo("ran");
    }

    public static class NotABean {
        @Traced
        public String run() {
            return "ran";
        }
    }
}
