/**
 * What the {@link dev.fakeecs.VirtualClock} hands out: {@link dev.fakeecs.clock.ScheduledEvent}, an event
 * on the clock's queue that can be cancelled (or closed in try-with-resources).
 *
 * <pre>{@code
 * ScheduledEvent ping = ecs.clock().schedule(Duration.ofSeconds(30), "ping", () -> log("ping"));
 * ecs.clock().pendingEvents();   // [ping, ...] in the order they would run
 * ping.cancel();
 * }</pre>
 */
package dev.fakeecs.clock;
