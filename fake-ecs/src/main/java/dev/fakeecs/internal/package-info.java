/**
 * The engine itself: no API. Nothing outside the engine module may depend on these packages; the DSL
 * and the JUnit extension use {@code dev.fakeecs.spi}. Each package is a domain (cluster, container
 * instance, capacity, task definition, task, placement, service, deployment, auto scaling, fault,
 * region, protocol, server); {@code engine} holds what they all share (the engine lock, the event queue
 * of the virtual clock, the seeded random source, the journal) and {@code controlplane} the ECS API
 * operations over the domains. A region's parts are built in dependency order in
 * {@code internal.region.RegionEngine}; a lower part never calls a higher one except through the
 * listeners and lookups it publishes.
 */
package dev.fakeecs.internal;
