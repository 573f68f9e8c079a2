/**
 * Internal, for our other modules only, may change in any release.
 *
 * <p>The settings table: every setting of a tracer declared once, with its names, parser, default, check and
 * description, and the readers, checks and configuration reference made from it.
 */
@NullMarked
package ai.honeyhive.tracer.internal.config;

import org.jspecify.annotations.NullMarked;
