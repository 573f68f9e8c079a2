/**
 * Internal, for our other modules only, may change in any release.
 *
 * <p>The portable extension, the {@code @Traced} interceptor, the tracer registry and the MicroProfile Config reader.
 */
@NullMarked
package ai.honeyhive.cdi.internal;

import org.jspecify.annotations.NullMarked;
