/**
 * The scenario timeline: actions at virtual times and windows that start and end
 * ({@link dev.fakeecs.dsl.scenario.Scenario}); faults, load windows and image pushes are actions.
 *
 * <pre>{@code
 * scenario().at(LocalTime.of(19, 30), "region outage", ecs -> log("east is down"))
 *     .after(Duration.ofMinutes(5), "first check", ecs -> ecs.clock().instant());
 * }</pre>
 */
package dev.fakeecs.dsl.scenario;
