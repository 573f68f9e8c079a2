/**
 * LLM clients instrumented for HoneyHive in one line: {@link ai.honeyhive.genai.HoneyHiveOpenAi} for
 * {@code openai-java}. The application brings the client library; this module depends on none.
 */
@NullMarked
package ai.honeyhive.genai;

import org.jspecify.annotations.NullMarked;
