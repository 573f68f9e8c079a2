/** Internal, for our other modules only: may change in any release. */
@NullMarked
package ai.honeyhive.tracer.internal.span;

import org.jspecify.annotations.NullMarked;
