package ai.honeyhive.it.quarkus;

import ai.honeyhive.cdi.Traced;
import jakarta.enterprise.context.ApplicationScoped;

/** Records what the assistant was asked, traced by a tracer of its own ({@code honeyhive.tracers.audit.*}). */
@ApplicationScoped
public class AuditLog {

    @Traced(tracer = "audit")
    public String record(String question) {
        return "recorded " + question;
    }
}
