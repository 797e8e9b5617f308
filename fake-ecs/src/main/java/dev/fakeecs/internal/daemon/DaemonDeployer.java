package dev.fakeecs.internal.daemon;

import dev.fakeecs.internal.alarms.AlarmDirectory;
import dev.fakeecs.internal.containerinstance.ContainerInstances;
import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import dev.fakeecs.internal.deployment.CircuitBreaker;
import dev.fakeecs.internal.engine.RegionContext;
import dev.fakeecs.internal.managedinstances.ManagedInstance;
import dev.fakeecs.internal.managedinstances.ManagedInstances;
import dev.fakeecs.journal.JournalEventType;
import software.amazon.awssdk.services.ecs.model.DaemonAlarmConfiguration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs daemon deployments: drain-provision-replace in batches.
 * <ol>
 *   <li>PENDING, then IN_PROGRESS at the same instant; the instances to replace are the ACTIVE instances of the
 *   daemon's providers (old and new) in its cluster that do not run the target revision (all that run the daemon,
 *   for a DeleteDaemon deployment). None: straight to the bake.</li>
 *   <li>Each batch drains {@code ceil(drainPercent / 100 x instances)} instances (at least one; drainPercent
 *   default 25.0): the service scheduler moves their application tasks, the tasks that wait make ECS provision new
 *   instances, which start the target revision's daemon task first; a drained instance is terminated. The next
 *   batch starts when every instance of this one is gone.</li>
 *   <li>Then {@code bakeTimeInMinutes} (default 0) during which alarms are still watched; then SUCCESSFUL.</li>
 *   <li>Circuit breaker: daemon tasks of the target revision that stop or cannot be placed count as failures;
 *   {@code threshold = CircuitBreaker.threshold(instances)} (the service formula: half, clamped 3-200). Alarms
 *   ({@code alarms.enable}): one of {@code alarmNames} going into ALARM (alarms in ALARM at the start ignored).
 *   Either rolls back to the last successful revision (ROLLBACK_IN_PROGRESS, the same drain-replace, then
 *   ROLLBACK_SUCCESSFUL), or, with no earlier revision, ends ROLLBACK_FAILED.</li>
 *   <li>A newer deployment of the daemon stops the running one (STOPPED, "Superseded by a newer deployment.").</li>
 * </ol>
 *
 * <pre>{@code
 * deployer.start(daemon, deployment);
 * }</pre>
 */
final class DaemonDeployer {

    /** drainPercent when the request leaves it out. */
    static final double DEFAULT_DRAIN_PERCENT = 25.0;
    /** How often alarms are read while a deployment with alarms runs. */
    static final Duration ALARM_PERIOD = Duration.ofMinutes(1);

    private final RegionContext region;
    private final ContainerInstances containerInstances;
    private final ManagedInstances fleet;
    private final AlarmDirectory alarms;
    private DaemonTasks daemonTasks;
    private Daemons daemons;

    DaemonDeployer(RegionContext region, ContainerInstances containerInstances, ManagedInstances fleet,
                   AlarmDirectory alarms) {
        this.region = region;
        this.containerInstances = containerInstances;
        this.fleet = fleet;
        this.alarms = alarms;
    }

    void wire(DaemonTasks daemonTasks, Daemons daemons) {
        this.daemonTasks = daemonTasks;
        this.daemons = daemons;
    }

    /** Starts a deployment (the previous active one is superseded). */
    void start(SimulatedDaemon d, DaemonDeploymentRecord dep) {
        DaemonDeploymentRecord previous = d.latest();
        if (previous != null && previous.isActive()) {
            end(previous, "STOPPED", "Superseded by a newer deployment.");
        }
        d.deployments.add(dep);
        record(dep, "PENDING");
        region.engine().clock().schedule(Duration.ZERO, "daemon deployment " + dep.arn + " starts", () -> begin(d, dep));
    }

    private void begin(SimulatedDaemon d, DaemonDeploymentRecord dep) {
        if (!"PENDING".equals(dep.status)) {
            return;
        }
        dep.status = "IN_PROGRESS";
        dep.startedAt = region.now();
        dep.toReplace.addAll(instancesToReplace(d, dep, dep.current()));
        dep.instanceCount = dep.toReplace.size();
        dep.threshold = CircuitBreaker.threshold(dep.toReplace.size());
        DaemonAlarmConfiguration ac = dep.configuration.alarms();
        if (ac != null && Boolean.TRUE.equals(ac.enable()) && ac.hasAlarmNames()) {
            dep.alarmStatus = "MONITORING";
            for (String name : ac.alarmNames()) {
                if ("ALARM".equals(alarms.state(name))) {
                    dep.alarmsIgnored.add(name);
                }
            }
            dep.alarmWatch = region.engine().clock().schedulePeriodic(ALARM_PERIOD, ALARM_PERIOD, "daemon deployment " + dep.arn
                    + " alarms", () -> checkAlarms(d, dep));
        } else {
            dep.alarmStatus = "DISABLED";
        }
        record(dep, "IN_PROGRESS", "instances", String.valueOf(dep.toReplace.size()));
        progress(d);
    }

    /** Re-checks the daemon's active deployment (a daemon task ran, an instance went). */
    void progress(SimulatedDaemon d) {
        DaemonDeploymentRecord dep = d.latest();
        if (dep == null || !("IN_PROGRESS".equals(dep.status) || "ROLLBACK_IN_PROGRESS".equals(dep.status))
                || dep.bake != null) {
            return;
        }
        checkAlarms(d, dep);
        if (!dep.isActive()) {
            return;
        }
        dep.draining.removeIf(arn -> {
            SimulatedContainerInstance ci = containerInstances.byArn(arn);
            return ci == null || !ci.isRegistered();
        });
        if (!dep.draining.isEmpty()) {
            return;
        }
        dep.toReplace.removeIf(arn -> {
            SimulatedContainerInstance ci = containerInstances.byArn(arn);
            return ci == null || !ci.isRegistered();
        });
        if (!dep.toReplace.isEmpty()) {
            nextBatch(d, dep);
            return;
        }
        int bake = dep.configuration.bakeTimeInMinutes() == null ? 0 : dep.configuration.bakeTimeInMinutes();
        if (bake > 0 && "IN_PROGRESS".equals(dep.status)) {
            record(dep, "baking", "minutes", String.valueOf(bake));
            dep.bake = region.engine().clock().schedule(Duration.ofMinutes(bake), "daemon deployment " + dep.arn
                    + " bake", () -> {
                checkAlarms(d, dep);
                if ("IN_PROGRESS".equals(dep.status)) {
                    finish(d, dep);
                }
            });
            return;
        }
        finish(d, dep);
    }

    /** A daemon task of {@code revision} stopped unexpectedly or could not be placed. */
    void daemonTaskFailed(SimulatedDaemon d, DaemonRevisionRecord revision) {
        DaemonDeploymentRecord dep = d.latest();
        if (dep == null || !"IN_PROGRESS".equals(dep.status) || dep.target != revision) {
            return;
        }
        dep.failures++;
        record(dep, "daemonTaskFailed", "failures", String.valueOf(dep.failures), "threshold",
                String.valueOf(dep.threshold));
        if (dep.failures >= dep.threshold) {
            dep.breakerStatus = "TRIGGERED";
            rollback(d, dep, "ECS daemon deployment circuit breaker: daemon tasks failed to start.");
        }
    }

    private void checkAlarms(SimulatedDaemon d, DaemonDeploymentRecord dep) {
        if (!"MONITORING".equals(dep.alarmStatus) || !"IN_PROGRESS".equals(dep.status)) {
            return;
        }
        for (String name : dep.configuration.alarms().alarmNames()) {
            java.time.Instant entered = alarms.enteredAlarmAt(name);
            boolean fired = "ALARM".equals(alarms.state(name))
                    || (entered != null && dep.startedAt != null && entered.isAfter(dep.startedAt));
            if (fired && !dep.alarmsIgnored.contains(name) && !dep.triggeredAlarms.contains(name)) {
                dep.triggeredAlarms.add(name);
            }
        }
        if (!dep.triggeredAlarms.isEmpty()) {
            dep.alarmStatus = "TRIGGERED";
            rollback(d, dep, "ECS daemon deployment alarms: alarm(s) " + String.join(", ", dep.triggeredAlarms)
                    + " in ALARM state.");
        }
    }

    private void rollback(SimulatedDaemon d, DaemonDeploymentRecord dep, String reason) {
        if (dep.bake != null) {
            dep.bake.cancel();
            dep.bake = null;
        }
        dep.rollbackReason = reason;
        dep.rollbackStartedAt = region.now();
        if (d.stable == null || d.stable == dep.target) {
            end(dep, "ROLLBACK_FAILED", reason + " No earlier revision to roll back to.");
            return;
        }
        dep.rollbackTarget = d.stable;
        dep.status = "ROLLBACK_IN_PROGRESS";
        dep.statusReason = reason;
        dep.toReplace.clear();
        dep.toReplace.addAll(instancesToReplace(d, dep, dep.rollbackTarget));
        dep.toReplace.removeAll(dep.draining);
        dep.instanceCount = dep.toReplace.size() + dep.draining.size();
        record(dep, "ROLLBACK_IN_PROGRESS", "reason", reason, "rollbackTarget", dep.rollbackTarget.arn());
        progress(d);
    }

    private void nextBatch(SimulatedDaemon d, DaemonDeploymentRecord dep) {
        double percent = dep.configuration.drainPercent() == null ? DEFAULT_DRAIN_PERCENT
                : dep.configuration.drainPercent();
        int total = Math.max(1, dep.instanceCount);
        int size = Math.max(1, (int) Math.ceil(total * percent / 100.0));
        List<String> batch = new ArrayList<>(dep.toReplace.subList(0, Math.min(size, dep.toReplace.size())));
        dep.toReplace.removeAll(batch);
        record(dep, "batch", "instances", String.join(",", batch));
        for (String arn : batch) {
            dep.draining.add(arn);
        }
        for (String arn : batch) {
            ManagedInstance mi = fleet.of(containerInstances.byArn(arn));
            if (mi != null) {
                fleet.drain(mi, "daemon deployment");
            }
        }
        progress(d);
    }

    private void finish(SimulatedDaemon d, DaemonDeploymentRecord dep) {
        dep.bake = null;
        boolean rolledBack = "ROLLBACK_IN_PROGRESS".equals(dep.status);
        if (!rolledBack) {
            d.stable = dep.removesDaemon ? d.stable : dep.target;
        }
        if ("MONITORING".equals(dep.alarmStatus)) {
            dep.alarmStatus = "MONITORING_COMPLETE";
        }
        if ("MONITORING".equals(dep.breakerStatus)) {
            dep.breakerStatus = "MONITORING_COMPLETE";
        }
        end(dep, rolledBack ? "ROLLBACK_SUCCESSFUL" : "SUCCESSFUL", null);
        if (dep.removesDaemon) {
            daemons.forget(d);
        }
    }

    private void end(DaemonDeploymentRecord dep, String status, String reason) {
        dep.status = status;
        if (reason != null) {
            dep.statusReason = reason;
        }
        if (dep.bake != null) {
            dep.bake.cancel();
            dep.bake = null;
        }
        if (dep.alarmWatch != null) {
            dep.alarmWatch.cancel();
            dep.alarmWatch = null;
        }
        if ("STOPPED".equals(status) || "ROLLBACK_FAILED".equals(status)) {
            dep.stoppedAt = region.now();
        }
        dep.finishedAt = region.now();
        record(dep, status, "reason", reason);
    }

    /** ACTIVE instances of the daemon's cluster and providers that do not run {@code wanted} (null: run it at all). */
    private List<String> instancesToReplace(SimulatedDaemon d, DaemonDeploymentRecord dep, DaemonRevisionRecord wanted) {
        List<String> providers = new ArrayList<>(dep.target.providers());
        for (DaemonRevisionRecord source : dep.sources) {
            for (String p : source.providers()) {
                if (!providers.contains(p)) {
                    providers.add(p);
                }
            }
        }
        List<String> result = new ArrayList<>();
        for (SimulatedContainerInstance ci : containerInstances.inCluster(d.clusterName)) {
            if (!ci.isActive() || !providers.contains(ci.capacityProviderName()) || fleet.of(ci) == null) {
                continue;
            }
            DaemonRevisionRecord running = daemonTasks.revisionOn(d, ci);
            boolean replace = dep.removesDaemon ? running != null
                    : running != wanted || !wanted.providers().contains(ci.capacityProviderName());
            if (replace) {
                result.add(ci.arn());
            }
        }
        return result;
    }

    private void record(DaemonDeploymentRecord dep, String what, String... more) {
        String[] details = new String[more.length + 4];
        details[0] = "daemonDeployment";
        details[1] = what;
        details[2] = "daemon";
        details[3] = dep.daemonArn;
        System.arraycopy(more, 0, details, 4, more.length);
        region.record(JournalEventType.DEPLOYMENT, dep.arn, details);
    }
}
