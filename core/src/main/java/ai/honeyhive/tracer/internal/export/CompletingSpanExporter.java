package ai.honeyhive.tracer.internal.export;

import ai.honeyhive.tracer.internal.genai.ModelEvents;
import ai.honeyhive.tracer.internal.span.AmendedSpanData;
import ai.honeyhive.tracer.internal.span.EventTypeDetector;
import ai.honeyhive.tracer.internal.span.HoneyHiveAttributes;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Adds the attributes that are known only once a span has ended, {@code honeyhive_duration_ms}, the detected
 * {@code honeyhive_event_type} and, on model and tool spans, HoneyHive's bucket keys ({@link ModelEvents}), before
 * handing the spans on. Doing it here rather than in a span processor keeps
 * the work off the application's thread and uses only the SDK's public API.
 */
public final class CompletingSpanExporter implements SpanExporter {

    private static final double NANOS_PER_MILLI = 1_000_000.0;

    private final SpanExporter delegate;
    private final ModelEvents modelEvents;

    public CompletingSpanExporter(SpanExporter delegate, ModelEvents modelEvents) {
        this.delegate = delegate;
        this.modelEvents = modelEvents;
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        List<SpanData> completed = new ArrayList<>(spans.size());
        for (SpanData span : spans) {
            completed.add(complete(span));
        }
        return delegate.export(completed);
    }

    private SpanData complete(SpanData span) {
        Attributes original = span.getAttributes();
        AttributesBuilder added = Attributes.builder();
        added.put(
                HoneyHiveAttributes.DURATION_MS,
                (span.getEndEpochNanos() - span.getStartEpochNanos()) / NANOS_PER_MILLI);
        String eventType = original.get(HoneyHiveAttributes.EVENT_TYPE);
        if (eventType == null) {
            eventType = EventTypeDetector.eventType(original);
            added.put(HoneyHiveAttributes.EVENT_TYPE, eventType);
        }
        modelEvents.addBucketKeys(eventType, span, added);
        AttributesBuilder mergedBuilder = original.toBuilder().putAll(added.build());
        if (modelEvents.stripsContent()) {
            mergedBuilder.removeIf(ModelEvents::carriesContent);
        }
        return AmendedSpanData.of(span, mergedBuilder.build(), modelEvents.exportedEvents(span.getEvents()));
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
        return "CompletingSpanExporter{" + delegate + "}";
    }
}
