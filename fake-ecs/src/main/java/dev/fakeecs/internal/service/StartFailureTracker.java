package dev.fakeecs.internal.service;

import dev.fakeecs.internal.deployment.CircuitBreaker;
import dev.fakeecs.internal.deployment.SimulatedDeployment;
import dev.fakeecs.internal.engine.RegionContext;
import dev.fakeecs.internal.task.SimulatedTask;
import dev.fakeecs.journal.JournalEventType;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Judges each service task once, at its first state change after its desired status turned
 * STOPPED: it failed if it never counted as healthy and it failed to start, its essential container
 * exited, or it was replaced for failing its container or load balancer health checks.
 *
 * <ul>
 *   <li><b>Back-off.</b> Failures of tasks that never reached RUNNING count per service; a task
 *       reaching RUNNING resets the count, a new deployment or a StopServiceDeployment rollback also
 *       lifts the back-off. From the third failure on, the service writes {@code is unable to
 *       consistently start tasks successfully.} and its replica reconciler starts no task for
 *       15 s x 2^(failures - 3) from that failure, at most {@link ServiceScheduler#MAX_BACKOFF}.</li>
 *   <li><b>Circuit breaker.</b> Every failure of a task of an IN_PROGRESS deployment counts toward
 *       that deployment's breaker (journaled as {@code failedTasks}); with the breaker enabled,
 *       reaching {@link CircuitBreaker#threshold} fails the deployment, and with rollback on, a
 *       failed primary hands over to the newest other COMPLETED deployment, which becomes PRIMARY and
 *       IN_PROGRESS again at the service's desired count.</li>
 * </ul>
 */
final class StartFailureTracker {

    private final RegionContext region;
    private final SteadyStateTracker steadyState;
    private final ServiceEventWriter events;
    private final DeploymentRollback rollback;
    private final Map<SimulatedService, BackOff> backOffs = new IdentityHashMap<>();
    /** Stopping tasks whose stop was already judged as a failure or not (each is judged once). */
    private final Set<SimulatedTask> judged = Collections.newSetFromMap(new IdentityHashMap<>());

    StartFailureTracker(RegionContext region, SteadyStateTracker steadyState, ServiceEventWriter events,
                        DeploymentRollback rollback) {
        this.rollback = rollback;
        this.region = region;
        this.steadyState = steadyState;
        this.events = events;
    }

    private BackOff backOff(SimulatedService service) {
        return backOffs.computeIfAbsent(service, s -> new BackOff());
    }

    /** A task of the service changed state: judged when it starts stopping, forgotten once STOPPED. */
    void onTransition(SimulatedService service, SimulatedTask task, String to) {
        if (task.isStoppingOrStopped() && judged.add(task)) {
            judge(service, task);
        }
        if ("STOPPED".equals(to)) {
            judged.remove(task);
        } else if ("RUNNING".equals(to)) {
            backOff(service).failures = 0;
        }
    }

    /** Until when the service launches nothing (null when it never backed off). */
    Instant backedOffUntil(SimulatedService service) {
        return backOff(service).until;
    }

    /** A new deployment or a rollback: the service starts over without back-off. */
    void reset(SimulatedService service) {
        BackOff b = backOff(service);
        b.failures = 0;
        b.until = null;
    }

    private void judge(SimulatedService service, SimulatedTask task) {
        boolean neverHealthy = task.healthyAt() == null;
        String code = task.stopCode();
        boolean failed = neverHealthy && ("TaskFailedToStart".equals(code) || "EssentialContainerExited".equals(code)
                || ServiceScheduler.HEALTH_CHECK_REASON.equals(task.stoppedReason())
                || (task.stoppedReason() != null
                        && task.stoppedReason().startsWith(TargetHealthWatcher.ELB_REASON_PREFIX)));
        if (!failed) {
            return;
        }
        if (task.startedAt() == null) {
            BackOff b = backOff(service);
            b.failures++;
            if (b.failures >= 3) {
                long factor = 1L << Math.min(10, b.failures - 3);
                Duration backoff = Duration.ofSeconds(15).multipliedBy(factor);
                if (backoff.compareTo(ServiceScheduler.MAX_BACKOFF) > 0) {
                    backoff = ServiceScheduler.MAX_BACKOFF;
                }
                b.until = region.now().plus(backoff);
                events.write(service, ServiceMessages.unableToStartConsistently(service.name()));
            }
        }
        SimulatedDeployment d = service.deployment(task.deploymentId());
        if (d == null || !"IN_PROGRESS".equals(d.rolloutState())) {
            return;
        }
        int failures = d.recordFailure();
        region.record(JournalEventType.DEPLOYMENT, service.arn(), "deployment", d.id(), "failedTasks",
                Integer.toString(failures));
        if (CircuitBreaker.enabled(service.deploymentConfiguration())
                && failures >= CircuitBreaker.threshold(d.desiredCount())) {
            failDeployment(service, d);
        }
    }

    private void failDeployment(SimulatedService service, SimulatedDeployment failed) {
        Instant now = region.now();
        failed.rollout("FAILED", CircuitBreaker.FAILED_REASON, now);
        region.record(JournalEventType.DEPLOYMENT, service.arn(), "deployment", failed.id(), "rolloutState", "FAILED");
        events.write(service, ServiceMessages.deploymentFailed(service.name(), failed.id()));
        if (!CircuitBreaker.rollback(service.deploymentConfiguration()) || !failed.isPrimary()) {
            return;
        }
        SimulatedDeployment target = DeploymentRollback.target(service, failed);
        if (target == null) {
            return;
        }
        rollback.to(service, failed, target, CircuitBreaker.rollbackReason(target.id()));
    }

    /** The service's count of tasks that failed before RUNNING, and the back-off it set. */
    private static final class BackOff {
        int failures;
        Instant until;
    }
}
