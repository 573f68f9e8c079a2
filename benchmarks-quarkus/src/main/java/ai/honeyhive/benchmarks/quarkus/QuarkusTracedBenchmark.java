package ai.honeyhive.benchmarks.quarkus;

import io.quarkus.arc.Arc;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@code @Traced} against {@code @WithSpan} on the same ArC bean of a running Quarkus application: JMH runs inside the
 * application ({@link BenchmarkMain}, no fork), so that the beans are Quarkus's own.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class QuarkusTracedBenchmark {

    private static final String QUESTION = "where is my order?";
    private static final String TENANT = "acme";

    private Answerer answerer;

    @Setup
    public void lookUp() {
        answerer = Arc.container().instance(Answerer.class).get();
    }

    @Benchmark
    public String beanCall() {
        return answerer.plain(QUESTION, TENANT);
    }

    @Benchmark
    public String traced() {
        return answerer.traced(QUESTION, TENANT);
    }

    @Benchmark
    public String withSpan() {
        return answerer.withSpan(QUESTION, TENANT);
    }
}
