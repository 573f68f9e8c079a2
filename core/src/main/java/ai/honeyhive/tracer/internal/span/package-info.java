/**
 * Internal, for our other modules only, may change in any release.
 *
 * <p>Spans: the one way they are started, the processor that stamps the session on every span, enrichment, the
 * attribute flattener and its limits, error recording, event-type detection and the attribute keys HoneyHive reads.
 */
@NullMarked
package ai.honeyhive.tracer.internal.span;

import org.jspecify.annotations.NullMarked;
