package ai.honeyhive.benchmarks;

import ai.honeyhive.jaxrs.HoneyHiveServerFilter;
import ai.honeyhive.jaxrs.JaxrsSessionSettings;
import ai.honeyhive.tracer.HoneyHiveTracer;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.ResourceConfig;
import org.jspecify.annotations.Nullable;
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
 * One request through Jersey's whole server pipeline, in-process (no network, the response written to memory), with
 * the tracer's request filter against a plain OpenTelemetry server span made by hand, on one tracer provider
 * exporting to a HoneyHive stand-in on loopback.
 * Sample time gives the mean and p99.9.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class JaxrsFilterBenchmark {

    private static final URI BASE = URI.create("http://localhost/");
    private static final URI REQUEST = URI.create("http://localhost/support/ask?q=where%20is%20my%20order");
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    /**
     * {@code TEST_MODE}: the request thread's own work, nothing sent. {@code LOOPBACK}: as in production, spans
     * exported in batches and, for the tracer's filter, a session start and update per request, to a HoneyHive on
     * loopback whose work shares the machine's cores with the requests.
     */
    @Param({"TEST_MODE", "LOOPBACK"})
    public String destination;

    private @Nullable LoopbackHoneyHiveProcess backend;
    private HoneyHiveTracer tracer;
    private ApplicationHandler honeyhive;
    private ApplicationHandler plain;

    @Setup(Level.Trial)
    public void start() {
        if (destination.equals("LOOPBACK")) {
            backend = LoopbackHoneyHiveProcess.start(LoopbackHoneyHive.Fault.UP);
            tracer = Tracers.sendingTo(backend.url());
        } else {
            tracer = Tracers.testMode();
        }
        honeyhive = new ApplicationHandler(new ResourceConfig(AskResource.class)
                .register(new HoneyHiveServerFilter(
                        tracer, JaxrsSessionSettings.builder().build(), List.of())));
        plain = new ApplicationHandler(new ResourceConfig(AskResource.class)
                .register(new PlainOpenTelemetryFilter(tracer.provider().get("benchmark"))));
    }

    @TearDown(Level.Trial)
    public void stop() {
        Tracers.close(tracer);
        if (backend != null) {
            backend.close();
        }
    }

    @Benchmark
    public ContainerResponse honeyhiveFilter() throws InterruptedException, ExecutionException {
        return call(honeyhive);
    }

    @Benchmark
    public ContainerResponse plainOtelFilter() throws InterruptedException, ExecutionException {
        return call(plain);
    }

    private static ContainerResponse call(ApplicationHandler handler) throws InterruptedException, ExecutionException {
        ContainerRequest request = new ContainerRequest(
                BASE, REQUEST, "GET", null, new MapPropertiesDelegate(), handler.getConfiguration());
        request.header("traceparent", TRACEPARENT);
        ContainerResponse response = handler.apply(request).get();
        if (response.getStatus() != 200) {
            throw new IllegalStateException("the request failed: " + response.getStatus());
        }
        return response;
    }
}
