package ai.honeyhive.benchmarks;

import ai.honeyhive.tracer.HoneyHiveTracer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The application thread's latency while HoneyHive is up, refuses connections, hangs, answers after 5 s, answers
 * 503, or answers 429 with {@code Retry-After: 30}: a traced call (span, attributes, end) and a traced request (a
 * session of its own with a start and an update, and a span in it). Sample time gives p50 and p99.9; every fault is
 * compared with {@code UP}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@State(Scope.Benchmark)
public class BackendFaultBenchmark {

    @Param({"UP", "REFUSED", "HANG", "DELAY_5S", "UNAVAILABLE_503", "RETRY_AFTER_429"})
    public LoopbackHoneyHive.Fault fault;

    private LoopbackHoneyHiveProcess backend;
    private HoneyHiveTracer tracer;

    @Setup(Level.Trial)
    public void start() {
        backend = LoopbackHoneyHiveProcess.start(fault);
        tracer = Tracers.sendingTo(backend.url());
    }

    @TearDown(Level.Trial)
    public void stop() {
        Tracers.close(tracer);
        backend.close();
    }

    @Benchmark
    public String tracedCall() {
        return TracedWork.call(tracer, "where is my order?");
    }

    @Benchmark
    public String tracedRequest() {
        return TracedWork.request(tracer, "where is my order?");
    }
}
