package ai.honeyhive.genai.internal;

import io.opentelemetry.api.trace.Span;
import org.jspecify.annotations.Nullable;

/**
 * Sets a span attribute only when the client library gave a value: LangChain4j's requests and responses leave most of
 * their fields null, and a null attribute would only be dropped by the SDK.
 */
public final class OptionalAttributes {

    private OptionalAttributes() {}

    public static void setIfPresent(Span span, String key, @Nullable String value) {
        if (value != null) {
            span.setAttribute(key, value);
        }
    }

    public static void setIfPresent(Span span, String key, @Nullable Double value) {
        if (value != null) {
            span.setAttribute(key, value);
        }
    }

    public static void setIfPresent(Span span, String key, @Nullable Integer value) {
        if (value != null) {
            span.setAttribute(key, value.longValue());
        }
    }
}
