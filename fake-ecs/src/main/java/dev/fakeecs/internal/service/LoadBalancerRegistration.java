package dev.fakeecs.internal.service;

import dev.fakeecs.clock.ScheduledEvent;
import dev.fakeecs.internal.engine.RegionContext;
import dev.fakeecs.internal.targets.Target;
import dev.fakeecs.internal.targets.TargetGroupDirectory;
import dev.fakeecs.internal.targets.TargetGroupInfo;
import dev.fakeecs.internal.targets.TargetHealth;
import dev.fakeecs.internal.task.SimulatedTask;
import dev.fakeecs.internal.task.TaskTargets;
import dev.fakeecs.internal.task.Tasks;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.PortMapping;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Registers a service task's load balancer targets and deregisters them when it stops, as ECS does.
 *
 * <ul>
 *   <li><b>Registration</b> while the task is ACTIVATING, just before RUNNING: for every {@code loadBalancers}
 *       entry of the task's deployment (or task set) naming a target group, the task's ENI private IP and the
 *       container port (target type {@code ip}) or its container instance's EC2 instance id and the host port
 *       the container port is bound to (target type {@code instance}); right after, one event per target group
 *       for the targets the service registered at that instant, {@code (service S) registered N targets in
 *       (target-group ARN)}.</li>
 *   <li><b>Draining</b> when the task enters DEACTIVATING: right after the step that stopped it writes
 *       {@code has stopped N running tasks.} (before a deployment completes or the service is steady), its targets are deregistered from every target group, the service
 *       writes {@code deregistered N targets in (target-group ARN)} per group and
 *       {@code (service S, taskSet ecs-svc/ID) has begun draining connections on N tasks.} per deployment, and
 *       the task stays DEACTIVATING until its last target is unused (the longest deregistration delay).</li>
 *   <li><b>Without draining</b> (host lost, task stopped at once, Spot interruption, a task stopped before
 *       RUNNING) the targets are deregistered at once and nothing waits.</li>
 * </ul>
 * Tasks of services without load balancers (and standalone tasks) have no targets: every call returns at once.
 */
final class LoadBalancerRegistration implements TaskTargets {

    /** One registered target of a task. */
    record Registration(String targetGroupArn, Target target) {
    }

    private final RegionContext region;
    private final Services services;
    private final Tasks tasks;
    private final TargetGroupDirectory targetGroups;
    private final ServiceEventWriter events;
    private final Map<SimulatedTask, List<Registration>> byTask = new IdentityHashMap<>();
    private final Map<Registration, SimulatedTask> byTarget = new HashMap<>();
    private final List<SimulatedTask> toDrain = new ArrayList<>();
    private ScheduledEvent drainStep;
    private final Map<SimulatedService, Map<String, Integer>> registered = new LinkedHashMap<>();
    private ScheduledEvent registeredStep;

    LoadBalancerRegistration(RegionContext region, Services services, Tasks tasks, TargetGroupDirectory targetGroups,
                             ServiceEventWriter events) {
        this.region = region;
        this.services = services;
        this.tasks = tasks;
        this.targetGroups = targetGroups;
        this.events = events;
    }

    /** The task registered at this target, or null. */
    SimulatedTask taskAt(String targetGroupArn, Target target) {
        return byTarget.get(new Registration(targetGroupArn, target));
    }

    /** The task's registered targets (empty when it has none, or they were deregistered). */
    List<Registration> registrations(SimulatedTask task) {
        List<Registration> list = byTask.get(task);
        return list == null ? List.of() : list;
    }

    /** Records whether every target of the task is healthy now. */
    void refreshHealth(SimulatedTask task) {
        List<Registration> list = byTask.get(task);
        if (list == null) {
            return;
        }
        boolean all = true;
        for (Registration r : list) {
            if (!targetGroups.health(r.targetGroupArn(), r.target()).isHealthy()) {
                all = false;
                break;
            }
        }
        task.loadBalancerHealth(true, all);
    }

    /** The first of the task's targets that is unhealthy now, with its health, or null. */
    Map.Entry<Registration, TargetHealth> firstUnhealthy(SimulatedTask task) {
        for (Registration r : registrations(task)) {
            TargetHealth h = targetGroups.health(r.targetGroupArn(), r.target());
            if (h.isUnhealthy()) {
                return Map.entry(r, h);
            }
        }
        return null;
    }

    // ---- registration -----------------------------------------------------------------------------

    @Override
    public void register(SimulatedTask task) {
        if (task.serviceName() == null || byTask.containsKey(task)) {
            return;
        }
        SimulatedService service = services.find(task.clusterName(), task.serviceName());
        if (service == null) {
            return;
        }
        List<LoadBalancer> loadBalancers = services.loadBalancersOf(service, task);
        if (loadBalancers.isEmpty()) {
            return;
        }
        List<Registration> list = new ArrayList<>();
        for (LoadBalancer lb : loadBalancers) {
            if (lb.targetGroupArn() == null) {
                continue;   // a Classic Load Balancer: stored only
            }
            TargetGroupInfo tg = targetGroups.find(lb.targetGroupArn());
            Target target = tg == null ? null : targetOf(task, lb, tg.targetType());
            if (target != null && !list.contains(new Registration(lb.targetGroupArn(), target))) {
                list.add(new Registration(lb.targetGroupArn(), target));
            }
        }
        if (list.isEmpty()) {
            return;
        }
        byTask.put(task, list);
        for (Registration r : list) {
            byTarget.put(r, task);   // before registering: the load balancer may report health at once
        }
        task.loadBalancerHealth(true, false);
        Map<String, Integer> perGroup = registered.computeIfAbsent(service, s -> new LinkedHashMap<>());
        for (Registration r : List.copyOf(list)) {
            try {
                targetGroups.register(r.targetGroupArn(), r.target());
                perGroup.merge(r.targetGroupArn(), 1, Integer::sum);
            } catch (RuntimeException refused) {
                // the load balancer refused the target (group deleted meanwhile, too many targets): not registered
                list.remove(r);
                byTarget.remove(r);
            }
        }
        if (list.isEmpty()) {
            byTask.remove(task);
            task.loadBalancerHealth(false, false);
        }
        if (registeredStep == null && !perGroup.isEmpty()) {
            registeredStep = region.engine().clock().schedule(Duration.ZERO, "report registered targets",
                    this::reportRegistered);
        }
        refreshHealth(task);
    }

    /** One event per service and target group for the targets registered at this instant. */
    private void reportRegistered() {
        registeredStep = null;
        Map<SimulatedService, Map<String, Integer>> batch = new LinkedHashMap<>(registered);
        registered.clear();
        for (Map.Entry<SimulatedService, Map<String, Integer>> e : batch.entrySet()) {
            for (Map.Entry<String, Integer> g : e.getValue().entrySet()) {
                events.write(e.getKey(), ServiceMessages.registeredTargets(e.getKey().name(), g.getValue(),
                        g.getKey()));
            }
        }
    }

    /** The task's target in a target group of that type, or null when the task has none there. */
    private static Target targetOf(SimulatedTask task, LoadBalancer lb, String targetType) {
        if (lb.containerPort() == null) {
            return null;
        }
        int containerPort = lb.containerPort();
        if ("ip".equals(targetType)) {
            return task.usesEni() && task.privateIp() != null ? new Target(task.privateIp(), containerPort) : null;
        }
        if (!"instance".equals(targetType) || task.containerInstance() == null) {
            return null;
        }
        List<Integer> bound = task.hostPortBindings().get(lb.containerName());
        if (bound == null) {
            return null;
        }
        for (ContainerDefinition def : task.taskDefinition().containerDefinitions()) {
            if (!def.name().equals(lb.containerName())) {
                continue;
            }
            List<PortMapping> mappings = def.portMappings();
            for (int i = 0; i < mappings.size() && i < bound.size(); i++) {
                if (mappings.get(i).containerPort() != null && mappings.get(i).containerPort() == containerPort) {
                    return new Target(task.containerInstance().ec2InstanceId(), bound.get(i));
                }
            }
        }
        return null;
    }

    // ---- deregistration ---------------------------------------------------------------------------

    @Override
    public boolean drain(SimulatedTask task) {
        if (!byTask.containsKey(task)) {
            return false;
        }
        toDrain.add(task);
        if (drainStep == null) {
            drainStep = region.engine().clock().schedule(Duration.ZERO, "deregister targets of stopping tasks", () -> {
                drainStep = null;
                deregisterStopping();
            });
        }
        return true;
    }

    @Override
    public void deregisterNow(SimulatedTask task) {
        List<Registration> list = byTask.remove(task);
        if (list == null) {
            return;
        }
        Map<String, Integer> perGroup = new LinkedHashMap<>();
        deregister(list, perGroup);
        SimulatedService service = serviceOf(task);
        if (service != null) {
            for (Map.Entry<String, Integer> e : perGroup.entrySet()) {
                events.write(service, ServiceMessages.deregisteredTargets(service.name(), e.getValue(), e.getKey()));
            }
        }
    }

    /**
     * Deregisters the targets of the tasks that entered DEACTIVATING since the last call: their services write
     * the deregistration and draining events, the tasks wait until their targets are unused. The reconcilers call
     * it right after writing which tasks they stopped; otherwise it runs as the next step at the same instant.
     */
    void deregisterStopping() {
        if (toDrain.isEmpty()) {
            return;
        }
        if (drainStep != null) {
            drainStep.cancel();
        }
        drainStep = null;
        List<SimulatedTask> batch = new ArrayList<>(toDrain);
        toDrain.clear();
        Map<SimulatedService, Drained> perService = new LinkedHashMap<>();
        for (SimulatedTask task : batch) {
            List<Registration> list = byTask.remove(task);
            if (list == null) {
                continue;   // deregistered without draining meanwhile
            }
            SimulatedService service = serviceOf(task);
            Drained drained = service == null ? new Drained() : perService.computeIfAbsent(service, s -> new Drained());
            Instant unused = deregister(list, drained.targetsPerGroup);
            drained.tasksPerTaskSet.merge(task.deploymentId() == null ? "" : task.deploymentId(), 1, Integer::sum);
            tasks.lifecycle().endDeactivation(task, unused);
        }
        for (Map.Entry<SimulatedService, Drained> e : perService.entrySet()) {
            SimulatedService service = e.getKey();
            for (Map.Entry<String, Integer> g : e.getValue().targetsPerGroup.entrySet()) {
                events.write(service, ServiceMessages.deregisteredTargets(service.name(), g.getValue(), g.getKey()));
            }
            for (Map.Entry<String, Integer> s : e.getValue().tasksPerTaskSet.entrySet()) {
                events.write(service, ServiceMessages.drainingConnections(service.name(), s.getKey(), s.getValue()));
            }
        }
    }

    /** Deregisters the targets, counting them per group; answers when the last becomes unused (or null). */
    private Instant deregister(List<Registration> list, Map<String, Integer> perGroup) {
        Instant last = null;
        for (Registration r : list) {
            byTarget.remove(r);
            Instant unused = targetGroups.deregister(r.targetGroupArn(), r.target());
            perGroup.merge(r.targetGroupArn(), 1, Integer::sum);
            if (unused != null && (last == null || unused.isAfter(last))) {
                last = unused;
            }
        }
        return last;
    }

    private SimulatedService serviceOf(SimulatedTask task) {
        return task.serviceName() == null ? null : services.find(task.clusterName(), task.serviceName());
    }

    /** What one step deregistered for one service. */
    private static final class Drained {
        final Map<String, Integer> targetsPerGroup = new LinkedHashMap<>();
        final Map<String, Integer> tasksPerTaskSet = new LinkedHashMap<>();
    }
}
