package ai.honeyhive.tracer.internal;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Logs one kind of message that can happen per request or per span without flooding the log: the first occurrence
 * says that further ones are throttled, then at most a few per minute are logged, each saying how many were
 * suppressed since the last one.
 *
 * <p>Use one instance per kind of message. Thread-safe; the lock is taken only when something is logged or counted.
 */
public final class ThrottledLogger {

    static final int DEFAULT_PER_MINUTE = 5;
    private static final long MINUTE_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Logger logger;
    private final int perMinute;
    private final LongSupplier nanoClock;
    private boolean loggedBefore;
    private long windowStart;
    private int loggedInWindow;
    private long suppressed;

    public ThrottledLogger(Logger logger) {
        this(logger, DEFAULT_PER_MINUTE, System::nanoTime);
    }

    // Visible for testing
    ThrottledLogger(Logger logger, int perMinute, LongSupplier nanoClock) {
        this.logger = logger;
        this.perMinute = perMinute;
        this.nanoClock = nanoClock;
    }

    /** Logs the message unless too many of its kind were logged in the last minute. */
    public void log(Level level, String message) {
        log(level, message, null);
    }

    /** Logs the message and its cause unless too many of its kind were logged in the last minute. */
    public void log(Level level, String message, @Nullable Throwable cause) {
        if (!logger.isLoggable(level)) {
            return;
        }
        String text;
        synchronized (this) {
            long now = nanoClock.getAsLong();
            if (!loggedBefore) {
                loggedBefore = true;
                windowStart = now;
                loggedInWindow = 1;
                text = message + " (further occurrences are throttled)";
            } else {
                if (now - windowStart >= MINUTE_NANOS) {
                    windowStart = now;
                    loggedInWindow = 0;
                }
                if (loggedInWindow >= perMinute) {
                    suppressed++;
                    return;
                }
                loggedInWindow++;
                text = suppressed == 0 ? message : message + " (" + suppressed + " similar messages suppressed)";
                suppressed = 0;
            }
        }
        LogRecord record = new LogRecord(level, text);
        record.setLoggerName(logger.getName());
        record.setThrown(cause);
        logger.log(record);
    }
}
