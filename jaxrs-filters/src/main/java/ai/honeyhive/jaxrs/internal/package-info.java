/** Internal, for our other modules only, may change in any release. */
@NullMarked
package ai.honeyhive.jaxrs.internal;

import org.jspecify.annotations.NullMarked;
