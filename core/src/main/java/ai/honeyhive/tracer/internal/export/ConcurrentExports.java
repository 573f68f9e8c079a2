package ai.honeyhive.tracer.internal.export;

import ai.honeyhive.tracer.internal.ThrottledLogger;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lets the SDK's batch processor, which waits for each export before it takes the next batch, have several exports in
 * flight: a batch is handed on and reported as taken at once while fewer than {@code maxInFlight} are being sent.
 * When all places are taken, the batch waits for one, and the processor with it (its queue fills meanwhile, and drops
 * past its bound, as without this). A batch that finds as many batches waiting as there are places (the processor
 * stopped waiting on them after its timeout: HoneyHive hangs) is refused, and counted as failed in the pipeline's
 * exporter counters, so that exported spans still equal delivered, failed and in flight.
 *
 * <p>When a batch's export has ended (or it was refused), its spans' places in the {@link SpanQueueBudget} are given
 * back, so that the budget covers the batches waiting here and those in flight.
 */
final class ConcurrentExports implements SpanExporter {

    private static final Logger logger = Logger.getLogger(ConcurrentExports.class.getName());
    private static final Attributes FAILED = Attributes.of(AttributeKey.booleanKey("success"), false);

    private final SpanExporter delegate;
    private final int maxInFlight;
    private final SpanQueueBudget budget;
    private final LongCounter refused;
    private final ThrottledLogger refusedLog = new ThrottledLogger(logger);

    private final Object lock = new Object();
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    private final Set<CompletableResultCode> sending = ConcurrentHashMap.newKeySet();
    private int running;

    private record Waiting(Collection<SpanData> spans, long footprint, CompletableResultCode started) {}

    /**
     * @param counters the pipeline's meter provider, where refused spans are counted as the exporter counts failures
     * @param budget where the spans of a batch whose export ended give back their places
     */
    ConcurrentExports(SpanExporter delegate, int maxInFlight, MeterProvider counters, SpanQueueBudget budget) {
        this.delegate = delegate;
        this.maxInFlight = maxInFlight;
        this.budget = budget;
        this.refused = counters.get("ai.honeyhive.export")
                .counterBuilder("honeyhive.exporter.exported")
                .setDescription("spans refused before they were sent: every export place was taken too long")
                .build();
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        long footprint = SpanQueueBudget.footprint(spans);
        Waiting queued;
        synchronized (lock) {
            if (running < maxInFlight) {
                running++;
                queued = null;
            } else if (waiting.size() >= maxInFlight) {
                refused.add(spans.size(), FAILED);
                budget.release(footprint, spans.size());
                refusedLog.log(
                        Level.WARNING,
                        "Dropped " + spans.size() + " spans: " + maxInFlight + " exports to HoneyHive have been in"
                                + " flight, and as many waiting, for longer than the batch export timeout");
                return CompletableResultCode.ofFailure();
            } else {
                // A copy: the caller may reuse its collection once export returns.
                queued = new Waiting(List.copyOf(spans), footprint, new CompletableResultCode());
                waiting.addLast(queued);
            }
        }
        if (queued != null) {
            return queued.started();
        }
        send(spans, footprint);
        return CompletableResultCode.ofSuccess();
    }

    private void send(Collection<SpanData> spans, long footprint) {
        // Read now: the batch processor clears its list once export returns, before the send ends.
        int count = spans.size();
        CompletableResultCode sent;
        try {
            sent = delegate.export(spans);
        } catch (RuntimeException e) {
            sent = CompletableResultCode.ofExceptionalFailure(e);
        }
        sending.add(sent);
        CompletableResultCode done = sent;
        sent.whenComplete(() -> {
            sending.remove(done);
            budget.release(footprint, count);
            sendNext();
        });
    }

    /** A place is free: the first waiting batch takes it. */
    private void sendNext() {
        Waiting next;
        CompletableResultCode moving = null;
        synchronized (lock) {
            next = waiting.pollFirst();
            if (next == null) {
                running--;
            } else {
                // Seen by allEnded from the moment it leaves the waiting line until its export is tracked.
                moving = new CompletableResultCode();
                sending.add(moving);
            }
        }
        if (next != null) {
            send(next.spans(), next.footprint());
            sending.remove(moving);
            moving.succeed();
            next.started().succeed();
        }
    }

    /** Completes when every batch taken so far has been sent and has ended. */
    CompletableResultCode allEnded() {
        List<CompletableResultCode> pending = new ArrayList<>(sending);
        synchronized (lock) {
            waiting.forEach(batch -> pending.add(batch.started()));
        }
        CompletableResultCode started = CompletableResultCode.ofAll(pending);
        CompletableResultCode ended = new CompletableResultCode();
        // The waiting batches are in flight once started: wait for those too.
        started.whenComplete(
                () -> CompletableResultCode.ofAll(new ArrayList<>(sending)).whenComplete(ended::succeed));
        return ended;
    }

    @Override
    public CompletableResultCode flush() {
        CompletableResultCode flushed = new CompletableResultCode();
        allEnded().whenComplete(() -> delegate.flush().whenComplete(flushed::succeed));
        return flushed;
    }

    @Override
    public CompletableResultCode shutdown() {
        CompletableResultCode shutDown = new CompletableResultCode();
        allEnded().whenComplete(() -> {
            CompletableResultCode delegateShutdown = delegate.shutdown();
            delegateShutdown.whenComplete(() -> {
                if (delegateShutdown.isSuccess()) {
                    shutDown.succeed();
                } else {
                    shutDown.fail();
                }
            });
        });
        return shutDown;
    }

    @Override
    public String toString() {
        return "ConcurrentExports{" + maxInFlight + ", " + delegate + "}";
    }
}
