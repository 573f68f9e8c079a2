package ai.honeyhive.tracer;

/**
 * What a tracer's span pipeline has done with the spans that ended, as the OpenTelemetry SDK itself counts it: its
 * batch span processor and OTLP exporter record these in their own metrics. Every ended span is either exported,
 * dropped or still queued, so {@code exported + dropped + queued} is the number of spans ended so far.
 *
 * <p>In test mode the pipeline is the local sink's, or without one a processor that discards the spans; nothing is
 * delivered to HoneyHive, so {@code delivered} and {@code failed} stay 0.
 *
 * @param exported spans the batch processor handed to the exporter (in test mode, to the local sink or to nothing)
 * @param dropped spans the batch processor dropped: its queue was full, as when HoneyHive is down for long, or the
 *     tracer was closed
 * @param queued spans waiting in the batch processor's queue now
 * @param delivered exported spans HoneyHive accepted
 * @param failed exported spans HoneyHive did not accept, after retries
 */
public record SpanStatistics(long exported, long dropped, long queued, long delivered, long failed) {

    /** All zero: a pipeline that has seen nothing. */
    public static final SpanStatistics NONE = new SpanStatistics(0, 0, 0, 0, 0);

    /** Spans ended so far: exported, dropped or queued. */
    public long ended() {
        return exported + dropped + queued;
    }
}
