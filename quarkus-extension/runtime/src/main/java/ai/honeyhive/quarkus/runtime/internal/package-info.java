/**
 * Internal, for our other modules only, may change in any release.
 *
 * <p>The recorder, the {@code @Traced} interceptor with Mutiny results, the REST filters, the context storage that
 * follows Vert.x requests, and the span processor for Quarkus's OpenTelemetry SDK.
 */
@NullMarked
package ai.honeyhive.quarkus.runtime.internal;

import org.jspecify.annotations.NullMarked;
