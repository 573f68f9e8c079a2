package ai.honeyhive.benchmarks;

import ai.honeyhive.tracer.internal.session.ContextCarriers;
import ai.honeyhive.tracer.internal.session.MapCarrier;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading W3C trace context and baggage from inbound headers: the tracer's extraction (bounded lengths and entry
 * counts, HoneyHive's own baggage keys dropped from untrusted callers) against OpenTelemetry's propagators.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class PropagationBenchmark {

    private static final TextMapPropagator OPENTELEMETRY =
            TextMapPropagator.composite(W3CTraceContextPropagator.getInstance(), W3CBaggagePropagator.getInstance());

    private final Map<String, String> headers = Map.of(
            "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "tracestate", "rojo=00f067aa0ba902b7,congo=t61rcWkgMzE",
            "baggage", "tenant=acme,plan=pro,region=eu-west-1",
            "content-type", "application/json",
            "accept", "application/json");

    @Benchmark
    public Context honeyhiveExtract() {
        return ContextCarriers.extract(Context.root(), headers, MapCarrier.GETTER, false);
    }

    @Benchmark
    public Context otelExtract() {
        return OPENTELEMETRY.extract(Context.root(), headers, MapCarrier.GETTER);
    }
}
