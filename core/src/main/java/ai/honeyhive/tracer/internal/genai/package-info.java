/**
 * Bring your own instrumentor: LLM clients' spans and {@code gen_ai.*} log records become complete HoneyHive model
 * events. {@link ai.honeyhive.tracer.internal.genai.GenAiLogFold} gathers the log records by span and
 * {@link ai.honeyhive.tracer.internal.genai.FoldingSpanProcessor} folds them into their span when it ends;
 * {@link ai.honeyhive.tracer.internal.genai.ModelEvents} writes HoneyHive's bucket keys from every vintage of keys at
 * export.
 */
@NullMarked
package ai.honeyhive.tracer.internal.genai;

import org.jspecify.annotations.NullMarked;
