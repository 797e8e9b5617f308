package dev.fakeecs.internal.task;

import dev.fakeecs.internal.containerinstance.ContainerInstanceListener;
import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import dev.fakeecs.internal.targets.ApplicationAnswer;
import dev.fakeecs.internal.targets.Target;
import dev.fakeecs.internal.targets.TargetApplications;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.PortMapping;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The applications the region's tasks run, as a load balancer reaches them. A target is either a task's ENI
 * private IP and a container port of one of its containers ({@code awsvpc}, target type {@code ip}), or a
 * container instance's EC2 instance id and the host port a task's port mapping is bound to ({@code bridge} or
 * {@code host}, target type {@code instance}). The answer is the status the container's image answers
 * ({@code httpStatus}; 503 before its {@code healthyAfter}), or no answer when the task is not ACTIVATING or
 * RUNNING, the container stopped, its host is gone or its Availability Zone is down (an AZ outage fault).
 *
 * <p>Tasks are indexed by IP and by instance and host port when they reach ACTIVATING and forgotten when they
 * reach STOPPED, so an answer never scans the region. Two live tasks that drew the same private IP answer in
 * launch order (the first one that answers on that port).
 *
 * <pre>{@code
 * ApplicationAnswer a = tasks.applications().answer(new Target(task.privateIp(), 8080));   // 200, "us-east-1a"
 * String zone = tasks.applications().instanceZone("i-0123456789abcdef0");
 * }</pre>
 */
final class TaskApplications implements TargetApplications, TaskStateListener, ContainerInstanceListener {

    private final dev.fakeecs.internal.engine.RegionContext region;
    private final Tasks tasks;
    private final Map<String, List<SimulatedTask>> byIp = new HashMap<>();
    private final Map<Target, SimulatedTask> byInstancePort = new HashMap<>();
    private final Map<String, SimulatedContainerInstance> instances = new HashMap<>();

    TaskApplications(dev.fakeecs.internal.engine.RegionContext region, Tasks tasks,
                     dev.fakeecs.internal.containerinstance.ContainerInstances containerInstances) {
        this.region = region;
        this.tasks = tasks;
        for (SimulatedContainerInstance ci : containerInstances.all()) {
            instances.put(ci.ec2InstanceId(), ci);
        }
    }

    // ---- index ----------------------------------------------------------------------------------

    @Override
    public void onTransition(SimulatedTask task, String from, String to) {
        if ("ACTIVATING".equals(to)) {
            index(task);
        } else if ("STOPPED".equals(to)) {
            unindex(task);
        }
    }

    @Override
    public void onRegistered(SimulatedContainerInstance instance) {
        instances.put(instance.ec2InstanceId(), instance);
    }

    private void index(SimulatedTask task) {
        if (task.usesEni() && task.privateIp() != null) {
            byIp.computeIfAbsent(task.privateIp(), ip -> new ArrayList<>(1)).add(task);
        }
        SimulatedContainerInstance ci = task.containerInstance();
        if (ci != null) {
            for (List<Integer> ports : task.hostPortBindings().values()) {
                for (Integer port : ports) {
                    byInstancePort.put(new Target(ci.ec2InstanceId(), port), task);
                }
            }
        }
    }

    private void unindex(SimulatedTask task) {
        if (task.privateIp() != null) {
            List<SimulatedTask> list = byIp.get(task.privateIp());
            if (list != null) {
                list.remove(task);
                if (list.isEmpty()) {
                    byIp.remove(task.privateIp());
                }
            }
        }
        SimulatedContainerInstance ci = task.containerInstance();
        if (ci != null) {
            for (List<Integer> ports : task.hostPortBindings().values()) {
                for (Integer port : ports) {
                    byInstancePort.remove(new Target(ci.ec2InstanceId(), port), task);
                }
            }
        }
    }

    // ---- answers --------------------------------------------------------------------------------

    @Override
    public ApplicationAnswer answer(Target target) {
        if (target.id().startsWith("i-")) {
            return answerOnInstance(target);
        }
        List<SimulatedTask> candidates = byIp.get(target.id());
        if (candidates == null) {
            return ApplicationAnswer.NO_ANSWER;
        }
        ApplicationAnswer known = null;
        for (SimulatedTask task : candidates) {
            SimulatedContainer container = containerWithPort(task, target.port());
            ApplicationAnswer a = answer(task, container, task.availabilityZone());
            if (a.answered()) {
                return a;
            }
            if (known == null) {
                known = a;
            }
        }
        return known == null ? ApplicationAnswer.NO_ANSWER : known;
    }

    private ApplicationAnswer answerOnInstance(Target target) {
        SimulatedContainerInstance ci = instances.get(target.id());
        if (ci == null) {
            return ApplicationAnswer.NO_ANSWER;
        }
        SimulatedTask task = byInstancePort.get(target);
        if (task == null) {
            return new ApplicationAnswer(0, ci.availabilityZone());
        }
        return answer(task, containerBoundTo(task, target.port()), ci.availabilityZone());
    }

    @Override
    public String instanceZone(String instanceId) {
        SimulatedContainerInstance ci = instances.get(instanceId);
        if (ci == null || !ci.isRegistered() || !tasks.zoneUsable(ci.availabilityZone())) {
            return null;
        }
        return ci.availabilityZone();
    }

    private ApplicationAnswer answer(SimulatedTask task, SimulatedContainer container, String zone) {
        int status = status(task, container);
        if (status == 0) {
            return new ApplicationAnswer(0, zone);
        }
        Duration sinceStart = task.startedAt() == null ? Duration.ZERO
                : Duration.between(task.startedAt(), region.now());
        return new ApplicationAnswer(status, zone, container.behavior().trafficHttpStatusAfter(sinceStart));
    }

    /** The status the container answers now, 0 when nothing answers. */
    private int status(SimulatedTask task, SimulatedContainer container) {
        if (container == null || container.isStopped()) {
            return 0;
        }
        String status = task.lastStatus();
        if (!"RUNNING".equals(status) && !"ACTIVATING".equals(status)) {
            return 0;
        }
        SimulatedContainerInstance ci = task.containerInstance();
        if (ci != null && !ci.isRegistered()) {
            return 0;
        }
        if (task.availabilityZone() != null && !tasks.zoneUsable(task.availabilityZone())) {
            return 0;
        }
        Duration sinceStart = task.startedAt() == null ? Duration.ZERO
                : Duration.between(task.startedAt(), region.now());
        return container.behavior().httpStatusAfter(sinceStart);
    }

    /** The container of the task with a port mapping for {@code containerPort} (awsvpc), or null. */
    private static SimulatedContainer containerWithPort(SimulatedTask task, int containerPort) {
        for (ContainerDefinition def : task.taskDefinition().containerDefinitions()) {
            for (PortMapping m : def.portMappings()) {
                if (m.containerPort() != null && m.containerPort() == containerPort) {
                    return task.container(def.name());
                }
            }
        }
        return null;
    }

    /** The container whose port mapping is bound to {@code hostPort} on the task's host, or null. */
    private static SimulatedContainer containerBoundTo(SimulatedTask task, int hostPort) {
        for (Map.Entry<String, List<Integer>> e : task.hostPortBindings().entrySet()) {
            if (e.getValue().contains(hostPort)) {
                return task.container(e.getKey());
            }
        }
        return null;
    }
}
