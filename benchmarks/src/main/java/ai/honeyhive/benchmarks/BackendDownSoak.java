package ai.honeyhive.benchmarks;

import ai.honeyhive.tracer.HoneyHiveTracer;
import ai.honeyhive.tracer.SpanStatistics;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * HoneyHive down for minutes while the application traces at a steady rate: the heap after a full GC, every
 * {@value #SAMPLE_SECONDS} s, must level off (no growth from the first minute to the last) and stay within
 * {@value #HEAP_BOUND_MIB} MiB of the baseline; at the end, every span produced is accounted for by the SDK's own
 * counters as exported, dropped or queued. One call in {@value #CALLS_PER_SESSION} also opens a session of its own
 * (start and update, as the request filter does), so the session client's queue is under the same outage.
 *
 * <p>The HoneyHive stand-in runs in a process of its own, so that its requests and threads are not counted as the
 * tracer's heap. Not a JMH benchmark: it runs for minutes at a fixed rate. Arguments: minutes (5), calls per second
 * (10000), fault ({@code REFUSED}; any {@link LoopbackHoneyHive.Fault}). Exits 1 if a bound is not met.
 */
public final class BackendDownSoak {

    private static final int SAMPLE_SECONDS = 30;
    private static final int CALLS_PER_SESSION = 10;
    private static final long HEAP_BOUND_MIB = 64;
    private static final long MIB = 1024 * 1024;
    // Growth between the first and the last full minute smaller than this is noise, not a leak.
    private static final long PLATEAU_TOLERANCE_MIB = 4;

    private BackendDownSoak() {}

    public static void main(String[] args) throws InterruptedException {
        int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        LoopbackHoneyHive.Fault fault =
                args.length > 2 ? LoopbackHoneyHive.Fault.valueOf(args[2]) : LoopbackHoneyHive.Fault.REFUSED;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (LoopbackHoneyHiveProcess backend = LoopbackHoneyHiveProcess.start(fault)) {
            HoneyHiveTracer tracer = Tracers.sendingTo(backend.url());
            long baseline = heapAfterGc(memory);
            System.out.printf(
                    Locale.ROOT,
                    "HoneyHive %s for %d min at %d traced calls/s (a session per %d); heap baseline %.1f MiB (JDK %s)%n",
                    fault,
                    minutes,
                    rate,
                    CALLS_PER_SESSION,
                    baseline / (double) MIB,
                    Runtime.version());
            List<Long> samples = new ArrayList<>();
            long produced = 0;
            long interval = TimeUnit.SECONDS.toNanos(1) / rate;
            long start = System.nanoTime();
            long next = start;
            long nextSample = start + TimeUnit.SECONDS.toNanos(SAMPLE_SECONDS);
            long end = start + TimeUnit.MINUTES.toNanos(minutes);
            while (System.nanoTime() < end) {
                String question = "where is my order " + produced + "?";
                if (produced % CALLS_PER_SESSION == 0) {
                    TracedWork.request(tracer, question);
                } else {
                    TracedWork.call(tracer, question);
                }
                produced++;
                next += interval;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                if (System.nanoTime() >= nextSample) {
                    long heap = heapAfterGc(memory);
                    samples.add(heap);
                    SpanStatistics spans = tracer.spanStatistics();
                    System.out.printf(
                            Locale.ROOT,
                            "%4d s  heap %6.1f MiB (+%5.1f)  produced %,d  exported %,d  dropped %,d  queued %,d%n",
                            TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start),
                            heap / (double) MIB,
                            (heap - baseline) / (double) MIB,
                            produced,
                            spans.exported(),
                            spans.dropped(),
                            spans.queued());
                    nextSample += TimeUnit.SECONDS.toNanos(SAMPLE_SECONDS);
                }
            }
            long elapsed = System.nanoTime() - start;
            SpanStatistics spans = tracer.spanStatistics();
            Tracers.close(tracer);
            boolean met = report(baseline, samples, produced, elapsed, spans);
            backend.close();
            System.exit(met ? 0 : 1);
        }
    }

    private static boolean report(
            long baseline, List<Long> samples, long produced, long elapsedNanos, SpanStatistics spans) {
        int perMinute = 60 / SAMPLE_SECONDS;
        long firstMinute = samples.get(Math.min(perMinute - 1, samples.size() - 1));
        long lastMinute = samples.get(samples.size() - 1);
        long peak = samples.stream().mapToLong(Long::longValue).max().orElse(baseline);
        boolean plateau = lastMinute - firstMinute < PLATEAU_TOLERANCE_MIB * MIB;
        boolean bounded = peak - baseline < HEAP_BOUND_MIB * MIB;
        boolean accounted = spans.ended() == produced;
        System.out.printf(
                Locale.ROOT,
                "Rate achieved: %,.0f calls/s%n",
                produced / (elapsedNanos / (double) TimeUnit.SECONDS.toNanos(1)));
        System.out.printf(
                Locale.ROOT,
                "Heap after GC: minute 1 %.1f MiB, last %.1f MiB, peak %.1f MiB above baseline: plateau %s,"
                        + " under %d MiB %s%n",
                (firstMinute - baseline) / (double) MIB,
                (lastMinute - baseline) / (double) MIB,
                (peak - baseline) / (double) MIB,
                plateau ? "yes" : "NO",
                HEAP_BOUND_MIB,
                bounded ? "yes" : "NO");
        System.out.printf(
                Locale.ROOT,
                "Spans: produced %,d = exported %,d + dropped %,d + queued %,d: %s (delivered %,d, failed %,d)%n",
                produced,
                spans.exported(),
                spans.dropped(),
                spans.queued(),
                accounted ? "yes" : "NO",
                spans.delivered(),
                spans.failed());
        return plateau && bounded && accounted;
    }

    private static long heapAfterGc(MemoryMXBean memory) {
        // Twice: the first collection may only finalise what the second frees.
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
