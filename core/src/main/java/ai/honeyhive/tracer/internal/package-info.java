/**
 * Internal, for our other modules only, may change in any release.
 *
 * <p>What a tracer is assembled from: its OpenTelemetry SDK ({@link ai.honeyhive.tracer.internal.TracerSdk}), the
 * bridge our other modules reach its internals through, deadlines, JVM hooks, and the small pieces every part shares
 * (throttled logging, JSON, the library version). The parts themselves live in the sub-packages: {@code config} (the
 * settings table and its readers), {@code export} (where spans go), {@code session} (session calls, bodies, ids and
 * baggage) and {@code span} (starting, stamping, enriching and flattening spans).
 */
@NullMarked
package ai.honeyhive.tracer.internal;

import org.jspecify.annotations.NullMarked;
