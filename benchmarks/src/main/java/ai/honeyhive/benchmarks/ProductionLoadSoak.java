package ai.honeyhive.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Production traffic against a HoneyHive stand-in in a JVM of its own that answers after a delay: requests at a fixed
 * rate, each with a session of its own and {@value LoadRequest#SPANS} spans ({@link LoadRequest}), for a given time;
 * or a burst of 20,000 spans as fast as four threads can end them. Either through the HoneyHive tracer with its
 * defaults, or through the OpenTelemetry SDK's default batch processor and OTLP exporter (the baseline a user would
 * otherwise have; spans only, since it has no sessions).
 *
 * <p>It prints what happened and one line for {@link TargetsReport} ({@value #RESULT} and {@code name=value} pairs):
 * the rate achieved, the spans delivered a second while the load ran, every span and session call accounted for
 * (produced = delivered + failed + dropped + queued), the request latency (from the time the request was due, so that
 * a request that starts late counts its wait), and the heap after a full collection every {@value #SAMPLE_SECONDS} s.
 * Not a JMH benchmark: it runs at a fixed rate for minutes.
 *
 * <p>Arguments: {@code HONEYHIVE} or {@code PLAIN_SDK}; {@code STEADY} or {@code BURST}; requests a second; seconds;
 * the stand-in's delay in milliseconds.
 */
public final class ProductionLoadSoak {

    static final String RESULT = "SOAK-RESULT";
    static final int BURST_SPANS = 20_000;
    private static final int BURST_THREADS = 4;
    private static final int LOAD_THREADS = 16;
    private static final int SAMPLE_SECONDS = 10;
    private static final int WARMUP_STEPS = 10;
    private static final long MIB = 1024 * 1024;

    /** Which pipeline carries the spans. */
    enum Side {
        HONEYHIVE,
        PLAIN_SDK
    }

    private final LoadPipeline pipeline;
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final List<Long> heapSamples = new ArrayList<>();

    private ProductionLoadSoak(LoadPipeline pipeline) {
        this.pipeline = pipeline;
    }

    public static void main(String[] args) throws InterruptedException {
        Side side = Side.valueOf(args[0]);
        boolean burst = args[1].equals("BURST");
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        long delayMillis = Long.parseLong(args[4]);
        Result result = new Result();
        result.put("side", side.name());
        result.put("shape", burst ? "BURST" : "STEADY");
        result.put("delayMs", delayMillis);
        try (LoopbackHoneyHiveProcess backend =
                LoopbackHoneyHiveProcess.start(LoopbackHoneyHive.Fault.UP, delayMillis)) {
            LoadPipeline pipeline = side == Side.HONEYHIVE
                    ? LoadPipeline.honeyHive(backend.url())
                    : LoadPipeline.plainSdk(backend.url());
            ProductionLoadSoak soak = new ProductionLoadSoak(pipeline);
            if (burst) {
                soak.burst(result);
            } else {
                soak.steady(rate, seconds, result);
            }
            LoadPipeline.Counts counts = pipeline.drainAndClose();
            counts.into(result);
            LoopbackHoneyHiveProcess.Received received = backend.stop();
            result.put("receivedSessionStarts", received.sessionStarts());
            result.put("receivedEventUpdates", received.eventUpdates());
        }
        System.out.println(RESULT + " " + result);
        System.exit(0);
    }

    /** Requests at the rate for the time, after a warm-up that ramps up to it; the figures cover the time only. */
    private void steady(int rate, int seconds, Result result) throws InterruptedException {
        AtomicLong next = new AtomicLong();
        // Allocated before the baseline, so that the heap figures are the tracer's; the baseline is taken before any
        // load, so that it holds none of the load's queues.
        long[] latencies = new long[(int) Math.min(Integer.MAX_VALUE - 8, (long) rate * seconds + LOAD_THREADS)];
        long baseline = heapAfterGc();
        warmUp(rate, next);
        long deliveredBefore = pipeline.deliveredSpans();
        long first = next.get();
        Thread sampler = heapSampler(seconds);
        long started = System.nanoTime();
        int done = run(rate, seconds, next, latencies);
        long elapsed = System.nanoTime() - started;
        long delivered = pipeline.deliveredSpans() - deliveredBefore;
        sampler.join();
        double elapsedSeconds = elapsed / 1e9;
        result.put("rate", rate);
        result.put("seconds", seconds);
        result.put("requests", next.get() - first);
        result.put("requestsPerSecond", (next.get() - first) / elapsedSeconds);
        result.put("spansDeliveredPerSecond", delivered / elapsedSeconds);
        long[] measured = Arrays.copyOf(latencies, done);
        Arrays.sort(measured);
        result.put("latencyP50Us", percentile(measured, 50) / 1e3);
        result.put("latencyP99Us", percentile(measured, 99) / 1e3);
        result.put("latencyP999Us", percentile(measured, 99.9) / 1e3);
        heap(baseline, result);
    }

    /** {@value #BURST_SPANS} spans ended by four threads as fast as they can, in requests of 20 spans. */
    private void burst(Result result) throws InterruptedException {
        // Warm the path first, at a pace the pipeline keeps up with.
        warmUp(200, new AtomicLong());
        pipeline.awaitDelivered();
        long baseline = heapAfterGc();
        long deliveredBefore = pipeline.deliveredSpans();
        int requests = BURST_SPANS / LoadRequest.SPANS;
        AtomicLong next = new AtomicLong();
        CountDownLatch finished = new CountDownLatch(BURST_THREADS);
        long started = System.nanoTime();
        for (int thread = 0; thread < BURST_THREADS; thread++) {
            daemon(() -> {
                for (long request = next.getAndIncrement(); request < requests; request = next.getAndIncrement()) {
                    pipeline.request(request);
                }
                finished.countDown();
            });
        }
        finished.await();
        long ended = System.nanoTime() - started;
        pipeline.awaitDelivered();
        long delivered = pipeline.deliveredSpans() - deliveredBefore;
        long elapsed = System.nanoTime() - started;
        result.put("burstSpans", requests * LoadRequest.SPANS);
        result.put("burstEndedMs", ended / 1e6);
        result.put("burstDeliveredMs", elapsed / 1e6);
        result.put("burstDelivered", delivered);
        result.put("spansDeliveredPerSecond", delivered / (elapsed / 1e9));
        result.put("heapBaselineMiB", baseline / (double) MIB);
    }

    /**
     * Ramps up to the rate over {@value #WARMUP_STEPS} s, a tenth more each second, as a load test ramps up: on two
     * cores the JIT compiles the request and export paths for seconds, and a cold JVM at full rate would measure that.
     * Its requests count in the totals (produced, delivered, dropped), not in the latency and rate figures.
     */
    private void warmUp(int rate, AtomicLong next) throws InterruptedException {
        for (int step = 1; step <= WARMUP_STEPS; step++) {
            run(Math.max(1, rate * step / WARMUP_STEPS), 1, next, null);
        }
    }

    /**
     * Runs requests at the rate for the time on {@value #LOAD_THREADS} threads, each request due at its slot of a
     * fixed schedule; keeps each one's latency from its due time if {@code latencies} is given.
     *
     * @return how many latencies were kept
     */
    private int run(int rate, int seconds, AtomicLong next, long[] latencies) throws InterruptedException {
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long total = (long) rate * seconds;
        long first = next.get();
        long start = System.nanoTime();
        AtomicLong kept = new AtomicLong();
        CountDownLatch finished = new CountDownLatch(LOAD_THREADS);
        for (int thread = 0; thread < LOAD_THREADS; thread++) {
            daemon(() -> {
                for (long request = next.getAndIncrement(); request - first < total; request = next.getAndIncrement()) {
                    long due = start + (request - first) * interval;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    pipeline.request(request);
                    if (latencies != null) {
                        latencies[(int) kept.getAndIncrement()] = System.nanoTime() - due;
                    }
                }
                finished.countDown();
            });
        }
        finished.await();
        // The threads each took one number past the end.
        next.addAndGet(-LOAD_THREADS);
        return (int) kept.get();
    }

    private Thread heapSampler(int seconds) {
        return daemon(() -> {
            for (int sample = 1; sample * SAMPLE_SECONDS <= seconds; sample++) {
                try {
                    Thread.sleep(TimeUnit.SECONDS.toMillis(SAMPLE_SECONDS));
                } catch (InterruptedException e) {
                    return;
                }
                long heap = heapAfterGc();
                synchronized (heapSamples) {
                    heapSamples.add(heap);
                }
                System.out.printf(
                        Locale.ROOT,
                        "%4d s  heap %6.1f MiB  %s%n",
                        sample * SAMPLE_SECONDS,
                        heap / (double) MIB,
                        pipeline.progress());
            }
        });
    }

    private void heap(long baseline, Result result) {
        List<Long> samples;
        synchronized (heapSamples) {
            samples = List.copyOf(heapSamples);
        }
        result.put("heapBaselineMiB", baseline / (double) MIB);
        if (samples.isEmpty()) {
            return;
        }
        long peak = samples.stream().mapToLong(Long::longValue).max().orElse(baseline);
        // The plateau: the last sample against the one after the first half minute, once the queues have filled.
        long settled = samples.get(Math.min(samples.size() - 1, 2));
        result.put("heapPeakAboveBaselineMiB", (peak - baseline) / (double) MIB);
        result.put("heapGrowthAfterSettlingMiB", (samples.get(samples.size() - 1) - settled) / (double) MIB);
    }

    private long heapAfterGc() {
        // Twice: the first collection may only finalise what the second frees.
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static Thread daemon(Runnable work) {
        Thread thread = new Thread(work, "load");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static long percentile(long[] sorted, double percentile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** The figures of one run, in the order they were put. */
    static final class Result {

        private final StringBuilder line = new StringBuilder();

        void put(String name, Object value) {
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(name).append('=');
            line.append(value instanceof Double number ? String.format(Locale.ROOT, "%.3f", number) : value);
        }

        @Override
        public String toString() {
            return line.toString();
        }
    }
}
