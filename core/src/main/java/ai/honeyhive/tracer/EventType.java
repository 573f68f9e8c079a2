package ai.honeyhive.tracer;

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
}
