/**
 * HoneyHive for CDI: {@code @Inject HoneyHiveTracer}, {@link ai.honeyhive.cdi.Traced @Traced} on beans, and named
 * tracers with {@link ai.honeyhive.cdi.HoneyHive @HoneyHive("name")}, configured through MicroProfile Config keys
 * {@code honeyhive.*}. Adding the jar is enough: its portable extension registers everything.
 */
@NullMarked
package ai.honeyhive.cdi;

import org.jspecify.annotations.NullMarked;
