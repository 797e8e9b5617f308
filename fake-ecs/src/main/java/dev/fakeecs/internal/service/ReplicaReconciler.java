package dev.fakeecs.internal.service;

import dev.fakeecs.internal.deployment.SimulatedDeployment;
import dev.fakeecs.internal.deployment.DeploymentLimits;
import dev.fakeecs.internal.task.SimulatedTask;
import dev.fakeecs.internal.task.Tasks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The REPLICA scheduling strategy, one pass: keeps the primary deployment's tasks at the desired
 * count and rolls older deployments' tasks out within minimumHealthyPercent / maximumPercent.
 * Tasks of older deployments (unless the primary FAILED) and tasks on DRAINING instances are to
 * retire; those still starting on a DRAINING instance stop at once. Then, in order:
 *
 * <ol>
 *   <li>start primary tasks up to the desired count, within maximumPercent, unless the primary
 *       FAILED or the service backs off ({@link StartFailureTracker}), through the
 *       {@link ReplicaLauncher} (the service is unblocked first; a task that does not fit blocks it
 *       again);</li>
 *   <li>stop the tasks to retire: unhealthy ones at once, healthy ones while minimumHealthyPercent
 *       allows, as {@link ScaleInSelector} picks them;</li>
 *   <li>replace tasks that failed their load balancer health checks ({@link TargetHealthWatcher}): they are
 *       not counted toward the desired count, so step 1 starts their replacements within maximumPercent; they
 *       stop once the desired count of other tasks is healthy, or, when there is no room to start a
 *       replacement, one per pass while no other task is still getting healthy;</li>
 *   <li>scale in primary tasks above the desired count, not-yet-RUNNING ones first, then as
 *       {@link ScaleInSelector} picks (tasks protected from scale-in stay; during an AZ rebalancing
 *       move see {@link AzRebalancer#scaleInAllowance});</li>
 *   <li>when the pass started and stopped nothing, there is no room to start a task, healthy tasks
 *       still wait to retire, every live task is RUNNING and healthy and the primary has not FAILED,
 *       write that the deployment configuration keeps the deployment from moving;</li>
 * </ol>
 * then complete the rollout if it is done, rebalance zones if the pass started and stopped
 * nothing, and track steady state.
 */
final class ReplicaReconciler {

    private final Tasks regionTasks;
    private final ServiceTasks tasks;
    private final BlockedServices blocked;
    private final StartFailureTracker startFailures;
    private final ReplicaLauncher launcher;
    private final AzRebalancer rebalancer;
    private final DeploymentCompletion completion;
    private final SteadyStateTracker steadyState;
    private final ServiceEventWriter events;
    private final TargetHealthWatcher targetHealth;
    private final LoadBalancerRegistration registrations;
    private final StagedDeployer staged;
    private final DeploymentAlarmWatcher alarms;
    /** Tasks started to replace an older revision's task (they are retired only once healthy, like the rest). */
    private final java.util.Set<SimulatedTask> replacements =
            java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());

    ReplicaReconciler(Tasks regionTasks, ServiceTasks tasks, BlockedServices blocked,
                      StartFailureTracker startFailures, ReplicaLauncher launcher, AzRebalancer rebalancer,
                      DeploymentCompletion completion, SteadyStateTracker steadyState, ServiceEventWriter events,
                      TargetHealthWatcher targetHealth, LoadBalancerRegistration registrations,
                      StagedDeployer staged, DeploymentAlarmWatcher alarms) {
        this.staged = staged;
        this.alarms = alarms;
        this.regionTasks = regionTasks;
        this.tasks = tasks;
        this.blocked = blocked;
        this.startFailures = startFailures;
        this.launcher = launcher;
        this.rebalancer = rebalancer;
        this.completion = completion;
        this.steadyState = steadyState;
        this.events = events;
        this.targetHealth = targetHealth;
        this.registrations = registrations;
    }

    void reconcile(SimulatedService service, List<SimulatedTask> live, Instant now, Wake wake) {
        staged.advance(service, service.primary(), now, wake);
        alarms.poll(service, service.primary(), now, wake);
        live = tasks.live(service);
        SimulatedDeployment primary = service.primary();
        int desired = service.desiredCount();
        DeploymentLimits limits = DeploymentLimits.of(desired, service.deploymentConfiguration());
        boolean keepBlue = StagedDeployer.keepsBlue(primary);
        boolean stagedLaunch = primary.shiftsTraffic() && "IN_PROGRESS".equals(primary.rolloutState());

        List<SimulatedTask> keep = new ArrayList<>();
        List<SimulatedTask> retire = new ArrayList<>();
        List<SimulatedTask> failedElb = new ArrayList<>();
        List<SimulatedTask> blue = new ArrayList<>();
        for (SimulatedTask t : live) {
            boolean draining = t.containerInstance() != null && "DRAINING".equals(t.containerInstance().status());
            if (draining && !t.isRunning()) {
                regionTasks.stop(t, "ServiceSchedulerInitiated", ServiceScheduler.DRAINING_REASON);
                continue;
            }
            boolean ofPrimary = primary.id().equals(t.deploymentId());
            if (!draining && !ofPrimary && keepBlue) {
                blue.add(t);
            } else if (draining || (!ofPrimary && !primary.isFailed())) {
                retire.add(t);
            } else if (targetHealth.hasFailed(t)) {
                failedElb.add(t);
            } else {
                keep.add(t);
            }
        }
        int total = keep.size() + retire.size() + failedElb.size() + blue.size();
        // a staged deployment runs the full green fleet beside blue, whatever maximumPercent says
        int maximumTotal = stagedLaunch ? Math.max(limits.maximumTotal(), blue.size() + desired) : limits.maximumTotal();

        // 1. launch tasks of the primary deployment within maximumPercent (a staged deployment: from SCALE_UP on, the
        //    full desired count beside the blue revision); first, older revisions' tasks that stopped other than by
        //    the rollout are replaced with their own revision (November 2025)
        int room = Math.min(desired - primaryCount(keep, primary), maximumTotal - total);
        if (primary.isFailed() || !StagedDeployer.launchAllowed(primary)) {
            room = 0;
        }
        int launched = 0;
        blocked.remove(service);
        Instant backedOffUntil = startFailures.backedOffUntil(service);
        boolean backedOff = backedOffUntil != null && now.isBefore(backedOffUntil);
        if (backedOff) {
            wake.at(backedOffUntil);
        }
        int headroom = maximumTotal - total;
        for (SimulatedDeployment older : service.deployments()) {
            if (older == primary || older.isFailed() || backedOff || headroom <= 0) {
                continue;
            }
            int deficit = Math.min(older.desiredCount() - ServiceTasks.countOf(live, older), headroom);
            if (deficit > 0) {
                int before = tasks.live(service).size();
                int n = launcher.launch(service, older, deficit, live, wake);
                List<SimulatedTask> after = tasks.live(service);
                replacements.addAll(after.subList(Math.min(before, after.size()), after.size()));
                launched += n;
                headroom -= n;
                room = Math.min(room, headroom);
            }
        }
        if (room > 0 && !backedOff) {
            launched += launcher.launch(service, primary, room, live, wake);
        }

        // 2. stop tasks to retire within minimumHealthyPercent, unhealthy ones first
        int healthy = 0;
        for (SimulatedTask t : live) {
            if (ServiceHealth.isHealthy(t, now)) {
                healthy++;
            }
        }
        List<String> stoppedIds = new ArrayList<>();
        List<SimulatedTask> retireHealthy = new ArrayList<>();
        for (SimulatedTask t : retire) {
            if (ServiceHealth.isHealthy(t, now)) {
                retireHealthy.add(t);
            } else if (targetHealth.hasFailed(t)) {
                targetHealth.stop(service, t);
                stoppedIds.add(t.id());
            } else if (replacements.contains(t) && !t.isStoppingOrStopped()) {
                continue;   // a replacement still starting: it is retired once healthy, under minimumHealthyPercent
            } else {
                retired(service, t);
                regionTasks.stop(t, "ServiceSchedulerInitiated", retireReason(primary, t));
                stoppedIds.add(t.id());
            }
        }
        boolean cleanUp = primary.shiftsTraffic() && "IN_PROGRESS".equals(primary.rolloutState())
                && primary.staged().reached("CLEAN_UP");
        while (!retireHealthy.isEmpty() && (cleanUp || healthy - 1 >= limits.minimumHealthy())) {
            SimulatedTask victim = ScaleInSelector.pickTaskToStop(retireHealthy);
            retireHealthy.remove(victim);
            retired(service, victim);
            regionTasks.stop(victim, "ServiceSchedulerInitiated", retireReason(primary, victim));
            stoppedIds.add(victim.id());
            healthy--;
        }

        // 2b. tasks that failed their ELB health checks: stopped once replaced, or one at a time without headroom
        if (!failedElb.isEmpty()) {
            int healthyKept = 0;
            boolean replacing = launched > 0;
            for (SimulatedTask t : keep) {
                if (ServiceHealth.isHealthy(t, now)) {
                    healthyKept++;
                } else {
                    replacing = true;
                }
            }
            if (healthyKept >= desired) {
                for (SimulatedTask t : failedElb) {
                    targetHealth.stop(service, t);
                    stoppedIds.add(t.id());
                }
            } else if (room <= 0 && !replacing) {
                SimulatedTask t = failedElb.get(0);
                targetHealth.stop(service, t);
                stoppedIds.add(t.id());
            }
        }

        // 3. scale in: more primary tasks than desired
        int extra = rebalancer.scaleInAllowance(service, keep, keep.size() - desired, now);
        if (extra > 0) {
            boolean moving = rebalancer.isMoving(service);
            List<SimulatedTask> candidates = new ArrayList<>();
            for (SimulatedTask t : keep) {
                if (!t.isRunning() && !regionTasks.isProtected(t) && !moving) {
                    candidates.add(t);
                }
            }
            List<SimulatedTask> running = new ArrayList<>();
            for (SimulatedTask t : keep) {
                if (t.isRunning() && !regionTasks.isProtected(t)) {
                    running.add(t);
                }
            }
            while (extra > 0 && (!candidates.isEmpty() || !running.isEmpty())) {
                SimulatedTask victim = !candidates.isEmpty() ? candidates.remove(candidates.size() - 1)
                        : ScaleInSelector.pickTaskToStop(running);
                running.remove(victim);
                regionTasks.stop(victim, "ServiceSchedulerInitiated",
                        "Scaling activity initiated by (deployment " + primary.id() + ")");
                stoppedIds.add(victim.id());
                keep.remove(victim);
                extra--;
            }
        }
        if (!stoppedIds.isEmpty()) {
            events.write(service, ServiceMessages.stopped(service.name(), stoppedIds));
        }
        registrations.deregisterStopping();   // the tasks stopped in this pass drain before it completes anything

        // 4. a deployment that can neither start nor stop anything says so
        boolean inFlight = false;
        for (SimulatedTask t : tasks.live(service)) {
            if (!t.isRunning() || !ServiceHealth.isHealthy(t, now)) {
                inFlight = true;
                break;
            }
        }
        if (launched == 0 && stoppedIds.isEmpty() && !retireHealthy.isEmpty() && room <= 0 && !inFlight
                && !primary.isFailed()) {
            events.write(service, ServiceMessages.cannotMove(service.name()));
        }

        completion.completeIfDone(service, primary, now, wake);
        if (launched == 0 && stoppedIds.isEmpty()) {
            rebalancer.rebalance(service, primary, limits, now, wake);
        }
        steadyState.check(service, primary, now, wake);
    }

    /** The rollout retires an older revision's task on purpose: that revision's own count shrinks with it. */
    private static void retired(SimulatedService service, SimulatedTask task) {
        boolean draining = task.containerInstance() != null && "DRAINING".equals(task.containerInstance().status());
        SimulatedDeployment d = task.deploymentId() == null ? null : service.deployment(task.deploymentId());
        if (!draining && d != null && !d.isPrimary() && d.desiredCount() > 0) {
            d.desiredCount(d.desiredCount() - 1, d.updatedAt());
        }
    }

    private static int primaryCount(List<SimulatedTask> keep, SimulatedDeployment primary) {
        int n = 0;
        for (SimulatedTask t : keep) {
            if (primary.id().equals(t.deploymentId())) {
                n++;
            }
        }
        return n;
    }

    private static String retireReason(SimulatedDeployment primary, SimulatedTask task) {
        if (task.containerInstance() != null && "DRAINING".equals(task.containerInstance().status())) {
            return ServiceScheduler.DRAINING_REASON;
        }
        return "Scaling activity initiated by (deployment " + primary.id() + ")";
    }
}
