package dev.fakeecs.internal.service;

import dev.fakeecs.internal.deployment.SimulatedDeployment;
import dev.fakeecs.internal.task.SimulatedTask;
import dev.fakeecs.internal.task.Tasks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The first step of every reconcile pass, for replica and daemon services alike: settles the health
 * of the service's RUNNING tasks. A task that counts as healthy gets its first-healthy instant, and
 * its deployment's consecutive failure count resets; an UNHEALTHY task is stopped once its health
 * check grace period is over, writing for each {@code (service X) (task ID) failed container health
 * checks.} and then one {@code has stopped N running tasks} event, in the order ECS writes them.
 * The pass is woken when a grace period ends, or when a task without health checks (and without load
 * balancer targets, whose health changes wake it instead) will count as healthy.
 */
final class HealthSettler {

    private final Tasks regionTasks;
    private final ServiceEventWriter events;

    HealthSettler(Tasks regionTasks, ServiceEventWriter events) {
        this.regionTasks = regionTasks;
        this.events = events;
    }

    void settle(SimulatedService service, List<SimulatedTask> live, Instant now, Wake wake) {
        int grace = service.healthCheckGracePeriodSeconds();
        List<String> unhealthy = new ArrayList<>();
        for (SimulatedTask t : live) {
            if (!t.isRunning()) {
                continue;
            }
            if (ServiceHealth.isHealthy(t, now)) {
                if (t.healthyAt() == null) {
                    t.healthyAt(now);
                }
                SimulatedDeployment d = service.deployment(t.deploymentId());
                if (d != null && (d.failedTasks() > 0 || !d.everHealthy())) {
                    d.recordHealthy();
                }
            } else if ("UNHEALTHY".equals(t.healthStatus())) {
                Instant graceEnd = t.startedAt().plusSeconds(grace);
                if (!now.isBefore(graceEnd)) {
                    events.write(service, ServiceMessages.failedHealthChecks(service.name(), t.id()));
                    regionTasks.stop(t, "ServiceSchedulerInitiated", ServiceScheduler.HEALTH_CHECK_REASON);
                    unhealthy.add(t.id());
                } else {
                    wake.at(graceEnd);
                }
            } else if (!ServiceHealth.hasHealthCheck(t) && !t.behindLoadBalancer()) {
                wake.at(ServiceHealth.settlesAt(t));
            }
        }
        if (!unhealthy.isEmpty()) {
            events.write(service, ServiceMessages.stopped(service.name(), unhealthy));
        }
    }
}
