package ai.honeyhive.benchmarks;

import ai.honeyhive.tracer.EventType;
import ai.honeyhive.tracer.HoneyHiveSpan;
import ai.honeyhive.tracer.HoneyHiveTracer;
import ai.honeyhive.tracer.SessionEnrichment;
import ai.honeyhive.tracer.SessionScope;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.util.Map;

/**
 * One request of the production-load soak, {@value #SPANS} spans: a chain span around {@value #STEPS} tool spans, each
 * with a small input and output, in a session of the request's own (started, then updated with the status), as the
 * JAX-RS filter and a {@code @Traced} bean make them; and the same spans through a plain OpenTelemetry tracer, for
 * the baseline.
 */
final class LoadRequest {

    static final int STEPS = 19;
    static final int SPANS = STEPS + 1;

    private LoadRequest() {}

    /** Two session calls and {@value #SPANS} spans through the HoneyHive tracer. */
    static void traced(HoneyHiveTracer tracer, long request) {
        try (SessionScope session = tracer.withSession("load-request")) {
            try (HoneyHiveSpan chain = tracer.trace("handle", EventType.CHAIN)) {
                chain.setAttribute("honeyhive_inputs.request", request);
                for (int step = 0; step < STEPS; step++) {
                    try (HoneyHiveSpan tool = tracer.trace("step", EventType.TOOL)) {
                        tool.setAttribute("honeyhive_inputs.step", step);
                        tool.setAttribute("honeyhive_outputs.result", "done " + step);
                    }
                }
            }
            tracer.enrichSession(SessionEnrichment.builder()
                    .sessionId(session.sessionId())
                    .outputs(Map.of("status_code", 200))
                    .build());
        }
    }

    /** The same {@value #SPANS} spans, with the same attributes, through a plain OpenTelemetry tracer. */
    static void plain(Tracer tracer, long request) {
        Span chain = tracer.spanBuilder("handle").startSpan();
        try (Scope ignored = chain.makeCurrent()) {
            chain.setAttribute("honeyhive_event_type", "chain");
            chain.setAttribute("honeyhive_inputs.request", request);
            for (int step = 0; step < STEPS; step++) {
                Span tool = tracer.spanBuilder("step").startSpan();
                tool.setAttribute("honeyhive_event_type", "tool");
                tool.setAttribute("honeyhive_inputs.step", step);
                tool.setAttribute("honeyhive_outputs.result", "done " + step);
                tool.end();
            }
        } finally {
            chain.end();
        }
    }
}
