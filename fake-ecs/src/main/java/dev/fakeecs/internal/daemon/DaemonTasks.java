package dev.fakeecs.internal.daemon;

import dev.fakeecs.internal.capacity.CapacityProviders;
import dev.fakeecs.internal.capacity.SimulatedCapacityProvider;
import dev.fakeecs.internal.containerinstance.ContainerInstanceListener;
import dev.fakeecs.internal.containerinstance.ContainerInstances;
import dev.fakeecs.internal.containerinstance.HostedTask;
import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import dev.fakeecs.internal.engine.RegionContext;
import dev.fakeecs.internal.managedinstances.ManagedInstance;
import dev.fakeecs.internal.managedinstances.ManagedInstances;
import dev.fakeecs.internal.tag.Tags;
import dev.fakeecs.internal.task.LaunchResult;
import dev.fakeecs.internal.task.LaunchSpec;
import dev.fakeecs.internal.task.SimulatedTask;
import dev.fakeecs.internal.task.TaskStateListener;
import dev.fakeecs.internal.task.Tasks;
import dev.fakeecs.journal.JournalEventType;
import software.amazon.awssdk.services.ecs.model.DaemonPropagateTags;
import software.amazon.awssdk.services.ecs.model.DaemonTaskDefinition;
import software.amazon.awssdk.services.ecs.model.Tag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The daemon tasks: exactly one per daemon on every instance of the daemon's capacity providers.
 * <ul>
 *   <li>A Managed Instance that registers gets its daemon tasks first (a plain container instance listener, so they
 *   are placed before the task domain places waiting application tasks); application tasks on it are held in
 *   ACTIVATING until its daemon tasks are RUNNING.</li>
 *   <li>A daemon task that stops while its instance is ACTIVE counts as a failure for the daemon's deployment; for
 *   a critical daemon on a provider with auto repair the instance is impaired: DRAINING (application tasks move,
 *   replacements provisioned with the daemon first), then terminated; otherwise the daemon task is started again
 *   on the same instance.</li>
 * </ul>
 * Daemon tasks run in group {@code daemon:NAME}, startedBy {@code ecs-daemon}, launch type MANAGED_INSTANCES.
 *
 * <pre>{@code
 * daemonTasks.runningCount(daemon, revision, "mi-cp");
 * }</pre>
 */
final class DaemonTasks {

    /** One daemon task: which daemon and revision it runs. */
    record Assignment(SimulatedDaemon daemon, DaemonRevisionRecord revision, String provider) {
    }

    private final RegionContext region;
    private final Tasks tasks;
    private final CapacityProviders capacityProviders;
    private final ManagedInstances fleet;
    private final DaemonTaskDefinitions definitions;
    private final Tags tags;
    private final Map<SimulatedTask, Assignment> assignments = new LinkedHashMap<>();
    private Daemons daemons;
    private DaemonDeployer deployer;

    DaemonTasks(RegionContext region, Tasks tasks, ContainerInstances containerInstances,
                CapacityProviders capacityProviders, ManagedInstances fleet, DaemonTaskDefinitions definitions,
                Tags tags) {
        this.region = region;
        this.tasks = tasks;
        this.capacityProviders = capacityProviders;
        this.fleet = fleet;
        this.definitions = definitions;
        this.tags = tags;
        containerInstances.addListener(new ContainerInstanceListener() {
            @Override
            public void onRegistered(SimulatedContainerInstance instance) {
                startOn(instance);
            }
        });
        tasks.addListener(new TaskStateListener() {
            @Override
            public void onTransition(SimulatedTask task, String from, String to) {
                if (!assignments.isEmpty()) {
                    transition(task, to);
                }
            }
        });
        fleet.daemonTasks(this::isDaemonTask);
        fleet.daemonReservation(this::reservation);
        tasks.lifecycle().runHold(this::held);
    }

    void wire(Daemons daemons, DaemonDeployer deployer) {
        this.daemons = daemons;
        this.deployer = deployer;
    }

    boolean isDaemonTask(HostedTask task) {
        return task instanceof SimulatedTask t && assignments.containsKey(t);
    }

    /** Starts every daemon that covers the instance's provider on it. */
    void startOn(SimulatedContainerInstance ci) {
        if (daemons == null || ci.capacityProviderName() == null) {
            return;
        }
        SimulatedCapacityProvider cp = capacityProviders.find(ci.capacityProviderName());
        if (cp == null || !cp.isManagedInstances()) {
            return;
        }
        for (SimulatedDaemon d : daemons.all()) {
            DaemonRevisionRecord revision = d.revisionForNewInstances();
            if (revision != null && d.clusterName.equals(ci.clusterName()) && revision.providers().contains(cp.name())
                    && daemonTaskOn(d, ci) == null) {
                start(d, revision, ci);
            }
        }
    }

    /** The daemon's live task on the instance, or null. */
    SimulatedTask daemonTaskOn(SimulatedDaemon d, SimulatedContainerInstance ci) {
        for (Map.Entry<SimulatedTask, Assignment> e : assignments.entrySet()) {
            if (e.getValue().daemon() == d && e.getKey().containerInstance() == ci && !e.getKey().isStoppingOrStopped()) {
                return e.getKey();
            }
        }
        return null;
    }

    /** Daemon tasks of the revision RUNNING on the provider's instances. */
    int runningCount(SimulatedDaemon d, DaemonRevisionRecord revision, String provider) {
        int n = 0;
        for (Map.Entry<SimulatedTask, Assignment> e : assignments.entrySet()) {
            Assignment a = e.getValue();
            if (a.daemon() == d && a.revision() == revision && provider.equals(a.provider())
                    && "RUNNING".equals(e.getKey().lastStatus())) {
                n++;
            }
        }
        return n;
    }

    /** Whether any daemon task still uses the task definition. */
    boolean usesTaskDefinition(String arn) {
        for (Assignment a : assignments.values()) {
            if (a.revision().taskDefinitionArn().equals(arn)) {
                return true;
            }
        }
        return false;
    }

    /** The revision the daemon's task on the instance runs, or null. */
    DaemonRevisionRecord revisionOn(SimulatedDaemon d, SimulatedContainerInstance ci) {
        SimulatedTask t = daemonTaskOn(d, ci);
        return t == null ? null : assignments.get(t).revision();
    }

    private void start(SimulatedDaemon d, DaemonRevisionRecord revision, SimulatedContainerInstance ci) {
        DaemonTaskDefinition dtd = definitions.find(revision.taskDefinitionArn());
        if (dtd == null) {
            return;
        }
        List<Tag> taskTags = new ArrayList<>();
        if (revision.propagateTags() == DaemonPropagateTags.DAEMON) {
            taskTags.addAll(tags.tagsOf(d.arn));
        }
        LaunchSpec spec = new LaunchSpec(ci.clusterName(), DaemonTaskDefinitionConversion.toTaskDefinition(dtd),
                "MANAGED_INSTANCES", ci.capacityProviderName(), "daemon:" + d.name, "ecs-daemon", null, List.of(),
                List.of(), null, taskTags, Boolean.TRUE.equals(revision.executeCommand()), null, null);
        LaunchResult result = tasks.launchOn(spec, ci);
        if (result.task() == null) {
            region.record(JournalEventType.TASK_STATE, d.arn, "daemonTask", "not placed", "containerInstance",
                    ci.arn(), "reason", result.failures().isEmpty() ? String.valueOf(result.capacityShortage())
                            : result.failures().get(0).toString());
            deployer.daemonTaskFailed(d, revision);
            return;
        }
        assignments.put(result.task(), new Assignment(d, revision, ci.capacityProviderName()));
        region.record(JournalEventType.TASK_STATE, result.task().arn(), "daemon", d.arn, "revision", revision.arn(),
                "containerInstance", ci.arn());
    }

    /** CPU units and memory the daemons of a provider take on each of its new instances. */
    private int[] reservation(String provider) {
        int cpu = 0;
        int memory = 0;
        if (daemons == null) {
            return new int[] {0, 0};
        }
        for (SimulatedDaemon d : daemons.all()) {
            DaemonRevisionRecord r = d.revisionForNewInstances();
            if (r == null || !r.providers().contains(provider)) {
                continue;
            }
            DaemonTaskDefinition dtd = definitions.find(r.taskDefinitionArn());
            if (dtd != null) {
                var td = DaemonTaskDefinitionConversion.toTaskDefinition(dtd);
                cpu += dev.fakeecs.internal.taskdefinition.TaskResources.cpuUnits(td);
                memory += dev.fakeecs.internal.taskdefinition.TaskResources.memoryMiB(td);
            }
        }
        return new int[] {cpu, memory};
    }

    /** Application tasks on an instance wait for its daemon tasks to run. */
    private boolean held(SimulatedTask task) {
        SimulatedContainerInstance ci = task.containerInstance();
        if (ci == null || assignments.isEmpty() || assignments.containsKey(task)) {
            return false;
        }
        for (Map.Entry<SimulatedTask, Assignment> e : assignments.entrySet()) {
            SimulatedTask daemonTask = e.getKey();
            if (daemonTask.containerInstance() == ci && !daemonTask.isStoppingOrStopped()
                    && !"RUNNING".equals(daemonTask.lastStatus())) {
                return true;
            }
        }
        return false;
    }

    private void transition(SimulatedTask task, String to) {
        Assignment a = assignments.get(task);
        if (a == null) {
            return;
        }
        SimulatedContainerInstance ci = task.containerInstance();
        if ("RUNNING".equals(to)) {
            tasks.lifecycle().releaseHeld(ci);
            deployer.progress(a.daemon());
            return;
        }
        if (!"STOPPED".equals(to)) {
            return;
        }
        assignments.remove(task);
        tasks.lifecycle().releaseHeld(ci);
        definitions.released(a.revision().taskDefinitionArn());
        if (ci == null || !ci.isActive() || !a.daemon().isActive() && a.daemon().latest() != null
                && a.daemon().latest().removesDaemon) {
            return;   // the instance is draining or gone: expected
        }
        region.record(JournalEventType.TASK_STATE, task.arn(), "daemonTaskStopped", task.stopCode(),
                "containerInstance", ci.arn());
        deployer.daemonTaskFailed(a.daemon(), a.revision());
        SimulatedCapacityProvider cp = capacityProviders.find(ci.capacityProviderName());
        ManagedInstance mi = fleet.of(ci);
        boolean repair = a.revision().critical() && cp != null && cp.managedInstances() != null
                && cp.managedInstances().autoRepair() && mi != null;
        if (repair) {
            fleet.drain(mi, "auto repair: daemon task stopped");
        } else if (a.daemon().isActive()) {
            DaemonRevisionRecord revision = a.daemon().revisionForNewInstances();
            if (revision != null) {
                start(a.daemon(), revision, ci);
            }
        }
    }
}
