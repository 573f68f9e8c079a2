package ai.honeyhive.tracer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ThrottledLoggerTest {

    private final Logger logger = Logger.getLogger("ai.honeyhive.test.throttled." + System.nanoTime());
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final AtomicLong now = new AtomicLong();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void capture() {
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
    }

    @AfterEach
    void release() {
        logger.removeHandler(handler);
    }

    @Test
    void firstOccurrenceSaysFurtherOnesAreThrottledThenAFewPerMinuteAreLogged() {
        ThrottledLogger throttled = new ThrottledLogger(logger, 3, now::get);

        for (int i = 0; i < 100; i++) {
            throttled.log(Level.WARNING, "export failed");
        }

        assertThat(records)
                .extracting(LogRecord::getMessage)
                .containsExactly("export failed (further occurrences are throttled)", "export failed", "export failed");
    }

    @Test
    void nextMinuteLogsAgainSayingHowManyWereSuppressed() {
        ThrottledLogger throttled = new ThrottledLogger(logger, 1, now::get);
        throttled.log(Level.WARNING, "dropped");
        throttled.log(Level.WARNING, "dropped");
        throttled.log(Level.WARNING, "dropped");

        now.addAndGet(TimeUnit.SECONDS.toNanos(61));
        throttled.log(Level.WARNING, "dropped", new IllegalStateException("cause"));

        assertThat(records)
                .extracting(LogRecord::getMessage)
                .containsExactly(
                        "dropped (further occurrences are throttled)", "dropped (2 similar messages suppressed)");
        assertThat(records.get(1).getThrown()).hasMessage("cause");
        assertThat(records.get(1).getLoggerName()).isEqualTo(logger.getName());
    }

    @Test
    void levelsTheLoggerIgnoresAreNeitherLoggedNorCounted() {
        logger.setLevel(Level.WARNING);
        ThrottledLogger throttled = new ThrottledLogger(logger, 1, now::get);

        throttled.log(Level.FINE, "diagnostic");
        throttled.log(Level.WARNING, "lost data");

        assertThat(records)
                .extracting(LogRecord::getMessage)
                .containsExactly("lost data (further occurrences are throttled)");
    }
}
