package ai.honeyhive.benchmarks;

import ai.honeyhive.tracer.EventType;
import ai.honeyhive.tracer.HoneyHiveSpan;
import ai.honeyhive.tracer.HoneyHiveTracer;
import ai.honeyhive.tracer.SessionEnrichment;
import ai.honeyhive.tracer.SessionScope;
import java.util.Map;

/** What the application does with the tracer in the backend-fault measurements: a traced call, a traced request. */
final class TracedWork {

    private TracedWork() {}

    /** A span with an input and an output around a little work. */
    static String call(HoneyHiveTracer tracer, String question) {
        try (HoneyHiveSpan span = tracer.trace("answer_question", EventType.TOOL)) {
            span.setAttribute("honeyhive_inputs.question", question);
            String answer = Assistant.work(question, "acme");
            span.setAttribute("honeyhive_outputs.answer", answer);
            return answer;
        }
    }

    /** What the request filter does around a call: a session of its own, started and then updated with the status. */
    static String request(HoneyHiveTracer tracer, String question) {
        try (SessionScope session = tracer.withSession("support-request")) {
            String answer = call(tracer, question);
            tracer.enrichSession(SessionEnrichment.builder()
                    .sessionId(session.sessionId())
                    .outputs(Map.of("status_code", 200))
                    .build());
            return answer;
        }
    }
}
