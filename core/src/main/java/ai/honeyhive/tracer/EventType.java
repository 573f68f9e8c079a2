package ai.honeyhive.tracer;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The kind of HoneyHive event a span becomes. */
public enum EventType {
    /** A call to a language model. */
    MODEL("model"),
    /** A single step: a retrieval, a function, an API call. The default for spans that say nothing else. */
    TOOL("tool"),
    /** A sequence of steps, such as an agent run or a request. */
    CHAIN("chain");

    private final String wireValue;

    EventType(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The value sent as {@code honeyhive_event_type}: {@code model}, {@code tool} or {@code chain}. */
    public String wireValue() {
        return wireValue;
    }

    /**
     * The event type whose {@linkplain #wireValue() wire value} this is, ignoring case; empty for any other name, such
     * as the {@code "openai_gpt4"} the Python SDK's examples pass.
     */
    public static Optional<EventType> fromWireValue(@Nullable String name) {
        for (EventType type : values()) {
            if (type.wireValue.equalsIgnoreCase(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
