/**
 * A recording HoneyHive server for tests: a real HTTP server on a loopback port that records what HoneyHive SDKs
 * send, decodes OTLP with the {@code opentelemetry-proto} classes and JSON with Jackson, injects faults per route,
 * and offers AssertJ assertions on what it received.
 *
 * <p>Start with {@link ai.honeyhive.testing.RecordingHoneyHiveServer#start()} and point the tracer's server URL at
 * {@link ai.honeyhive.testing.RecordingHoneyHiveServer#baseUrl()}.
 */
@NullMarked
package ai.honeyhive.testing;

import org.jspecify.annotations.NullMarked;
