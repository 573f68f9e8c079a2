/**
 * The build steps of the HoneyHive Quarkus extension: beans, interceptor, validation, REST filters, native image and
 * Dev UI.
 */
@NullMarked
package ai.honeyhive.quarkus.deployment;

import org.jspecify.annotations.NullMarked;
