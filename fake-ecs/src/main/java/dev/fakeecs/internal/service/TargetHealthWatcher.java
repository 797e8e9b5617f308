package dev.fakeecs.internal.service;

import dev.fakeecs.internal.targets.Target;
import dev.fakeecs.internal.targets.TargetHealth;
import dev.fakeecs.internal.targets.TargetHealthListener;
import dev.fakeecs.internal.task.SimulatedTask;
import dev.fakeecs.internal.task.Tasks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows the health of service tasks' load balancer targets and finds the tasks that failed their ELB health
 * checks.
 *
 * <p>Every health change of a registered target updates whether all the task's targets are healthy (what
 * {@link ServiceHealth} counts) and reconciles its service. In each reconcile pass (after the
 * {@link HealthSettler}) a RUNNING task with an {@code unhealthy} target whose health check grace period is over
 * is marked failed: the service writes {@code (service S) (task ID) [(instance I)] (port P) is unhealthy in
 * (target-group ARN) due to (reason DESCRIPTION)}. Inside the grace period the result is ignored and the pass
 * wakes when it ends. A replica service replaces a failed task first and stops it once the replacement is healthy
 * ({@link ReplicaReconciler}); a daemon service stops it at once. Either way the stop writes
 * {@code failed ELB health checks in (target-group ARN).} first, and the task stops with
 * {@code Task failed ELB health checks in (target-group ARN)} and {@code ServiceSchedulerInitiated}. A failed
 * task whose targets are all healthy again before it is stopped is no longer failed (it counts as healthy; a
 * replacement already started makes the service scale in).
 */
final class TargetHealthWatcher implements TargetHealthListener {

    /** The start of the stop reason of tasks replaced after failing their load balancer health checks. */
    static final String ELB_REASON_PREFIX = "Task failed ELB health checks in (target-group ";

    private final Services services;
    private final Tasks regionTasks;
    private final LoadBalancerRegistration registrations;
    private final ServiceEventWriter events;
    /** Live tasks that failed their ELB health checks, with the target group they failed in. */
    private final Map<SimulatedTask, String> failed = new IdentityHashMap<>();

    TargetHealthWatcher(Services services, Tasks regionTasks, LoadBalancerRegistration registrations,
                        ServiceEventWriter events) {
        this.services = services;
        this.regionTasks = regionTasks;
        this.registrations = registrations;
        this.events = events;
    }

    /** The stop reason of a task that failed its health checks in the target group. */
    static String stopReason(String targetGroupArn) {
        return ELB_REASON_PREFIX + targetGroupArn + ")";
    }

    @Override
    public void changed(String targetGroupArn, Target target, TargetHealth from, TargetHealth to) {
        SimulatedTask task = registrations.taskAt(targetGroupArn, target);
        if (task == null) {
            return;
        }
        registrations.refreshHealth(task);
        if (task.targetsHealthy()) {
            failed.remove(task);   // healthy again before it was replaced: it counts as healthy, nothing to replace
        }
        SimulatedService service = task.serviceName() == null ? null
                : services.find(task.clusterName(), task.serviceName());
        if (service != null) {
            services.scheduler().reconcileSoon(service);
        }
    }

    /** Whether the task failed its ELB health checks and waits to be replaced. */
    boolean hasFailed(SimulatedTask task) {
        return failed.containsKey(task);
    }

    /** The task stopped: forgotten. */
    void forget(SimulatedTask task) {
        failed.remove(task);
    }

    /** Marks the service's tasks whose targets turned unhealthy after their grace period (see the class text). */
    void settle(SimulatedService service, List<SimulatedTask> live, Instant now, Wake wake) {
        List<String> stopped = new ArrayList<>();
        for (SimulatedTask t : live) {
            if (!t.behindLoadBalancer() || !t.isRunning() || failed.containsKey(t)) {
                continue;
            }
            Map.Entry<LoadBalancerRegistration.Registration, TargetHealth> bad = registrations.firstUnhealthy(t);
            if (bad == null) {
                continue;
            }
            Instant graceEnd = t.startedAt().plusSeconds(service.healthCheckGracePeriodSeconds());
            if (now.isBefore(graceEnd)) {
                wake.at(graceEnd);
                continue;
            }
            LoadBalancerRegistration.Registration r = bad.getKey();
            TargetHealth h = bad.getValue();
            String instance = r.target().id().startsWith("i-") ? r.target().id() : null;
            events.write(service, ServiceMessages.unhealthyTarget(service.name(), t.id(), instance,
                    r.target().port(), r.targetGroupArn(), h.description() != null ? h.description() : h.reason()));
            failed.put(t, r.targetGroupArn());
            if (service.isDaemon()) {
                stop(service, t);
                stopped.add(t.id());
            }
        }
        if (!stopped.isEmpty()) {
            events.write(service, ServiceMessages.stopped(service.name(), stopped));
        }
    }

    /** Stops a failed task: writes {@code failed ELB health checks in ...} and stops it with ECS's reason. */
    void stop(SimulatedService service, SimulatedTask task) {
        String targetGroupArn = failed.get(task);
        events.write(service, ServiceMessages.failedElbHealthChecks(service.name(), task.id(), targetGroupArn));
        regionTasks.stop(task, "ServiceSchedulerInitiated", stopReason(targetGroupArn));
    }
}
