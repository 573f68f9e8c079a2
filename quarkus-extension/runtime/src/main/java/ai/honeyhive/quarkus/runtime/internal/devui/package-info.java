/**
 * Internal, for our other modules only, may change in any release.
 *
 * <p>The Dev UI page's JSON-RPC service and the local sink reader behind it.
 */
@NullMarked
package ai.honeyhive.quarkus.runtime.internal.devui;

import org.jspecify.annotations.NullMarked;
