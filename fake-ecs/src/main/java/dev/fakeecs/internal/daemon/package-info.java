/**
 * ECS Managed Daemons: daemon task definitions, daemons (exactly one daemon task on every instance of their
 * Managed Instances capacity providers, started before application tasks, drained last), their revisions and
 * drain-provision-replace deployments with bake time, alarms, circuit breaker and rollback. Above
 * {@code internal.managedinstances} (the instances) and {@code internal.task} (the daemon tasks).
 */
package dev.fakeecs.internal.daemon;
