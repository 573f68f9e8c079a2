package ai.honeyhive.benchmarks.quarkus;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Quarkus's spans end in its batch processor and are then discarded: its exporter is OpenTelemetry's no-op one, as
 * the tracer's is in test mode.
 */
@ApplicationScoped
public class DiscardedSpans {

    @Produces
    @Singleton
    SpanExporter discardingExporter() {
        return SpanExporter.composite(List.of());
    }
}
