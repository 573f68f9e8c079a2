package ai.honeyhive.it.bomonly;

import ai.honeyhive.cdi.Traced;
import ai.honeyhive.tracer.EventType;
import jakarta.enterprise.context.ApplicationScoped;

/** A traced bean, as an application has them. */
@ApplicationScoped
public class Greeter {

    @Traced(eventType = EventType.TOOL)
    public String greet(String name) {
        return "Hello, " + name;
    }
}
