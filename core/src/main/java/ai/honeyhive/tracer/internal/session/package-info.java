/** Internal, for our other modules only: may change in any release. */
@NullMarked
package ai.honeyhive.tracer.internal.session;

import org.jspecify.annotations.NullMarked;
