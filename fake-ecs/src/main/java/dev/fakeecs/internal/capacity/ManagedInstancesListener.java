package dev.fakeecs.internal.capacity;

/**
 * What the ECS Managed Instances fleet (a part above the task domain) hears from the capacity providers:
 * a MANAGED_INSTANCES provider was created, updated or is being deleted, and a task started waiting in
 * PROVISIONING for one. Registered with {@link CapacityProviders#managedInstancesListener}; worlds without
 * such providers never call it.
 *
 * <pre>{@code
 * capacityProviders.managedInstancesListener(fleet);
 * }</pre>
 */
public interface ManagedInstancesListener {

    /** A provider was created or its configuration changed. */
    void onProviderChanged(SimulatedCapacityProvider provider);

    /** A task waits in PROVISIONING for the provider. */
    void onTaskWaiting(String providerName);

    /** Whether tasks or services still use the provider (then it cannot be deleted). */
    boolean inUse(SimulatedCapacityProvider provider);

    /** The provider is DEPROVISIONING: terminate its instances. */
    void onProviderDeleting(SimulatedCapacityProvider provider);

    /** Nobody listens. */
    ManagedInstancesListener NONE = new ManagedInstancesListener() {
        @Override
        public void onProviderChanged(SimulatedCapacityProvider provider) {
        }

        @Override
        public void onTaskWaiting(String providerName) {
        }

        @Override
        public boolean inUse(SimulatedCapacityProvider provider) {
            return false;
        }

        @Override
        public void onProviderDeleting(SimulatedCapacityProvider provider) {
        }
    };
}
