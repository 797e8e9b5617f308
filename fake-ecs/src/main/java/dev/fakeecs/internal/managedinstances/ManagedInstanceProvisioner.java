package dev.fakeecs.internal.managedinstances;

import dev.fakeecs.internal.capacity.ManagedInstancesSettings;
import dev.fakeecs.internal.capacity.SimulatedCapacityProvider;
import dev.fakeecs.internal.containerinstance.ContainerInstances;
import dev.fakeecs.internal.containerinstance.InstanceType;
import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import dev.fakeecs.internal.engine.RegionContext;
import dev.fakeecs.internal.task.SimulatedTask;
import dev.fakeecs.internal.task.Tasks;
import dev.fakeecs.journal.JournalEventType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Launches Managed Instances for tasks waiting in PROVISIONING. An evaluation (right after a task starts
 * waiting, coalesced per provider) takes the waiting tasks no booting instance is meant for, deals them
 * round-robin over the usable zones of the provider's subnets (one subnet: all in one zone, bin packing;
 * several: spread), and per zone and architecture plans instances with {@link InstancePlanner} over the types
 * matching the provider's {@code instanceRequirements}. Each instance boots for {@link #BOOT_DELAY} and then
 * registers as a container instance of the provider's cluster (Spot for {@code capacityOptionType SPOT}); the
 * waiting tasks are then placed by the task domain as on any new host.
 *
 * <pre>{@code
 * provisioner.requestEvaluation(provider);   // when a task starts waiting
 * }</pre>
 */
final class ManagedInstanceProvisioner {

    /** How long an instance takes from launch to registration (UNCONFIRMED rule). */
    static final Duration BOOT_DELAY = Duration.ofSeconds(60);

    private final RegionContext region;
    private final ManagedInstances fleet;
    private final ContainerInstances containerInstances;
    private final Tasks tasks;
    private final Set<String> evaluationPending = new HashSet<>();
    private final Map<String, Integer> nextZone = new HashMap<>();
    private final Set<SimulatedTask> reportedUnplaceable = new HashSet<>();

    ManagedInstanceProvisioner(RegionContext region, ManagedInstances fleet, ContainerInstances containerInstances,
                               Tasks tasks) {
        this.region = region;
        this.fleet = fleet;
        this.containerInstances = containerInstances;
        this.tasks = tasks;
    }

    /** Evaluates the provider at the current instant (once, however many tasks asked). */
    void requestEvaluation(SimulatedCapacityProvider provider) {
        if (!evaluationPending.add(provider.name())) {
            return;
        }
        region.engine().clock().schedule(Duration.ZERO, "managed instances " + provider.name() + " evaluate", () -> {
            evaluationPending.remove(provider.name());
            evaluate(provider);
        });
    }

    void evaluate(SimulatedCapacityProvider provider) {
        ManagedInstancesSettings settings = provider.managedInstances();
        if (settings == null || "DEPROVISIONING".equals(provider.status()) || "INACTIVE".equals(provider.status())) {
            return;
        }
        Set<SimulatedTask> covered = new HashSet<>();
        for (ManagedInstance mi : fleet.instancesOf(provider.name())) {
            if (mi.booting()) {
                covered.addAll(mi.meantFor());
            }
        }
        Map<String, List<TaskNeed>> byArchitecture = new LinkedHashMap<>();
        for (SimulatedTask task : tasks.waitingFor(provider.name())) {
            if (!covered.contains(task)) {
                TaskNeed need = TaskNeed.of(task);
                byArchitecture.computeIfAbsent(need.architecture(), a -> new ArrayList<>()).add(need);
            }
        }
        if (byArchitecture.isEmpty()) {
            return;
        }
        List<String> zones = new ArrayList<>();
        for (String zone : ProviderZones.of(settings.subnets(), region.availabilityZones())) {
            if (tasks.zoneUsable(zone)) {
                zones.add(zone);
            }
        }
        if (zones.isEmpty()) {
            region.record(JournalEventType.CAPACITY_PROVIDER, provider.arn(), "managedInstances", "no usable zone");
            return;
        }
        for (Map.Entry<String, List<TaskNeed>> e : byArchitecture.entrySet()) {
            List<InstanceType> candidates = InstanceRequirementsMatcher.matching(settings.requirements(), e.getKey());
            Map<String, List<TaskNeed>> byZone = new LinkedHashMap<>();
            for (TaskNeed need : e.getValue()) {
                int i = nextZone.merge(provider.name(), 1, Integer::sum) - 1;
                byZone.computeIfAbsent(zones.get(i % zones.size()), z -> new ArrayList<>()).add(need);
            }
            for (Map.Entry<String, List<TaskNeed>> z : byZone.entrySet()) {
                int[] reserved = fleet.daemonReservation(provider.name());
                InstancePlanner.Plan plan = InstancePlanner.plan(z.getValue(), candidates, reserved[0], reserved[1]);
                for (InstancePlanner.Launch launch : plan.launches()) {
                    launch(provider, launch, z.getKey());
                }
                for (TaskNeed need : plan.unplaceable()) {
                    if (reportedUnplaceable.add(need.task())) {
                        region.record(JournalEventType.CAPACITY_PROVIDER, provider.arn(), "managedInstances",
                                "no instance type fits", "task", need.task().arn(), "cpu", String.valueOf(need.cpu()),
                                "memory", String.valueOf(need.memory()), "architecture", need.architecture());
                    }
                }
            }
        }
    }

    private void launch(SimulatedCapacityProvider provider, InstancePlanner.Launch launch, String zone) {
        List<SimulatedTask> meantFor = new ArrayList<>();
        launch.tasks().forEach(n -> meantFor.add(n.task()));
        ManagedInstance mi = new ManagedInstance(provider.name(), launch.type(), zone, region.now(), meantFor);
        fleet.add(mi);
        region.record(JournalEventType.CAPACITY_PROVIDER, provider.arn(), "managedInstances", "launching",
                "instanceType", launch.type().name(), "availabilityZone", zone, "tasks",
                String.valueOf(meantFor.size()), "capacityOptionType", provider.managedInstances().spot() ? "SPOT"
                        : "ON_DEMAND");
        mi.boot(region.engine().clock().schedule(BOOT_DELAY, "managed instance " + launch.type().name() + " boots in "
                + zone, () -> boot(provider, mi)));
    }

    private void boot(SimulatedCapacityProvider provider, ManagedInstance mi) {
        ManagedInstancesSettings settings = provider.managedInstances();
        if (mi.terminated() || !"ACTIVE".equals(provider.status()) && !"PROVISIONING".equals(provider.status())) {
            fleet.remove(mi);
            return;
        }
        SimulatedContainerInstance ci;
        mi.meantFor().clear();   // its tasks may take it (or any host) from now on
        try {
            ci = containerInstances.launchHost(settings.cluster(), mi.type().name(), mi.zone(), provider.name());
        } catch (RuntimeException e) {
            region.record(JournalEventType.CAPACITY_PROVIDER, provider.arn(), "managedInstances", "launch failed",
                    "reason", e.getMessage());
            fleet.remove(mi);
            return;
        }
        ci.spot(settings.spot());
        fleet.registered(mi, ci);
        if (!tasks.waitingFor(provider.name()).isEmpty()) {
            requestEvaluation(provider);
        }
    }
}
