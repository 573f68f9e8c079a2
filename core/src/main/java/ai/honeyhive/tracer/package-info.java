/**
 * The HoneyHive tracer for Java: {@link ai.honeyhive.tracer.HoneyHiveTracer} sends OpenTelemetry spans to HoneyHive
 * as sessions and events.
 *
 * <pre>{@code
 * try (HoneyHiveTracer tracer = HoneyHiveTracer.builder().project("support-bot").build();
 *      HoneyHiveSpan span = tracer.trace("retrieve", EventType.TOOL)) {
 *     tracer.enrichSpan(Enrichment.builder().inputs(Map.of("query", query)).build());
 * }
 * }</pre>
 *
 * <p>Only the types in this package are public API; {@code ai.honeyhive.tracer.internal} may change in any release.
 */
@NullMarked
package ai.honeyhive.tracer;

import org.jspecify.annotations.NullMarked;
