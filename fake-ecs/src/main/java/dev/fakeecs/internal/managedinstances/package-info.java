/**
 * ECS Managed Instances: the instances ECS launches, patches and terminates for capacity providers of type
 * {@code MANAGED_INSTANCES}. The providers themselves (their API, validation, stored configuration) live in
 * {@code internal.capacity}; this package is the fleet behind them, above the task and service domains: it hears
 * about tasks waiting in PROVISIONING ({@code CapacityProviders.managedInstancesListener}), chooses instance types
 * from the catalogue ({@code containerinstance.InstanceTypes}), launches hosts that register as container
 * instances of the provider's cluster, and drains and terminates them (idle, patching, deletion).
 */
package dev.fakeecs.internal.managedinstances;
