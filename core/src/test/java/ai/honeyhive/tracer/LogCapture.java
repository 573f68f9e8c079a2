package ai.honeyhive.tracer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Captures every java.util.logging record, at every level, as the text a log file would show. */
final class LogCapture extends Handler implements AutoCloseable {

    private final Logger root = Logger.getLogger("");
    private final Level previousLevel = root.getLevel();
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();

    private LogCapture() {
        setLevel(Level.ALL);
    }

    static LogCapture start() {
        LogCapture capture = new LogCapture();
        capture.root.addHandler(capture);
        capture.root.setLevel(Level.ALL);
        return capture;
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    /** Each record as formatted text, stack trace included. */
    List<String> formatted() {
        return records.stream().map(formatter::format).toList();
    }

    /** The records of one logger and its children. */
    List<LogRecord> from(String loggerPrefix) {
        return records.stream()
                .filter(r -> r.getLoggerName() != null && r.getLoggerName().startsWith(loggerPrefix))
                .toList();
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        root.removeHandler(this);
        root.setLevel(previousLevel);
    }
}
