package dev.fakeecs.internal.events;

import dev.fakeecs.events.EcsEvent;
import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import dev.fakeecs.internal.engine.RegionContext;
import dev.fakeecs.internal.neighbour.EcsNeighbourhood;
import dev.fakeecs.internal.neighbour.RegionalService;
import dev.fakeecs.internal.service.ServiceActionListener;
import dev.fakeecs.internal.service.SimulatedService;
import dev.fakeecs.internal.task.CapacityFreedListener;
import dev.fakeecs.internal.task.SimulatedTask;
import dev.fakeecs.journal.JournalEntry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One region's ECS events: hears every entry the region records and emits the EventBridge event AWS emits at that
 * moment, rendered from the resource's state right then. Task and container status changes and stop decisions
 * become {@code ECS Task State Change}; registrations, status and agent changes, and resources a task reserves or
 * frees become {@code ECS Container Instance State Change}; service events become {@code ECS Service Action}; the
 * deployment moments become {@code ECS Deployment State Change} (and the matching service actions) and lifecycle
 * hook moments {@code ECS Hook State Change}; Managed Daemons' deployment statuses become
 * {@code ECS Daemon Deployment State Change} and their daemon tasks that failed to start
 * {@code ECS Daemon Service Action}.
 *
 * <pre>{@code
 * RegionEvents events = RegionEngine.of(ecs.region("us-east-1")).service(RegionEvents.SERVICE);
 * }</pre>
 */
public final class RegionEvents implements Consumer<JournalEntry>, CapacityFreedListener, ServiceActionListener {

    /** Built in every region right after ECS. */
    public static final RegionalService<RegionEvents> SERVICE = RegionEvents::new;

    private final RegionContext region;
    private final EcsNeighbourhood ecs;
    private final EventEmitter emitter;
    private final TaskStateEvents tasks;
    private final ContainerInstanceEvents instances;
    private final ServiceActionEvents actions;
    private final DeploymentStateEvents deployments;
    private final HookStateEvents hooks;
    private final DaemonConstraintEvents daemons;
    /** Hosts whose stopped tasks are about to free resources (emitted once they did). */
    private final Set<String> releasing = new LinkedHashSet<>();
    /** The container instance version each instance's last event showed. */
    private final Map<String, Long> instanceVersions = new HashMap<>();

    RegionEvents(RegionContext region, EcsNeighbourhood ecs) {
        this.region = region;
        this.ecs = ecs;
        this.emitter = EventEmitter.of(region.engine());
        this.tasks = new TaskStateEvents(ecs);
        this.instances = new ContainerInstanceEvents(region);
        this.actions = new ServiceActionEvents(ecs);
        this.deployments = new DeploymentStateEvents(ecs);
        this.hooks = new HookStateEvents(ecs);
        this.daemons = new DaemonConstraintEvents(ecs);
        region.addRecordListener(this);
        ecs.addCapacityFreedListener(this);
        ecs.addServiceActionListener(this);
    }

    @Override
    public void accept(JournalEntry entry) {
        switch (entry.type()) {
            case TASK_STATE -> {
                if (entry.detail("daemonTask") != null || entry.detail("daemonTaskStopped") != null) {
                    daemonTask(entry);
                } else if (entry.detail("to") != null || entry.detail("desiredStatus") != null) {
                    taskChanged(entry.subject());
                }
            }
            case CONTAINER_STATE -> {
                if (entry.detail("to") != null) {
                    taskChanged(entry.subject());
                }
            }
            case TASK_PLACED -> {
                taskChanged(entry.subject());
                String host = entry.detail("containerInstance");
                if (host != null) {
                    instanceChanged(host);
                }
            }
            case CONTAINER_INSTANCE -> {
                if (entry.detail("status") != null || entry.detail("agentConnected") != null
                        || entry.detail("agentUpdateStatus") != null) {
                    instanceChanged(entry.subject());
                } else if (entry.detail("attribute") != null || entry.detail("attributeDeleted") != null) {
                    attributesChanged(entry.subject());
                }
            }
            case SERVICE_EVENT -> serviceEvent(entry);
            case DEPLOYMENT -> deployment(entry);
            default -> {
            }
        }
    }

    @Override
    public void onCapacityFreed(String cluster) {
        List<String> freed = new ArrayList<>();
        for (String arn : releasing) {
            SimulatedContainerInstance ci = ecs.containerInstance(arn);
            if (ci == null || ci.clusterName().equals(cluster)) {
                freed.add(arn);
            }
        }
        releasing.removeAll(freed);
        freed.forEach(this::instanceChanged);
    }

    private void taskChanged(String taskArn) {
        SimulatedTask task = ecs.task(taskArn);
        if (task == null) {
            return;
        }
        emitter.emit(region.name(), EcsEvent.TASK_STATE_CHANGE, List.of(task.arn()), tasks.detail(task, region.now()));
        if ("STOPPED".equals(task.lastStatus()) && task.containerInstance() != null) {
            releasing.add(task.containerInstance().arn());
        }
    }

    /**
     * PutAttributes and DeleteAttributes record one entry per attribute but change the instance's version once per
     * call: one event per version.
     */
    private void attributesChanged(String arn) {
        SimulatedContainerInstance ci = ecs.containerInstance(arn);
        if (ci != null && !Long.valueOf(ci.version()).equals(instanceVersions.get(ci.arn()))) {
            instanceChanged(arn);
            for (Map.Entry<String, Map<String, Object>> v : daemons.violations(ci, region.now())) {
                emitter.emit(region.name(), EcsEvent.SERVICE_ACTION, List.of(v.getKey()), DetailWriter.of(v.getValue()));
            }
        }
    }

    private void instanceChanged(String arn) {
        SimulatedContainerInstance ci = ecs.containerInstance(arn);
        if (ci == null) {
            return;
        }
        instanceVersions.put(ci.arn(), ci.version());
        emitter.emit(region.name(), EcsEvent.CONTAINER_INSTANCE_STATE_CHANGE, List.of(ci.arn()),
                instances.detail(ci, region.now()));
    }

    private void serviceEvent(JournalEntry entry) {
        ServiceArn s = ServiceArn.parse(entry.subject());
        String message = entry.detail("message");
        if (s == null || message == null) {
            return;
        }
        Map<String, Object> detail = actions.fromMessage(s, message, region.now());
        if (detail != null) {
            emitter.emit(region.name(), EcsEvent.SERVICE_ACTION, List.of(s.arn()), DetailWriter.of(detail));
            if ("SERVICE_STEADY_STATE".equals(detail.get("eventName"))) {
                Map<String, Object> providers = actions.capacityProviderSteadyState(s, region.now());
                if (providers != null) {
                    emitter.emit(region.name(), EcsEvent.SERVICE_ACTION, List.of(s.arn()),
                            DetailWriter.of(providers));
                }
            }
        }
    }

    @Override
    public void taskSetSteady(SimulatedService service, String taskSetArn) {
        ServiceArn s = ServiceArn.parse(service.arn());
        if (s != null) {
            emitter.emit(region.name(), EcsEvent.SERVICE_ACTION, List.of(s.arn()),
                    DetailWriter.of(ServiceActionEvents.taskSetSteadyState(s, taskSetArn, region.now())));
        }
    }

    @Override
    public void desiredCountComputed(SimulatedService service, String taskSetArn, int desiredCount) {
        ServiceArn s = ServiceArn.parse(service.arn());
        if (s != null) {
            emitter.emit(region.name(), EcsEvent.SERVICE_ACTION, List.of(s.arn()), DetailWriter.of(
                    ServiceActionEvents.desiredCountUpdated(s, taskSetArn, desiredCount, region.now())));
        }
    }

    private void daemonTask(JournalEntry entry) {
        Map<String, Object> detail;
        String resource;
        if ("not placed".equals(entry.detail("daemonTask"))) {
            detail = DaemonEvents.notPlaced(entry, region.now());
            resource = entry.subject();
        } else {
            SimulatedTask task = ecs.task(entry.subject());
            detail = task == null ? null : DaemonEvents.stoppedBeforeRunning(task, entry, region.now());
            resource = entry.subject();
        }
        if (detail != null) {
            emitter.emit(region.name(), EcsEvent.DAEMON_SERVICE_ACTION, List.of(resource), DetailWriter.of(detail));
        }
    }

    private void daemonDeployment(JournalEntry entry, String daemonArn) {
        Map<String, Object> change = DaemonEvents.deploymentChange(entry, region.now());
        if (change != null) {
            emitter.emit(region.name(), EcsEvent.DAEMON_DEPLOYMENT_STATE_CHANGE, List.of(daemonArn),
                    DetailWriter.of(change));
        }
    }

    private void deployment(JournalEntry entry) {
        String daemonArn = DaemonEvents.daemonOf(entry);
        if (daemonArn != null) {
            daemonDeployment(entry, daemonArn);
            return;
        }
        ServiceArn s = ServiceArn.parse(entry.subject());
        if (s == null) {
            return;
        }
        Map<String, Object> hook = hooks.fromEntry(s, entry, region.now());
        if (hook != null) {
            emitter.emit(region.name(), EcsEvent.HOOK_STATE_CHANGE, List.of(s.arn()), DetailWriter.of(hook));
            return;
        }
        Map<String, Object> change = deployments.fromEntry(s, entry, region.now());
        if (change == null) {
            return;
        }
        emitter.emit(region.name(), EcsEvent.DEPLOYMENT_STATE_CHANGE, List.of(s.arn()), DetailWriter.of(change));
        String name = (String) change.get("eventName");
        if (!name.equals("SERVICE_DEPLOYMENT_FAILED")) {
            emitter.emit(region.name(), EcsEvent.SERVICE_ACTION, List.of(s.arn()),
                    DetailWriter.of(ServiceActionEvents.detail("INFO", name, s, region.now())));
        }
    }
}
