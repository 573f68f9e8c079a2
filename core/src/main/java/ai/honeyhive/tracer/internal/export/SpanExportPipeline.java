package ai.honeyhive.tracer.internal.export;

import ai.honeyhive.tracer.SpanStatistics;
import ai.honeyhive.tracer.TracerConfig;
import ai.honeyhive.tracer.internal.config.Settings;
import ai.honeyhive.tracer.internal.genai.ModelEvents;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.RetryPolicy;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * The way spans leave the process: a bounded batch processor in front of the OTLP/HTTP exporter (JDK sender) that
 * posts protobuf to {@code {serverUrl}/opentelemetry/v1/traces}, with several export requests in flight
 * ({@link ConcurrentExports}, {@code honeyhive.batch.max-exports-in-flight}). What ended spans hold until their export
 * ends is bounded in number and in estimated bytes ({@link SpanQueueBudget}).
 *
 * <p>With {@code disableBatch}, every span is sent in a request of its own as soon as it ends, still through the
 * batch processor's bounded queue: the SDK's simple processor would hold one pending request per span while the
 * backend is down, without bound.
 */
public final class SpanExportPipeline {

    /** The OTLP path below the server URL. */
    public static final String TRACES_PATH = "/opentelemetry/v1/traces";

    private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final long MIB = 1024 * 1024;

    private final SpanProcessor processor;
    private final ConcurrentExports concurrent;
    private final DeliveryTrackingSpanExporter delivery;
    private final SdkSpanCounters counters;
    private final ExecutorService senders;
    private final AutoCloseable logRedaction;

    private SpanExportPipeline(
            SpanProcessor processor,
            ConcurrentExports concurrent,
            DeliveryTrackingSpanExporter delivery,
            SdkSpanCounters counters,
            ExecutorService senders,
            AutoCloseable logRedaction) {
        this.processor = processor;
        this.concurrent = concurrent;
        this.delivery = delivery;
        this.counters = counters;
        this.senders = senders;
        this.logRedaction = logRedaction;
    }

    /**
     * The pipeline for one tracer.
     *
     * @param settings where and how to export
     * @param modelEvents the bucket keys model and tool spans get at export
     */
    public static SpanExportPipeline create(ExportSettings settings, ModelEvents modelEvents) {
        String endpoint = settings.tracesUrl();
        SdkSpanCounters counters = new SdkSpanCounters();
        // The sender waits for each answer (and its retries) on this pool: one thread per export in flight, queuing.
        ExecutorService senders = Executors.newFixedThreadPool(settings.maxExportsInFlight(), runnable -> {
            Thread thread = new Thread(runnable, "honeyhive-span-export");
            thread.setDaemon(true);
            return thread;
        });
        OtlpHttpSpanExporterBuilder otlp = OtlpHttpSpanExporter.builder()
                .setEndpoint(endpoint)
                .setComponentLoader(new JdkClientSenderLoader())
                .setExecutorService(senders)
                .setMeterProvider(counters.meterProvider())
                .setTimeout(settings.exportTimeout())
                .setConnectTimeout(min(settings.exportTimeout(), MAX_CONNECT_TIMEOUT))
                // Retries 429, 502, 503, 504 and connection failures with exponential backoff.
                .setRetryPolicy(RetryPolicy.getDefault());
        settings.tracesHeaders().forEach(otlp::addHeader);
        DeliveryTrackingSpanExporter delivery = new DeliveryTrackingSpanExporter(
                otlp.build(), endpoint, settings.endpoint().redactor(), settings.settingsToCheck());
        // Completed after the budget's estimate, on the way out, so that a span gives back what it took.
        Budgeted budgeted = budgeted(
                new CompletingSpanExporter(delivery, modelEvents),
                settings.maxExportsInFlight(),
                settings.maxQueueSize(),
                settings.maxQueueMib(),
                settings.disableBatch() ? 1 : settings.maxExportBatchSize(),
                settings.scheduleDelay(),
                settings.batchExportTimeout(),
                counters);
        return new SpanExportPipeline(
                budgeted.processor(), budgeted.exports(), delivery, counters, senders, logRedaction(settings));
    }

    /**
     * Test mode's pipeline: the same budget and batch processor as the export, one export at a time, to this
     * exporter (which completes the spans and discards them); so the application pays what it pays in production,
     * and a span that does not fit is counted and logged as there (the batch processor would otherwise drop it
     * itself, with a warning per batch).
     */
    public static SpanProcessor inProcess(
            SpanExporter exporter,
            int maxQueueSize,
            int maxQueueMib,
            int maxExportBatchSize,
            Duration scheduleDelay,
            Duration exportTimeout,
            SdkSpanCounters counters) {
        return budgeted(
                        exporter,
                        1,
                        maxQueueSize,
                        maxQueueMib,
                        maxExportBatchSize,
                        scheduleDelay,
                        exportTimeout,
                        counters)
                .processor();
    }

    private record Budgeted(SpanProcessor processor, ConcurrentExports exports) {}

    /**
     * The batch processor behind the budget, handing its batches to up to {@code maxInFlight} exports at once; the
     * budget's places come back when an export ends.
     */
    private static Budgeted budgeted(
            SpanExporter exporter,
            int maxInFlight,
            int maxQueueSize,
            int maxQueueMib,
            int maxExportBatchSize,
            Duration scheduleDelay,
            Duration exportTimeout,
            SdkSpanCounters counters) {
        SpanQueueBudget budget = new SpanQueueBudget(maxQueueMib * MIB, maxQueueSize, counters.meterProvider());
        ConcurrentExports exports = new ConcurrentExports(exporter, maxInFlight, counters.meterProvider(), budget);
        BatchSpanProcessor batch = BatchSpanProcessor.builder(exports)
                .setScheduleDelay(scheduleDelay)
                .setMaxQueueSize(maxQueueSize)
                .setMaxExportBatchSize(maxExportBatchSize)
                .setExporterTimeout(exportTimeout)
                .setMeterProvider(counters.meterProvider())
                .build();
        return new Budgeted(new BudgetedSpanProcessor(batch, budget), exports);
    }

    /** The processor to register with the tracer provider. */
    public SpanProcessor processor() {
        return processor;
    }

    /** The SDK's counters of this pipeline. */
    public SpanStatistics statistics() {
        return counters.read();
    }

    /** How many exports have failed since the pipeline was created. */
    public long failedExports() {
        return delivery.failedExports();
    }

    /**
     * Completes when the exports taken so far have ended, those still waiting for a place included; successfully only
     * if all those in flight were delivered.
     */
    public CompletableResultCode awaitInFlight() {
        CompletableResultCode ended = new CompletableResultCode();
        concurrent.allEnded().whenComplete(() -> {
            CompletableResultCode delivered = delivery.awaitInFlight();
            delivered.whenComplete(() -> {
                if (delivered.isSuccess()) {
                    ended.succeed();
                } else {
                    ended.fail();
                }
            });
        });
        return ended;
    }

    /**
     * Interrupts the exports still under way (waiting for an answer, or before a retry): they fail and are counted,
     * instead of retrying on after the tracer has closed. Called once the close's bound has passed.
     */
    public void stopSending() {
        senders.shutdownNow().forEach(JdkClientHttpSender::abandon);
    }

    /** Stops masking this pipeline's key in exporter logs; call once the exports ended. */
    public void release() {
        senders.shutdown();
        try {
            logRedaction.close();
        } catch (Exception e) {
            // Removing a key from a set does not fail.
        }
    }

    /** Masks the API key, and the collector's header values, in what the exporter logs; undone by one close. */
    private static AutoCloseable logRedaction(ExportSettings settings) {
        List<AutoCloseable> registrations = new ArrayList<>();
        registrations.add(ExporterLogRedaction.register(settings.endpoint().apiKey()));
        settings.otlpHeaders().values().stream()
                .filter(value -> !value.isBlank())
                .forEach(value -> registrations.add(ExporterLogRedaction.register(value)));
        return () -> {
            for (AutoCloseable registration : registrations) {
                registration.close();
            }
        };
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * What the pipeline needs to know.
     *
     * @param endpoint where the spans go, and the key they carry
     * @param source sent as {@code X-Source}
     * @param exportTimeout the limit of one export request
     * @param disableBatch whether to send each span on its own
     * @param scheduleDelay the batch processor's delay
     * @param maxQueueSize the most spans waiting for export or in flight
     * @param maxQueueMib the most estimated MiB those spans may hold
     * @param maxExportBatchSize the most spans in one request
     * @param maxExportsInFlight the most export requests sent at once
     * @param batchExportTimeout the limit of one batch export, retries included
     * @param otlpEndpoint where spans go instead of HoneyHive (a collector), or null
     * @param otlpHeaders the headers sent with spans to {@code otlpEndpoint}
     */
    public record ExportSettings(
            HoneyHiveEndpoint endpoint,
            String source,
            Duration exportTimeout,
            boolean disableBatch,
            Duration scheduleDelay,
            int maxQueueSize,
            int maxQueueMib,
            int maxExportBatchSize,
            int maxExportsInFlight,
            Duration batchExportTimeout,
            @Nullable String otlpEndpoint,
            Map<String, String> otlpHeaders) {

        /** Where spans go: an OpenTelemetry Collector when one is configured, else HoneyHive's OTLP endpoint. */
        String tracesUrl() {
            return otlpEndpoint != null ? otlpEndpoint : endpoint.url(TRACES_PATH);
        }

        /** A collector gets its own headers; HoneyHive gets the key and the source. */
        Map<String, String> tracesHeaders() {
            return otlpEndpoint != null ? endpoint.headersForCollector(otlpHeaders) : endpoint.headersForTraces(source);
        }

        /** The settings an export failure's warning tells the operator to check, for where the spans went. */
        String settingsToCheck() {
            return otlpEndpoint != null
                    ? Settings.OTLP_ENDPOINT.describe() + " and " + Settings.OTLP_HEADERS.describe()
                    : Settings.API_KEY.describe() + " and " + Settings.SERVER_URL.describe();
        }

        /** The settings a tracer's configuration gives, sending to the endpoint. */
        public static ExportSettings of(HoneyHiveEndpoint endpoint, TracerConfig config) {
            return new ExportSettings(
                    endpoint,
                    config.source(),
                    config.exportTimeout(),
                    config.disableBatch(),
                    config.batchScheduleDelay(),
                    config.batchMaxQueueSize(),
                    config.batchMaxQueueMib(),
                    config.batchMaxExportBatchSize(),
                    config.batchMaxExportsInFlight(),
                    config.batchExportTimeout(),
                    config.otlpEndpoint(),
                    config.otlpHeaders());
        }
    }
}
