package ai.honeyhive.tracer.internal.genai;

import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.SpanData;

/** An ended model span's data, with the gen_ai log records folded into it, for {@link ModelEvents} to read. */
final class FoldedSpanData extends DelegatingSpanData {

    private final FoldedChat chat;

    FoldedSpanData(SpanData span, FoldedChat chat) {
        super(span);
        this.chat = chat;
    }

    FoldedChat chat() {
        return chat;
    }

    /** The records folded into the span, if it is a span they were folded into. */
    static FoldedChat of(SpanData span) {
        return span instanceof FoldedSpanData folded ? folded.chat : FoldedChat.NONE;
    }
}
