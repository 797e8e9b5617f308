/**
 * ECS's events in EventBridge's format: every task, container instance, service action, deployment and
 * lifecycle hook state change the world emits, as {@link dev.fakeecs.events.EcsEvent} values with the
 * envelope and {@code detail} AWS documents, in emission order ({@link dev.fakeecs.events.EcsEvents}).
 * Event ids come from a random stream of their own, derived from the world's seed, so the same seed and
 * the same calls give the same events and leave the journal exactly as it was without them.
 *
 * <pre>{@code
 * ecs.events().addListener(event -> alerts.handle(event.toJson()));
 * List<EcsEvent> stopped = ecs.events().ofType(EcsEvent.TASK_STATE_CHANGE);
 * }</pre>
 */
package dev.fakeecs.events;
