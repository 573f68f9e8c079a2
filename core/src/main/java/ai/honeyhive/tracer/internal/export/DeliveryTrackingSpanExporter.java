package ai.honeyhive.tracer.internal.export;

import ai.honeyhive.tracer.internal.ThrottledLogger;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tracks whether exported spans were delivered, so that {@code flush} can tell: it counts failed exports, keeps the
 * exports still in flight (the batch processor stops waiting for an export after its timeout, while retries go on),
 * and reports each failure in the tracer's own words, throttled, with the API key scrubbed.
 */
public final class DeliveryTrackingSpanExporter implements SpanExporter {

    private static final Logger logger = Logger.getLogger(DeliveryTrackingSpanExporter.class.getName());

    private final SpanExporter delegate;
    private final String endpoint;
    private final SecretRedactor redactor;
    private final String settingsToCheck;
    private final ThrottledLogger failureLog = new ThrottledLogger(logger);
    private final AtomicLong failedExports = new AtomicLong();
    // Bounded: at most ConcurrentExports' places are in flight, and each one ends within the exporter's timeout.
    private final Set<CompletableResultCode> inFlight = ConcurrentHashMap.newKeySet();

    /** @param settingsToCheck the settings a failure's warning tells the operator to check */
    public DeliveryTrackingSpanExporter(
            SpanExporter delegate, String endpoint, SecretRedactor redactor, String settingsToCheck) {
        this.delegate = delegate;
        this.endpoint = endpoint;
        this.redactor = redactor;
        this.settingsToCheck = settingsToCheck;
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        CompletableResultCode result = delegate.export(spans);
        int count = spans.size();
        inFlight.add(result);
        result.whenComplete(() -> {
            if (!result.isSuccess()) {
                Throwable cause = result.getFailureThrowable();
                String reason = cause == null ? "" : ": " + redactor.redact(String.valueOf(cause.getMessage()));
                failureLog.log(
                        Level.WARNING,
                        "HoneyHive did not accept " + count + " spans sent to " + endpoint
                                + reason
                                + "; they are dropped. Check " + settingsToCheck + " if this persists");
                // Counted once logged: whoever sees the count (a flush that reports the failure) finds the log too.
                failedExports.incrementAndGet();
            }
            inFlight.remove(result);
        });
        return result;
    }

    /** How many exports have failed since the tracer started. */
    public long failedExports() {
        return failedExports.get();
    }

    /** Completes when every export in flight now has ended, successfully only if all of them succeeded. */
    public CompletableResultCode awaitInFlight() {
        return CompletableResultCode.ofAll(new ArrayList<>(inFlight));
    }

    @Override
    public CompletableResultCode flush() {
        return delegate.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
        return delegate.shutdown();
    }

    @Override
    public String toString() {
        return "DeliveryTrackingSpanExporter{" + endpoint + "}";
    }
}
