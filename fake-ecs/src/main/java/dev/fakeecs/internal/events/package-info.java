/**
 * ECS's events in EventBridge's format, derived from what the region's engine records: each journal record of a
 * task, container, container instance, service event, deployment or hook moment becomes the event AWS emits at
 * that moment, rendered from the resource's state right then. Emitting never schedules on the clock, never writes
 * the journal and never draws from the world's random source (event ids have a stream of their own), so worlds
 * behave and journal exactly as they did before events existed.
 *
 * <pre>{@code
 * RegionalServices.ALL = List.of(LoadBalancing.SERVICE, CloudWatch.SERVICE, RegionEvents.SERVICE);
 * }</pre>
 */
package dev.fakeecs.internal.events;
