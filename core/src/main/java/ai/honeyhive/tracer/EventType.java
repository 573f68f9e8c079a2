package ai.honeyhive.tracer;

import java.util.Locale;

/** The kind of HoneyHive event a span becomes. */
public enum EventType {
    /** A call to a language model. */
    MODEL,
    /** A single step: a retrieval, a function, an API call. The default for spans that say nothing else. */
    TOOL,
    /** A sequence of steps, such as an agent run or a request. */
    CHAIN;

    /** The value sent as {@code honeyhive_event_type}: {@code model}, {@code tool} or {@code chain}. */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
