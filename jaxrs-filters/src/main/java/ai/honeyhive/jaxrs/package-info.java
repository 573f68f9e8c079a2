/**
 * HoneyHive for JAX-RS: {@link ai.honeyhive.jaxrs.HoneyHiveServerFilter} gives every HTTP request its own HoneyHive
 * session and a request span, and {@link ai.honeyhive.jaxrs.HoneyHiveClientFilter} carries the trace and the session
 * to the services a request calls.
 */
@NullMarked
package ai.honeyhive.jaxrs;

import org.jspecify.annotations.NullMarked;
