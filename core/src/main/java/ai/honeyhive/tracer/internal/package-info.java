/**
 * Internal, for our other modules only, may change in any release.
 *
 * <p>The span processor that stamps session context, the exporters, the attribute flattener and the throttled
 * logger of the HoneyHive tracer.
 */
@NullMarked
package ai.honeyhive.tracer.internal;

import org.jspecify.annotations.NullMarked;
