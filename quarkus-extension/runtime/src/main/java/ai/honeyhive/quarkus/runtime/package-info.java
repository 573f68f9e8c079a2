/**
 * HoneyHive for Quarkus: the configuration of the extension ({@code honeyhive.*}). Inject
 * {@code ai.honeyhive.tracer.HoneyHiveTracer} and use {@code ai.honeyhive.cdi.Traced} as on any CDI runtime.
 */
@NullMarked
package ai.honeyhive.quarkus.runtime;

import org.jspecify.annotations.NullMarked;
