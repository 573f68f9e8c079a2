package ai.honeyhive.tracer.internal.genai;

import ai.honeyhive.tracer.internal.ThrottledLogger;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.logs.LogRecordProcessor;
import io.opentelemetry.sdk.logs.ReadWriteLogRecord;
import io.opentelemetry.sdk.trace.ReadableSpan;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * The tracer's logger provider's one processor: LLM clients' instrumentations (OpenTelemetry's openai-java wrapper,
 * for one) write prompts and completions as {@code gen_ai.*} log records in the context of their model span; they are
 * kept here, by span, until that span ends, and then folded into it ({@link FoldingSpanProcessor}). Nothing is
 * exported as a log. A record whose span has ended, or that has no span, or that is past the bounds, is dropped and
 * counted. Never throws.
 */
public final class GenAiLogFold implements LogRecordProcessor {

    /** At most this many model spans gather records at once; past it, records are dropped (and counted). */
    static final int MAX_OPEN_SPANS = 4096;

    private static final AttributeKey<String> EVENT_NAME = AttributeKey.stringKey("event.name");
    private static final String GEN_AI = "gen_ai.";
    private static final Logger logger = Logger.getLogger(GenAiLogFold.class.getName());
    private static final ThrottledLogger droppedLog = new ThrottledLogger(logger);

    private final Map<String, FoldedMessages> bySpan = new ConcurrentHashMap<>();
    private final LongAdder dropped = new LongAdder();

    @Override
    public void onEmit(Context context, ReadWriteLogRecord record) {
        try {
            String eventName = eventName(record);
            if (eventName == null || !eventName.startsWith(GEN_AI)) {
                return;
            }
            SpanContext spanContext = record.getSpanContext();
            if (!spanContext.isValid()) {
                drop("a gen_ai log record outside any span");
                return;
            }
            Span span = Span.fromContext(context);
            ReadableSpan readable = span instanceof ReadableSpan sdkSpan
                            && sdkSpan.getSpanContext().equals(spanContext)
                    ? sdkSpan
                    : null;
            if (readable != null && readable.hasEnded()) {
                drop("a gen_ai log record after its span ended");
                return;
            }
            FoldedMessages messages = messagesOf(spanContext.getSpanId(), readable);
            if (messages == null) {
                drop("a gen_ai log record while " + MAX_OPEN_SPANS + " model spans were gathering records");
                return;
            }
            if (!messages.add(eventName, LogValues.toJson(record.getBodyValue()), record.getAttributes())) {
                drop("a gen_ai log record past " + FoldedMessages.MAX_CHARACTERS + " characters of messages");
            }
        } catch (RuntimeException e) {
            drop("a gen_ai log record that could not be read (" + e + ")");
        }
    }

    /** The records gathered for a span that has ended, taken out; null if it has none. */
    @Nullable
    FoldedMessages take(String spanId) {
        return bySpan.isEmpty() ? null : bySpan.remove(spanId);
    }

    /** How many gen_ai log records were dropped so far. */
    public long dropped() {
        return dropped.sum();
    }

    private @Nullable FoldedMessages messagesOf(String spanId, @Nullable ReadableSpan span) {
        FoldedMessages present = bySpan.get(spanId);
        if (present != null) {
            return present;
        }
        if (bySpan.size() >= MAX_OPEN_SPANS) {
            // Spans that ended while a record raced in leave entries behind: clear those before refusing.
            bySpan.values().removeIf(FoldedMessages::spanEnded);
            if (bySpan.size() >= MAX_OPEN_SPANS) {
                return null;
            }
        }
        return bySpan.computeIfAbsent(spanId, id -> new FoldedMessages(span));
    }

    private static @Nullable String eventName(ReadWriteLogRecord record) {
        String name = record.getEventName();
        return name != null ? name : record.getAttribute(EVENT_NAME);
    }

    private void drop(String what) {
        dropped.increment();
        droppedLog.log(Level.FINE, "Dropped " + what + "; " + dropped.sum() + " so far");
    }
}
