package ai.honeyhive.tracer.internal.span;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;

/**
 * An ended span's data with other attributes and events than it recorded (added at export, or left out), their
 * totals adjusted by the difference so that the exporter's dropped counts stay true.
 */
public final class AmendedSpanData extends DelegatingSpanData {

    private final Attributes attributes;
    private final List<EventData> events;
    private final int totalAttributeCount;
    private final int totalRecordedEvents;

    private AmendedSpanData(SpanData span, Attributes attributes, List<EventData> events) {
        super(span);
        this.attributes = attributes;
        this.events = events;
        this.totalAttributeCount = span.getTotalAttributeCount()
                + attributes.size()
                - span.getAttributes().size();
        this.totalRecordedEvents =
                span.getTotalRecordedEvents() + events.size() - span.getEvents().size();
    }

    /** The span with these attributes and events instead of its own. */
    public static SpanData of(SpanData span, Attributes attributes, List<EventData> events) {
        return new AmendedSpanData(span, attributes, events);
    }

    /** The span with these attributes instead of its own. */
    public static SpanData of(SpanData span, Attributes attributes) {
        return new AmendedSpanData(span, attributes, span.getEvents());
    }

    @Override
    public Attributes getAttributes() {
        return attributes;
    }

    @Override
    public int getTotalAttributeCount() {
        return totalAttributeCount;
    }

    @Override
    public List<EventData> getEvents() {
        return events;
    }

    @Override
    public int getTotalRecordedEvents() {
        return totalRecordedEvents;
    }
}
