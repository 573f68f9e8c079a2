package ai.honeyhive.tracer.internal.export;

import ai.honeyhive.tracer.internal.ThrottledLogger;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The bound on what ended spans may hold between their end and the end of their export: a number of spans and an
 * estimate of their bytes. A span is admitted when it ends ({@link BudgetedSpanProcessor}) and released when the export
 * that carried it has ended ({@link ConcurrentExports}), so the batch processor's queue, the batches waiting for an
 * export place and those in flight are all inside it. A span that does not fit is dropped and counted as the batch
 * processor counts its own drops.
 *
 * <p>Since the span count is bounded here at the batch processor's own queue size, its queue never overflows, and
 * every admitted span is released.
 */
final class SpanQueueBudget {

    private static final Logger logger = Logger.getLogger(SpanQueueBudget.class.getName());
    private static final Attributes DROPPED =
            Attributes.of(AttributeKey.booleanKey("dropped"), true, AttributeKey.stringKey("reason"), "queue budget");
    // What a span costs beyond its attribute values: the SDK's span object, its context, its wrapper and the copy a
    // waiting batch makes of its reference, measured at about 600 bytes on a 64-bit JVM with compressed pointers.
    private static final long SPAN_OVERHEAD = 600;
    private static final long ENTRY_OVERHEAD = 48;
    private static final long EVENT_OVERHEAD = 96;
    private static final long LINK_OVERHEAD = 96;

    private final long maxBytes;
    private final int maxSpans;
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicInteger spans = new AtomicInteger();
    private final LongCounter dropped;
    private final ThrottledLogger dropLog = new ThrottledLogger(logger);

    /**
     * @param counters the pipeline's meter provider: drops are counted there under the batch processor's own name
     */
    SpanQueueBudget(long maxBytes, int maxSpans, MeterProvider counters) {
        this.maxBytes = maxBytes;
        this.maxSpans = maxSpans;
        this.dropped = counters.get("ai.honeyhive.export")
                .counterBuilder("processedSpans")
                .setDescription("spans dropped because those waiting for export already held the queue budget")
                .build();
    }

    /** Takes a place for a span that ended; false (and counted as dropped) if it does not fit. */
    boolean admit(SpanData span) {
        long size = footprint(span);
        if (spans.incrementAndGet() > maxSpans) {
            spans.decrementAndGet();
            drop("spans waiting for export or in flight reached the bound of " + maxSpans
                    + " (honeyhive.batch.max-queue-size)");
            return false;
        }
        if (bytes.addAndGet(size) > maxBytes) {
            bytes.addAndGet(-size);
            spans.decrementAndGet();
            drop("spans waiting for export or in flight hold about " + (maxBytes >> 20)
                    + " MiB, the bound (honeyhive.batch.max-queue-mib)");
            return false;
        }
        return true;
    }

    /** Gives back the places of spans whose export has ended, delivered or not. */
    void release(long footprint, int count) {
        bytes.addAndGet(-footprint);
        spans.addAndGet(-count);
    }

    /** The estimated bytes now held. */
    long heldBytes() {
        return bytes.get();
    }

    private void drop(String why) {
        dropped.add(1, DROPPED);
        dropLog.log(Level.WARNING, "Dropped a span: " + why + "; HoneyHive is slower than spans end");
    }

    /** The estimated bytes of these spans, as {@link #admit} counted them. */
    static long footprint(Collection<SpanData> spans) {
        long total = 0;
        for (SpanData span : spans) {
            total += footprint(span);
        }
        return total;
    }

    /** Characters count two bytes (a string that is not Latin-1 takes as much), numbers and booleans eight. */
    static long footprint(SpanData span) {
        long size = SPAN_OVERHEAD + span.getName().length() * 2L + attributes(span.getAttributes());
        List<EventData> events = span.getEvents();
        for (EventData event : events) {
            size += EVENT_OVERHEAD + event.getName().length() * 2L + attributes(event.getAttributes());
        }
        List<LinkData> links = span.getLinks();
        for (LinkData link : links) {
            size += LINK_OVERHEAD + attributes(link.getAttributes());
        }
        return size;
    }

    private static long attributes(Attributes attributes) {
        if (attributes.isEmpty()) {
            return 0;
        }
        long[] size = {0};
        attributes.forEach(
                (key, value) -> size[0] += ENTRY_OVERHEAD + key.getKey().length() * 2L + valueBytes(value));
        return size[0];
    }

    private static long valueBytes(Object value) {
        if (value instanceof String text) {
            return text.length() * 2L;
        }
        if (value instanceof List<?> list) {
            long size = 16;
            for (Object element : list) {
                size += 16 + valueBytes(element);
            }
            return size;
        }
        return 8;
    }
}
