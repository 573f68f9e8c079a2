package ai.honeyhive.tracer.internal.export;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Masks API keys in what the OpenTelemetry exporter logs. The exporter logs the body of an error response, and a
 * backend or proxy that echoes the {@code Authorization} header would otherwise put the key in the log.
 *
 * <p>A filter on the exporter's loggers holds the keys of the tracers that are open; it keeps any filter that was
 * there before and asks it too.
 */
public final class ExporterLogRedaction {

    // The loggers of the OTLP exporter (its class moved in 1.6x; ResilienceIT fails if it moves again; our sender
    // logs nothing); held strongly so that their filter is not forgotten.
    private static final List<Logger> EXPORTER_LOGGERS = List.of(
            Logger.getLogger("io.opentelemetry.exporter.otlp.internal.HttpExporter"),
            Logger.getLogger("io.opentelemetry.exporter.internal.http.HttpExporter"));
    // Counted, because several tracers may share a key and each one's close must not unmask it for the others.
    private static final ConcurrentHashMap<String, Integer> SECRETS = new ConcurrentHashMap<>();

    private ExporterLogRedaction() {}

    /** Masks the secret in exporter log records until the returned registration is closed. */
    public static AutoCloseable register(String secret) {
        install();
        SECRETS.merge(secret, 1, Integer::sum);
        return () -> SECRETS.computeIfPresent(secret, (key, count) -> count == 1 ? null : count - 1);
    }

    private static synchronized void install() {
        for (Logger logger : EXPORTER_LOGGERS) {
            if (!(logger.getFilter() instanceof RedactingFilter)) {
                logger.setFilter(new RedactingFilter(logger.getFilter()));
            }
        }
    }

    private static boolean quotesASecret(Throwable thrown) {
        Throwable cause = thrown;
        // Bounded: a cause chain can loop.
        for (int depth = 0; cause != null && depth < 16; depth++, cause = cause.getCause()) {
            String text = String.valueOf(cause.getMessage());
            if (SECRETS.keySet().stream().anyMatch(text::contains)) {
                return true;
            }
        }
        return false;
    }

    private record RedactingFilter(@Nullable Filter previous) implements Filter {

        @Override
        public boolean isLoggable(LogRecord record) {
            String message = record.getMessage();
            if (message != null) {
                for (String secret : SECRETS.keySet()) {
                    message = message.replace(secret, SecretRedactor.MASK);
                }
                record.setMessage(message);
            }
            Throwable thrown = record.getThrown();
            if (thrown != null && quotesASecret(thrown)) {
                record.setThrown(null);
                record.setMessage(record.getMessage() + " (exception details withheld: they quote an API key)");
            }
            return previous == null || previous.isLoggable(record);
        }
    }
}
