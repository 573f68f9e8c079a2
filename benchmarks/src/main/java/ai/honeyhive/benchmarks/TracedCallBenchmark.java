package ai.honeyhive.benchmarks;

import ai.honeyhive.tracer.EventType;
import ai.honeyhive.tracer.HoneyHiveSpan;
import ai.honeyhive.tracer.HoneyHiveTracer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A traced call against the same call traced by hand with OpenTelemetry on the same {@code SdkTracerProvider}, and
 * against no tracing at all. Every figure worth reporting is a ratio of two of these, from one run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TracedCallBenchmark {

    private static final String QUESTION = "where is my order?";
    private static final String TENANT = "acme";

    /** A container whose tracer is on (test mode: nothing leaves the JVM). */
    @State(org.openjdk.jmh.annotations.Scope.Benchmark)
    public static class Traced {
        WeldTracing container;
        Assistant assistant;
        HoneyHiveTracer tracer;
        Tracer otel;
        Map<String, Object> tenEntries;
        Map<String, String> tenAttributes;

        @Setup(Level.Trial)
        public void start() {
            // The pass-through interceptor is enabled by its @Priority.
            container = WeldTracing.start(
                    Map.of("honeyhive.test-mode", "true", "honeyhive.project", "benchmarks"),
                    Assistant.class,
                    PassThroughInterceptor.class);
            assistant = container.get(Assistant.class);
            tracer = container.get(HoneyHiveTracer.class);
            otel = tracer.provider().get("benchmark");
            tenEntries = new LinkedHashMap<>();
            tenAttributes = new LinkedHashMap<>();
            for (int i = 0; i < 10; i++) {
                tenEntries.put("key" + i, "value" + i);
                // What enrichCurrentSpan(tenEntries) records, written by hand.
                tenAttributes.put("honeyhive_metadata.key" + i, "value" + i);
            }
        }

        @TearDown(Level.Trial)
        public void stop() {
            container.close();
        }
    }

    /** A container with {@code honeyhive.enabled=false}. */
    @State(org.openjdk.jmh.annotations.Scope.Benchmark)
    public static class Disabled {
        WeldTracing container;
        Assistant assistant;

        @Setup(Level.Trial)
        public void start() {
            // No other interceptor: one on any method would make Weld intercept every method of the class.
            container = WeldTracing.start(Map.of("honeyhive.enabled", "false"), Assistant.class);
            assistant = container.get(Assistant.class);
        }

        @TearDown(Level.Trial)
        public void stop() {
            container.close();
        }
    }

    @Benchmark
    public String plainCall() {
        return Assistant.work(QUESTION, TENANT);
    }

    @Benchmark
    public String otelRaw(Traced state) {
        Span span = state.otel.spanBuilder("Assistant.answer").startSpan();
        try (io.opentelemetry.context.Scope ignored = span.makeCurrent()) {
            return Assistant.work(QUESTION, TENANT);
        } finally {
            span.end();
        }
    }

    /** Weld's own interception, with an interceptor that only proceeds: not ours to make cheaper. */
    @Benchmark
    public String passThroughInterceptor(Traced state) {
        return state.assistant.answerThroughPassThrough(QUESTION, TENANT);
    }

    @Benchmark
    public String tracedNoCapture(Traced state) {
        return state.assistant.answerWithoutCapture(QUESTION, TENANT);
    }

    /** The same span through the plain-Java API, no container: what the tracer itself adds to {@code otelRaw}. */
    @Benchmark
    public String coreApi(Traced state) {
        try (HoneyHiveSpan ignored = state.tracer.trace("Assistant.answer", EventType.TOOL)) {
            return Assistant.work(QUESTION, TENANT);
        }
    }

    @Benchmark
    public String otelRawSameAttrs(Traced state) {
        Span span = state.otel
                .spanBuilder("Assistant.answer")
                .setAttribute("honeyhive_event_type", "tool")
                .setAttribute("honeyhive_inputs.question", QUESTION)
                .setAttribute("honeyhive_inputs.tenant", TENANT)
                .startSpan();
        try (io.opentelemetry.context.Scope ignored = span.makeCurrent()) {
            String result = Assistant.work(QUESTION, TENANT);
            span.setAttribute("honeyhive_outputs.result", result);
            return result;
        } finally {
            span.end();
        }
    }

    @Benchmark
    public String tracedCapture(Traced state) {
        return state.assistant.answerWithCapture(QUESTION, TENANT);
    }

    /** The bean called through its container, no interceptor: the baseline of {@code tracedDisabled}. */
    @Benchmark
    public String beanCall(Disabled state) {
        return state.assistant.answerUntraced(QUESTION, TENANT);
    }

    @Benchmark
    public String tracedDisabled(Disabled state) {
        return state.assistant.answerWithoutCapture(QUESTION, TENANT);
    }

    @Benchmark
    public void enrich(Traced state) {
        Span span = state.otel.spanBuilder("enrich").startSpan();
        try (io.opentelemetry.context.Scope ignored = span.makeCurrent()) {
            state.tracer.enrichCurrentSpan(state.tenEntries);
        } finally {
            span.end();
        }
    }

    @Benchmark
    public void tenSetAttribute(Traced state) {
        Span span = state.otel.spanBuilder("enrich").startSpan();
        try (io.opentelemetry.context.Scope ignored = span.makeCurrent()) {
            for (Map.Entry<String, String> entry : state.tenAttributes.entrySet()) {
                span.setAttribute(entry.getKey(), entry.getValue());
            }
        } finally {
            span.end();
        }
    }
}
