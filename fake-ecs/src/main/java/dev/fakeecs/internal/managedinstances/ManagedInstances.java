package dev.fakeecs.internal.managedinstances;

import dev.fakeecs.internal.capacity.CapacityProviders;
import dev.fakeecs.internal.capacity.ManagedInstancesListener;
import dev.fakeecs.internal.capacity.SimulatedCapacityProvider;
import dev.fakeecs.internal.containerinstance.ContainerInstanceListener;
import dev.fakeecs.internal.containerinstance.ContainerInstances;
import dev.fakeecs.internal.containerinstance.HostedTask;
import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import dev.fakeecs.internal.engine.RegionContext;
import dev.fakeecs.internal.service.Services;
import dev.fakeecs.internal.service.SimulatedService;
import dev.fakeecs.internal.task.SimulatedTask;
import dev.fakeecs.internal.task.TaskStateListener;
import dev.fakeecs.internal.task.Tasks;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The ECS Managed Instances fleet of one region: every instance ECS launched for a MANAGED_INSTANCES capacity
 * provider, by provider. It listens to the capacity providers (a task waits in PROVISIONING, a provider changes
 * or is deleted), to container instances (an instance is lost or drained) and to tasks (an instance turns busy
 * or idle), and hands the work to {@link ManagedInstanceProvisioner} and {@link InstanceRetirement}. A world
 * without such providers never reaches it past a map lookup.
 *
 * <pre>{@code
 * ManagedInstances fleet = new ManagedInstances(region, capacityProviders, containerInstances, tasks, services);
 * fleet.instancesOf("mi-cp");        // booting and registered instances
 * }</pre>
 */
public final class ManagedInstances implements ManagedInstancesListener {

    private final CapacityProviders capacityProviders;
    private final Tasks tasks;
    private final Services services;
    private final Map<String, List<ManagedInstance>> byProvider = new LinkedHashMap<>();
    private final Map<String, ManagedInstance> byContainerInstance = new HashMap<>();
    private final ManagedInstanceProvisioner provisioner;
    private final InstanceRetirement retirement;
    private Predicate<HostedTask> daemonTasks = t -> false;
    private java.util.function.Function<String, int[]> daemonReservation = provider -> new int[] {0, 0};
    private final List<java.util.function.Consumer<ManagedInstance>> registrationListeners = new ArrayList<>();

    public ManagedInstances(RegionContext region, CapacityProviders capacityProviders,
                            ContainerInstances containerInstances, Tasks tasks, Services services) {
        this.capacityProviders = capacityProviders;
        this.tasks = tasks;
        this.services = services;
        this.provisioner = new ManagedInstanceProvisioner(region, this, containerInstances, tasks);
        this.retirement = new InstanceRetirement(region, this, capacityProviders, containerInstances);
        capacityProviders.managedInstancesListener(this);
        tasks.waitingHeld(task -> {
            if (byProvider.isEmpty()) {
                return false;
            }
            for (ManagedInstance mi : byProvider.getOrDefault(task.capacityProviderName(), List.of())) {
                if (mi.booting() && mi.meantFor().contains(task)) {
                    return true;   // its own instance is on the way
                }
            }
            return false;
        });
        containerInstances.addFollowUpListener(new ContainerInstanceListener() {
            @Override
            public void onDraining(SimulatedContainerInstance instance) {
                refresh(instance);
            }

            @Override
            public void onActivated(SimulatedContainerInstance instance) {
                refresh(instance);
            }
        });
        containerInstances.addListener(new ContainerInstanceListener() {
            @Override
            public void onDeregistered(SimulatedContainerInstance instance, boolean terminated) {
                ManagedInstance mi = byContainerInstance.get(instance.arn());
                if (mi != null) {
                    mi.terminated(true);
                    remove(mi);
                }
            }
        });
        tasks.addListener(new TaskStateListener() {
            @Override
            public void onTransition(SimulatedTask task, String from, String to) {
                if (task.containerInstance() != null && !byContainerInstance.isEmpty()) {
                    refresh(task.containerInstance());
                }
            }
        });
    }

    /** The provider's instances, booting ones included, in launch order. */
    public List<ManagedInstance> instancesOf(String provider) {
        return List.copyOf(byProvider.getOrDefault(provider, List.of()));
    }

    /** The Managed Instance behind a container instance, or null for any other host. */
    public ManagedInstance of(SimulatedContainerInstance ci) {
        return ci == null ? null : byContainerInstance.get(ci.arn());
    }

    /** Tells which tasks are daemon tasks (they neither keep an instance busy nor drain before it). */
    public void daemonTasks(Predicate<HostedTask> isDaemonTask) {
        this.daemonTasks = isDaemonTask;
    }

    /** What the daemons of a provider reserve on each of its instances: {CPU units, memory MiB}. */
    public void daemonReservation(java.util.function.Function<String, int[]> reservation) {
        this.daemonReservation = reservation;
    }

    int[] daemonReservation(String provider) {
        return daemonReservation.apply(provider);
    }

    /** Subscribes to "a Managed Instance registered" (daemons start their task there). */
    public void addRegistrationListener(java.util.function.Consumer<ManagedInstance> listener) {
        registrationListeners.add(listener);
    }

    /** Drains an instance (auto repair, a daemon deployment): DRAINING, terminated once its tasks moved. */
    public void drain(ManagedInstance mi, String why) {
        retirement.drain(mi, why);
    }

    /** Terminates an instance now. */
    public void terminate(ManagedInstance mi, String why) {
        retirement.terminate(mi, why);
    }

    /** Asks for an evaluation of the provider (tasks may be waiting). */
    public void evaluate(String provider) {
        SimulatedCapacityProvider cp = capacityProviders.find(provider);
        if (cp != null && cp.isManagedInstances()) {
            provisioner.requestEvaluation(cp);
        }
    }

    boolean isDaemonTask(HostedTask task) {
        return daemonTasks.test(task);
    }

    // ------------------------------------------------------------------ ManagedInstancesListener

    @Override
    public void onProviderChanged(SimulatedCapacityProvider provider) {
        for (ManagedInstance mi : instancesOf(provider.name())) {
            if (mi.idle() != null) {
                mi.idle().cancel();
                mi.idle(null);
            }
            retirement.refresh(mi);
        }
        provisioner.requestEvaluation(provider);
    }

    @Override
    public void onTaskWaiting(String providerName) {
        SimulatedCapacityProvider cp = capacityProviders.find(providerName);
        if (cp != null) {
            provisioner.requestEvaluation(cp);
        }
    }

    @Override
    public boolean inUse(SimulatedCapacityProvider provider) {
        String cluster = provider.managedInstances().cluster();
        if (tasks.usesCapacityProvider(cluster, provider.name())) {
            return true;
        }
        for (SimulatedService service : services.inCluster(cluster)) {
            if (!"ACTIVE".equals(service.status())) {
                continue;
            }
            for (CapacityProviderStrategyItem item : service.capacityProviderStrategy()) {
                if (provider.name().equals(item.capacityProvider())) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public void onProviderDeleting(SimulatedCapacityProvider provider) {
        for (ManagedInstance mi : instancesOf(provider.name())) {
            retirement.terminate(mi, "capacity provider deleted");
        }
    }

    // ------------------------------------------------------------------ registry

    void add(ManagedInstance mi) {
        byProvider.computeIfAbsent(mi.provider(), p -> new ArrayList<>()).add(mi);
    }

    void registered(ManagedInstance mi, SimulatedContainerInstance ci) {
        mi.registered(ci);
        byContainerInstance.put(ci.arn(), mi);
        for (var listener : List.copyOf(registrationListeners)) {
            listener.accept(mi);
        }
        retirement.registered(mi);
    }

    void remove(ManagedInstance mi) {
        List<ManagedInstance> list = byProvider.get(mi.provider());
        if (list != null) {
            list.remove(mi);
        }
        if (mi.containerInstance() != null) {
            byContainerInstance.remove(mi.containerInstance().arn());
        }
    }

    private void refresh(SimulatedContainerInstance ci) {
        ManagedInstance mi = byContainerInstance.get(ci.arn());
        if (mi != null) {
            retirement.refresh(mi);
        }
    }
}
