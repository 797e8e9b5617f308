/**
 * ECS's events in EventBridge's format, derived from what the region's engine records: each journal record of a
 * task, container, container instance, service event, deployment or hook moment becomes the event AWS emits at
 * that moment, rendered from the resource's state right then. The scheduler's moments that are not journaled (a
 * task set turning steady, a desired count it computed) arrive through
 * {@link dev.fakeecs.internal.service.ServiceActionListener}. Emitting never schedules on the clock, never writes
 * the journal and never draws from the world's random source (event ids have a stream of their own), so worlds
 * behave and journal exactly as they did before events existed.
 *
 * <p>Adding a kind of event (as Managed Daemons' {@code ECS Daemon Service Action} and
 * {@code ECS Daemon Deployment State Change} were, in {@code DaemonEvents}; the seam for
 * {@code ECS Container Instance Health Change}): a class here that
 * turns the record (or listener call) into a detail, like {@code ServiceActionEvents}; a case in
 * {@link dev.fakeecs.internal.events.RegionEvents#accept} that calls it and {@code EventEmitter.emit} with the
 * detail-type; a constant in {@link dev.fakeecs.events.EcsEvent}; an example or schema check in
 * {@code EcsEventShapesTest}.
 *
 * <pre>{@code
 * RegionalServices.ALL = List.of(LoadBalancing.SERVICE, CloudWatch.SERVICE, RegionEvents.SERVICE);
 * }</pre>
 */
package dev.fakeecs.internal.events;
