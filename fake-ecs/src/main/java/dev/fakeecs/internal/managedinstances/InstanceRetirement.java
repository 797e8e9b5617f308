package dev.fakeecs.internal.managedinstances;

import dev.fakeecs.internal.capacity.CapacityProviders;
import dev.fakeecs.internal.capacity.ManagedInstancesSettings;
import dev.fakeecs.internal.capacity.SimulatedCapacityProvider;
import dev.fakeecs.internal.containerinstance.ContainerInstances;
import dev.fakeecs.internal.containerinstance.HostedTask;
import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import dev.fakeecs.internal.engine.RegionContext;
import dev.fakeecs.journal.JournalEventType;

import java.time.Duration;

/**
 * How Managed Instances end:
 * <ul>
 *   <li>Idle: an ACTIVE instance without tasks (daemon tasks do not count) is terminated after the provider's
 *   {@code scaleInAfter} (null: {@link ManagedInstancesSettings#DEFAULT_SCALE_IN_AFTER}; -1: never); a task placed
 *   on it meanwhile cancels that.</li>
 *   <li>Patching: {@link #PATCH_DRAIN} after launch the instance turns DRAINING (the service scheduler moves
 *   service tasks within each service's minimum and maximum healthy percent), and is terminated once no task is
 *   left, or at {@link #PATCH_TERMINATE} whatever still runs (stopCode TerminationNotice).</li>
 *   <li>Drained: a DRAINING instance (patching, Spot notice, auto repair, UpdateContainerInstancesState) whose
 *   last task stopped is terminated.</li>
 * </ul>
 * Termination deregisters the container instance ({@code Instance terminated}); its tasks stop with stopCode
 * {@code TerminationNotice}.
 *
 * <pre>{@code
 * retirement.registered(mi);   // schedules patching and maybe the idle timer
 * retirement.refresh(mi);      // after a task change on the instance
 * }</pre>
 */
final class InstanceRetirement {

    /** When patching drains an instance (day 14). */
    static final Duration PATCH_DRAIN = Duration.ofDays(14);
    /** When patching terminates it at the latest (day 21). */
    static final Duration PATCH_TERMINATE = Duration.ofDays(21);

    private final RegionContext region;
    private final ManagedInstances fleet;
    private final CapacityProviders capacityProviders;
    private final ContainerInstances containerInstances;

    InstanceRetirement(RegionContext region, ManagedInstances fleet, CapacityProviders capacityProviders,
                       ContainerInstances containerInstances) {
        this.region = region;
        this.fleet = fleet;
        this.capacityProviders = capacityProviders;
        this.containerInstances = containerInstances;
    }

    /** A new instance registered: patching is scheduled, idleness checked. */
    void registered(ManagedInstance mi) {
        mi.addTimer(region.engine().clock().scheduleAt(mi.launchedAt().plus(PATCH_DRAIN),
                "managed instance " + mi.containerInstance().ec2InstanceId() + " patch drain", () -> drain(mi,
                        "patching")));
        mi.addTimer(region.engine().clock().scheduleAt(mi.launchedAt().plus(PATCH_TERMINATE),
                "managed instance " + mi.containerInstance().ec2InstanceId() + " patch terminate",
                () -> terminate(mi, "patching")));
        refresh(mi);
    }

    /** Re-checks one instance after its tasks or status changed. */
    void refresh(ManagedInstance mi) {
        SimulatedContainerInstance ci = mi.containerInstance();
        if (ci == null || mi.terminated()) {
            return;
        }
        if (!ci.isRegistered()) {
            return;
        }
        boolean busy = hasApplicationTasks(ci);
        if ("DRAINING".equals(ci.status())) {
            cancelIdle(mi);
            if (!busy) {
                terminate(mi, "drained");   // daemon tasks drain last: they stop with the instance
            }
            return;
        }
        if (busy) {
            cancelIdle(mi);
            return;
        }
        if (mi.idle() != null) {
            return;
        }
        SimulatedCapacityProvider cp = capacityProviders.find(mi.provider());
        Duration after = cp == null || cp.managedInstances() == null ? null : cp.managedInstances().scaleInAfter();
        if (after == null) {
            return;
        }
        mi.idle(region.engine().clock().schedule(after, "managed instance " + ci.ec2InstanceId() + " idle", () -> {
            mi.idle(null);
            if (ci.isActive() && !hasApplicationTasks(ci)) {
                terminate(mi, "idle");
            }
        }));
    }

    /** Sets the instance DRAINING (the scheduler moves service tasks); terminated once empty. */
    void drain(ManagedInstance mi, String why) {
        SimulatedContainerInstance ci = mi.containerInstance();
        if (ci == null || !ci.isActive()) {
            return;
        }
        region.record(JournalEventType.CONTAINER_INSTANCE, ci.arn(), "managedInstances", "draining", "reason", why);
        containerInstances.changeStatus(ci, "DRAINING");
        refresh(mi);
    }

    /** Terminates the instance (DEREGISTERING, then gone); its remaining tasks stop. */
    void terminate(ManagedInstance mi, String why) {
        if (mi.terminated()) {
            return;
        }
        mi.terminated(true);
        fleet.remove(mi);
        SimulatedContainerInstance ci = mi.containerInstance();
        if (ci == null) {
            SimulatedCapacityProvider cp = capacityProviders.find(mi.provider());
            region.record(JournalEventType.CAPACITY_PROVIDER, cp == null ? mi.provider() : cp.arn(), "managedInstances",
                    "launch cancelled", "instanceType", mi.type().name(), "reason", why);
            return;
        }
        region.record(JournalEventType.CONTAINER_INSTANCE, ci.arn(), "managedInstances", "DEREGISTERING", "reason",
                why, "ec2InstanceId", ci.ec2InstanceId());
        containerInstances.terminateHost(ci);
    }

    private void cancelIdle(ManagedInstance mi) {
        if (mi.idle() != null) {
            mi.idle().cancel();
            mi.idle(null);
        }
    }

    /** Whether a task other than a daemon task is placed on the host and not STOPPED. */
    boolean hasApplicationTasks(SimulatedContainerInstance ci) {
        for (HostedTask t : ci.tasks()) {
            if (!t.isStopped() && !fleet.isDaemonTask(t)) {
                return true;
            }
        }
        return false;
    }
}
