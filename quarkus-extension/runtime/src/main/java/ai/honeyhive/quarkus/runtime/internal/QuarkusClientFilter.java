package ai.honeyhive.quarkus.runtime.internal;

import ai.honeyhive.jaxrs.HoneyHiveClientFilter;

/**
 * The JAX-RS client filter for the Quarkus REST client, registered by a build step for every client. A subclass so
 * that it can be a bean while the discoverable original is turned off (it would run a second time otherwise).
 */
public class QuarkusClientFilter extends HoneyHiveClientFilter {}
