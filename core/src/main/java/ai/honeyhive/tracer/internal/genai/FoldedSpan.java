package ai.honeyhive.tracer.internal.genai;

import ai.honeyhive.tracer.internal.span.AmendedSpanData;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.InstrumentationLibraryInfo;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.jspecify.annotations.Nullable;

/** An ended span with its gen_ai log records folded in: its span data carries them ({@link FoldedSpanData}). */
final class FoldedSpan implements ReadableSpan {

    private final ReadableSpan span;
    private final FoldedMessages messages;
    // Made once (the local sink and the export may both ask), on the exporting thread.
    private @Nullable SpanData folded;

    FoldedSpan(ReadableSpan span, FoldedMessages messages) {
        this.span = span;
        this.messages = messages;
    }

    @Override
    public synchronized SpanData toSpanData() {
        if (folded == null) {
            SpanData data = span.toSpanData();
            try {
                FoldedChat chat = messages.chat();
                SpanData withDetails = chat.details().isEmpty()
                        ? data
                        : AmendedSpanData.of(data, withAbsent(data.getAttributes(), chat.details()));
                folded = new FoldedSpanData(withDetails, chat);
            } catch (RuntimeException e) {
                // The records cost only themselves: the span goes out as it was.
                folded = data;
            }
        }
        return folded;
    }

    /** The producer's attributes, with the folded ones it does not set itself. */
    private static Attributes withAbsent(Attributes own, Attributes folded) {
        AttributesBuilder merged = own.toBuilder();
        folded.forEach((key, value) -> {
            if (own.get(key) == null) {
                putUnchecked(merged, key, value);
            }
        });
        return merged.build();
    }

    @SuppressWarnings("unchecked")
    private static void putUnchecked(AttributesBuilder builder, AttributeKey<?> key, Object value) {
        builder.put((AttributeKey<Object>) key, value);
    }

    @Override
    public SpanContext getSpanContext() {
        return span.getSpanContext();
    }

    @Override
    public SpanContext getParentSpanContext() {
        return span.getParentSpanContext();
    }

    @Override
    public String getName() {
        return span.getName();
    }

    @Override
    @Deprecated
    public InstrumentationLibraryInfo getInstrumentationLibraryInfo() {
        return span.getInstrumentationLibraryInfo();
    }

    @Override
    public InstrumentationScopeInfo getInstrumentationScopeInfo() {
        return span.getInstrumentationScopeInfo();
    }

    @Override
    public boolean hasEnded() {
        return span.hasEnded();
    }

    @Override
    public long getLatencyNanos() {
        return span.getLatencyNanos();
    }

    @Override
    public SpanKind getKind() {
        return span.getKind();
    }

    @Override
    public <T> @Nullable T getAttribute(AttributeKey<T> key) {
        return span.getAttribute(key);
    }

    @Override
    public Attributes getAttributes() {
        return span.getAttributes();
    }
}
