package dev.fakeecs.internal.capacity;

import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import dev.fakeecs.internal.containerinstance.InstanceType;
import dev.fakeecs.internal.containerinstance.InstanceTypes;
import dev.fakeecs.journal.JournalEventType;
import dev.fakeecs.internal.engine.RegionContext;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ECS managed scaling for an ASG capacity provider: every {@link #PERIOD} (one CloudWatch period)
 * it computes the {@code CapacityProviderReservation} metric and moves the group's desired capacity
 * toward the target, the way the ECS-created target tracking policy does.
 *
 * <ul>
 *   <li>M = the group's registered hosts; N = the hosts needed: hosts running at least one task,
 *   plus the fresh hosts the tasks waiting in PROVISIONING need (first-fit decreasing by memory on
 *   hosts of the group's instance type; tasks too big for the type are left out, as ECS does).
 *   Since N is compared with the group's desired capacity, which already counts instances still
 *   booting, the same waiting tasks never launch hosts twice.</li>
 *   <li>Reservation = N / M x 100 (M = 0: 100 when N = 0, else 200).</li>
 *   <li>Wanted desired = ceil(N x 100 / targetCapacity), within the group's min..max.</li>
 *   <li>Scale-out happens at once, by at least {@code minimumScalingStepSize} and at most
 *   {@code maximumScalingStepSize} instances.</li>
 *   <li>Scale-in happens only after the wanted size stayed lower for {@link #SCALE_IN_AFTER}
 *   (target tracking's 15 one-minute data points), never while a host is inside its warm-up, and
 *   by at most {@code maximumScalingStepSize}.</li>
 * </ul>
 *
 * <pre>{@code
 * // created by CapacityProviders when managed scaling is ENABLED; nothing to call by hand
 * }</pre>
 */
final class CapacityProviderScaler {

    /** How often managed scaling evaluates the metric. */
    static final Duration PERIOD = Duration.ofMinutes(1);
    /** How long the metric must stay below target before a scale-in. */
    static final Duration SCALE_IN_AFTER = Duration.ofMinutes(15);

    private final RegionContext region;
    private final CapacityProviders providers;
    private final Map<String, Instant> lowSince = new HashMap<>();

    CapacityProviderScaler(RegionContext region, CapacityProviders providers) {
        this.region = region;
        this.providers = providers;
    }

    /** Starts the periodic evaluation of a provider (no-op if it runs already). */
    void start(SimulatedCapacityProvider provider) {
        if (provider.scalingEvent() != null) {
            return;
        }
        provider.scalingEvent(region.engine().clock().schedulePeriodic(PERIOD, PERIOD,
                "managed scaling " + provider.name(), () -> evaluate(provider)));
    }

    /** Stops it (managed scaling disabled, provider deleted). */
    void stop(SimulatedCapacityProvider provider) {
        if (provider.scalingEvent() != null) {
            provider.scalingEvent().cancel();
            provider.scalingEvent(null);
        }
        lowSince.remove(provider.name());
    }

    /** One evaluation: the metric, then maybe a new desired capacity. */
    void evaluate(SimulatedCapacityProvider provider) {
        AutoScalingGroup asg = provider.autoScalingGroup();
        if (!provider.isActive() || !provider.managedScaling() || asg == null) {
            return;
        }
        Instant now = region.now();
        List<SimulatedContainerInstance> hosts = new ArrayList<>();
        for (SimulatedContainerInstance ci : asg.inService()) {
            if (ci.isRegistered()) {
                hosts.add(ci);
            }
        }
        int m = hosts.size();
        int busy = 0;
        boolean warming = asg.booting() > 0;
        for (SimulatedContainerInstance ci : hosts) {
            Instant launched = asg.launchedAt(ci);
            warming |= launched != null && now.isBefore(launched.plusSeconds(provider.instanceWarmupPeriod()));
            if (!ci.tasks().isEmpty()) {
                busy++;
            }
        }
        int n = busy + hostsFor(providers.provisioningTasks(provider.name()), asg.instanceType());
        int reservation = m == 0 ? (n == 0 ? 100 : 200) : (int) Math.round(n * 100.0 / m);
        int wanted = (int) Math.ceil(n * 100.0 / provider.targetCapacity());
        wanted = Math.max(asg.min(), Math.min(asg.max(), wanted));
        int desired = asg.desired();
        if (wanted > desired) {
            lowSince.remove(provider.name());
            int step = Math.min(provider.maximumScalingStepSize(),
                    Math.max(provider.minimumScalingStepSize(), wanted - desired));
            scale(provider, asg, desired + step, reservation, n, m);
        } else if (wanted < desired) {
            Instant since = lowSince.computeIfAbsent(provider.name(), k -> now);
            if (!warming && !now.isBefore(since.plus(SCALE_IN_AFTER))) {
                int step = Math.min(provider.maximumScalingStepSize(), desired - wanted);
                scale(provider, asg, desired - step, reservation, n, m);
                lowSince.remove(provider.name());
            }
        } else {
            lowSince.remove(provider.name());
        }
    }

    private void scale(SimulatedCapacityProvider provider, AutoScalingGroup asg, int desired, int reservation, int n, int m) {
        region.record(JournalEventType.CAPACITY_PROVIDER, provider.arn(), "capacityProviderReservation",
                String.valueOf(reservation), "instancesNeeded", String.valueOf(n), "instancesRunning",
                String.valueOf(m), "desired", String.valueOf(desired));
        asg.desired(desired, "managed scaling by " + provider.name());
    }

    /** Fresh hosts of {@code type} the tasks need, first-fit decreasing by memory; oversized tasks left out. */
    static int hostsFor(List<CapacityDemand.TaskNeed> tasks, String instanceType) {
        if (tasks.isEmpty()) {
            return 0;
        }
        InstanceType type = InstanceTypes.get(instanceType);
        List<CapacityDemand.TaskNeed> sorted = new ArrayList<>(tasks);
        sorted.sort(Comparator.comparingInt(CapacityDemand.TaskNeed::memory)
                .thenComparingInt(CapacityDemand.TaskNeed::cpu).reversed());
        List<int[]> hosts = new ArrayList<>();
        for (CapacityDemand.TaskNeed task : sorted) {
            if (task.cpu() > type.cpuUnits() || task.memory() > type.memoryMiB()) {
                continue;
            }
            boolean placed = false;
            for (int[] free : hosts) {
                if (free[0] >= task.cpu() && free[1] >= task.memory()) {
                    free[0] -= task.cpu();
                    free[1] -= task.memory();
                    placed = true;
                    break;
                }
            }
            if (!placed) {
                hosts.add(new int[] {type.cpuUnits() - task.cpu(), type.memoryMiB() - task.memory()});
            }
        }
        return hosts.size();
    }
}
