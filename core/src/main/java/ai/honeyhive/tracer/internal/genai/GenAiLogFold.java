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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * The tracer's logger provider's one processor: LLM clients' instrumentations (OpenTelemetry's openai-java wrapper,
 * for one) write prompts and completions as {@code gen_ai.*} log records in the context of their model span; they are
 * kept here, by span, until that span ends, and then folded into it ({@link FoldingSpanProcessor}). Nothing is
 * exported as a log. A record whose span has ended, or is not an open span of an OpenTelemetry SDK, or that is past
 * the bounds ({@value #MAX_OPEN_SPANS} spans, {@link FoldedMessages#MAX_CHARACTERS} characters per span,
 * {@link #MAX_HELD_CHARACTERS} in all), is dropped and counted. Never throws.
 */
public final class GenAiLogFold implements LogRecordProcessor {

    /** At most this many model spans gather records at once; past it, records are dropped (and counted). */
    static final int MAX_OPEN_SPANS = 4096;

    /** All the records of open spans together hold at most this much message text; past it, records are dropped. */
    static final long MAX_HELD_CHARACTERS = 16L * 1024 * 1024;

    private static final AttributeKey<String> EVENT_NAME = AttributeKey.stringKey("event.name");
    private static final Set<String> FOLDED = Set.of(
            "gen_ai.system.message",
            "gen_ai.user.message",
            "gen_ai.assistant.message",
            "gen_ai.tool.message",
            "gen_ai.choice",
            "gen_ai.client.inference.operation.details");
    private static final Logger logger = Logger.getLogger(GenAiLogFold.class.getName());
    private static final ThrottledLogger droppedLog = new ThrottledLogger(logger);

    private final Map<String, FoldedMessages> bySpan = new ConcurrentHashMap<>();
    private final LongAdder dropped = new LongAdder();
    private final AtomicLong heldCharacters = new AtomicLong();

    @Override
    public void onEmit(Context context, ReadWriteLogRecord record) {
        try {
            String eventName = eventName(record);
            if (eventName == null || !FOLDED.contains(eventName)) {
                return;
            }
            SpanContext spanContext = record.getSpanContext();
            if (!spanContext.isValid()) {
                drop("a gen_ai log record outside any span");
                return;
            }
            if (!(Span.fromContext(context) instanceof ReadableSpan span)
                    || !span.getSpanContext().equals(spanContext)) {
                // Only a span of an OpenTelemetry SDK says when it ends, so only its records can be kept safely.
                drop("a gen_ai log record whose span is not an open SDK span here");
                return;
            }
            if (span.hasEnded()) {
                drop("a gen_ai log record after its span ended");
                return;
            }
            FoldedMessages messages = messagesOf(spanContext.getSpanId(), span);
            if (messages == null) {
                drop("a gen_ai log record while " + MAX_OPEN_SPANS + " model spans were gathering records");
                return;
            }
            long room = MAX_HELD_CHARACTERS - heldCharacters.get();
            int added = messages.add(eventName, record.getBodyValue(), record.getAttributes(), room);
            if (added < 0) {
                drop("a gen_ai log record past the characters of messages kept");
                return;
            }
            heldCharacters.addAndGet(added);
            if (span.hasEnded()) {
                // It ended while the record was added: its records are gone with it, this one included.
                release(bySpan.remove(spanContext.getSpanId()));
                drop("a gen_ai log record that raced with the end of its span");
            }
        } catch (RuntimeException e) {
            drop("a gen_ai log record that could not be read (" + e + ")");
        }
    }

    /** The records gathered for a span that has ended, taken out; null if it has none. */
    @Nullable
    FoldedMessages take(String spanId) {
        if (bySpan.isEmpty()) {
            return null;
        }
        FoldedMessages messages = bySpan.remove(spanId);
        release(messages);
        return messages;
    }

    /** How many gen_ai log records were dropped so far. */
    public long dropped() {
        return dropped.sum();
    }

    private void release(@Nullable FoldedMessages messages) {
        if (messages != null) {
            messages.close();
            heldCharacters.addAndGet(-messages.characters());
        }
    }

    private @Nullable FoldedMessages messagesOf(String spanId, ReadableSpan span) {
        FoldedMessages present = bySpan.get(spanId);
        if (present != null) {
            return present;
        }
        if (bySpan.size() >= MAX_OPEN_SPANS) {
            // Spans that ended while a record raced in leave entries behind: clear those before refusing.
            bySpan.values().removeIf(messages -> {
                if (messages.spanEnded()) {
                    release(messages);
                    return true;
                }
                return false;
            });
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
        // Records may be dropped by the thousand on the application's threads: the message is made only if logged.
        if (logger.isLoggable(Level.FINE)) {
            droppedLog.log(Level.FINE, "Dropped " + what + "; " + dropped.sum() + " so far");
        }
    }
}
