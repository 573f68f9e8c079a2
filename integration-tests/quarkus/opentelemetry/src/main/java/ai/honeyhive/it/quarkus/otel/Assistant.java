package ai.honeyhive.it.quarkus.otel;

import ai.honeyhive.cdi.Traced;
import ai.honeyhive.tracer.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The chain: a tool traced with @WithSpan, then the model. */
@ApplicationScoped
public class Assistant {

    @Inject
    Tools tools;

    @Inject
    ChatModel model;

    @Traced(eventType = EventType.CHAIN)
    public String reply(String question) {
        return model.chat(tools.lookup(question));
    }
}
