/**
 * Internal, for our other modules only, may change in any release.
 *
 * <p>HoneyHive sessions: the session calls and their JSON bodies, the asynchronous session client, session ids, the
 * baggage a session travels in, and the propagation of trace context and baggage through carriers.
 */
@NullMarked
package ai.honeyhive.tracer.internal.session;

import org.jspecify.annotations.NullMarked;
