package ai.honeyhive.testing;

import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/** Assertions on one decoded span, with HoneyHive's attribute names built in. */
public final class RecordedSpanAssert extends AbstractAssert<RecordedSpanAssert, RecordedSpan> {

    RecordedSpanAssert(RecordedSpan span) {
        super(span, RecordedSpanAssert.class);
    }

    /** Verifies an attribute's value; integral numbers compare equal across {@code Integer} and {@code Long}. */
    public RecordedSpanAssert hasAttribute(String key, Object expected) {
        isNotNull();
        Object value = actual.attributes().get(key);
        if (!sameValue(value, expected)) {
            failWithMessage(
                    "Expected span <%s> to have attribute %s=<%s> but it was <%s>",
                    actual.name(), key, expected, value);
        }
        return this;
    }

    /** Verifies that an attribute is absent. */
    public RecordedSpanAssert hasNoAttribute(String key) {
        isNotNull();
        if (actual.attributes().containsKey(key)) {
            failWithMessage(
                    "Expected span <%s> to have no attribute %s but it was <%s>",
                    actual.name(), key, actual.attributes().get(key));
        }
        return this;
    }

    /** Verifies {@code honeyhive_inputs.<name>}. */
    public RecordedSpanAssert hasInput(String name, Object expected) {
        return hasAttribute("honeyhive_inputs." + name, expected);
    }

    /** Verifies {@code honeyhive_outputs.<path>}. */
    public RecordedSpanAssert hasOutput(String path, Object expected) {
        return hasAttribute("honeyhive_outputs." + path, expected);
    }

    /** Verifies {@code honeyhive_event_type}. */
    public RecordedSpanAssert hasEventType(String eventType) {
        return hasAttribute("honeyhive_event_type", eventType);
    }

    /** Verifies {@code honeyhive.session_id}. */
    public RecordedSpanAssert hasSessionId(String sessionId) {
        return hasAttribute("honeyhive.session_id", sessionId);
    }

    /** Verifies that this span is a direct child of the other, in the same trace. */
    public RecordedSpanAssert hasParent(RecordedSpan parent) {
        isNotNull();
        if (!actual.traceId().equals(parent.traceId()) || !actual.parentSpanId().equals(parent.spanId())) {
            failWithMessage(
                    "Expected span <%s> to be a child of <%s> (span %s, trace %s) but its parent is %s in"
                            + " trace %s",
                    actual.name(),
                    parent.name(),
                    parent.spanId(),
                    parent.traceId(),
                    actual.parentSpanId(),
                    actual.traceId());
        }
        return this;
    }

    /** Verifies that the span ended with status ERROR and {@code honeyhive_error} set to the given text. */
    public RecordedSpanAssert hasError(String expectedError) {
        isNotNull();
        if (!"STATUS_CODE_ERROR".equals(actual.statusCode())) {
            failWithMessage(
                    "Expected span <%s> to have status ERROR but it was %s", actual.name(), actual.statusCode());
        }
        return hasAttribute("honeyhive_error", expectedError);
    }

    private static boolean sameValue(Object value, Object expected) {
        if (value instanceof Number number
                && (expected instanceof Integer || expected instanceof Long || expected instanceof Short)) {
            return (value instanceof Long || value instanceof Integer)
                    && number.longValue() == ((Number) expected).longValue();
        }
        if (value instanceof Double number && expected instanceof Float f) {
            return number == f.doubleValue();
        }
        return Objects.equals(value, expected);
    }
}
