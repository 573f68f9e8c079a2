package ai.honeyhive.quarkus.runtime.internal.delivery;

import ai.honeyhive.cdi.internal.TracerRegistry;
import ai.honeyhive.tracer.HoneyHiveTracer;
import ai.honeyhive.tracer.SessionCallStatistics;
import ai.honeyhive.tracer.SpanStatistics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The readiness check "HoneyHive delivery", with SmallRye Health: always UP, since HoneyHive being down must never take
 * the application out of service, with each tracer's counts of spans and session calls, and a {@code state} of
 * {@code degraded} when exports or session calls failed since the previous check ({@code delivering} otherwise).
 */
@Readiness
@ApplicationScoped
public class DeliveryHealthCheck implements HealthCheck {

    static final String NAME = "HoneyHive delivery";

    @Inject
    TracerRegistry registry;

    // The failures each tracer had at the previous check.
    private final Map<String, Long> failuresBefore = new HashMap<>();

    @Override
    public synchronized HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up();
        boolean degraded = false;
        for (Map.Entry<String, HoneyHiveTracer> named : registry.started().entrySet()) {
            String tracer = named.getKey().isEmpty() ? "default" : named.getKey();
            SpanStatistics spans = named.getValue().spanStatistics();
            SessionCallStatistics calls = named.getValue().sessionCallStatistics();
            response.withData(tracer + ".spans.delivered", spans.delivered())
                    .withData(tracer + ".spans.failed", spans.failed())
                    .withData(tracer + ".spans.dropped", spans.dropped())
                    .withData(tracer + ".spans.queued", spans.queued())
                    .withData(tracer + ".session-calls.delivered", calls.delivered())
                    .withData(tracer + ".session-calls.failed", calls.failed())
                    .withData(tracer + ".session-calls.dropped", calls.dropped())
                    .withData(tracer + ".session-calls.queued", calls.queued());
            long failures = spans.failed() + calls.failed();
            Long before = failuresBefore.put(tracer, failures);
            degraded |= failures > (before == null ? 0 : before);
        }
        return response.withData("state", degraded ? "degraded" : "delivering").build();
    }
}
