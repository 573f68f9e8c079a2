/**
 * Internal, for our other modules only, may change in any release.
 *
 * <p>Where ended spans go: the OTLP export pipeline to HoneyHive, its delivery tracking and counters, the headers and
 * endpoint the API key reaches its header through, the redaction of that key in logs, and the local sink.
 */
@NullMarked
package ai.honeyhive.tracer.internal.export;

import org.jspecify.annotations.NullMarked;
