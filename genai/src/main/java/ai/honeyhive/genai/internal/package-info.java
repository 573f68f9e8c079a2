/** Internal, may change in any release: what keeps instrumented LLM clients' spans and connections sound. */
@NullMarked
package ai.honeyhive.genai.internal;

import org.jspecify.annotations.NullMarked;
