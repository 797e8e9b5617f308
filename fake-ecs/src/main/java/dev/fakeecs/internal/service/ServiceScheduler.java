package dev.fakeecs.internal.service;

import dev.fakeecs.internal.task.Tasks;
import dev.fakeecs.internal.containerinstance.ContainerInstances;
import dev.fakeecs.clock.ScheduledEvent;
import dev.fakeecs.internal.containerinstance.ContainerInstance;
import dev.fakeecs.internal.deployment.CircuitBreaker;
import dev.fakeecs.internal.deployment.Deployment;
import dev.fakeecs.internal.deployment.DeploymentLimits;
import dev.fakeecs.journal.JournalEventType;
import dev.fakeecs.internal.placement.PlacementFailure;
import dev.fakeecs.internal.engine.RegionContext;
import dev.fakeecs.internal.task.LaunchResult;
import dev.fakeecs.internal.task.Task;
import dev.fakeecs.internal.task.TaskHealthListener;
import dev.fakeecs.internal.task.TaskStateListener;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;

/**
 * The service scheduler: after anything that matters to a service (a task changed state or
 * health, capacity changed, the service was updated, a timer it set fell due) it reconciles the
 * service on the virtual clock, as real ECS does, keeping RUNNING + PENDING at the desired
 * count, rolling deployments within minimumHealthyPercent / maximumPercent, replacing unhealthy
 * and stopped tasks, tripping the circuit breaker, backing off tasks that fail to start, and
 * writing the service events.
 */
public final class ServiceScheduler implements TaskStateListener, TaskHealthListener {

    /** The stop reason for tasks replaced after failing their container health checks. */
    public static final String HEALTH_CHECK_REASON = "Task failed container health checks";
    /** The stop reason for service tasks on an instance set to DRAINING (exact AWS wording unconfirmed). */
    public static final String DRAINING_REASON = "Task stopped because container instance is in DRAINING state";
    /** How long a service waits before trying again to place tasks that did not fit. */
    public static final Duration PLACEMENT_RETRY = Duration.ofMinutes(1);
    /** The longest back-off between attempts for tasks that keep failing to start. */
    public static final Duration MAX_BACKOFF = Duration.ofMinutes(27);
    /** How often an AZ-imbalanced service looks again whether it can rebalance. */
    public static final Duration REBALANCE_RECHECK = Duration.ofMinutes(5);

    private final RegionContext region;
    private final Services services;
    private final ServiceTasks tasks = new ServiceTasks();
    private final ServiceLaunches launches;
    private final DaemonReconciler daemons;
    private final Map<Service, ScheduledEvent> pending = new IdentityHashMap<>();
    private final Map<Service, ServiceRuntime> runtime = new IdentityHashMap<>();
    private final Set<Service> blocked = new LinkedHashSet<>();
    /** Stopping tasks whose stop was already judged as a failure or not (each is judged once). */
    private final Set<Task> judged = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final ContainerInstances containerInstances;
    private final Tasks regionTasks;

    ServiceScheduler(RegionContext region, Services services, ContainerInstances containerInstances, Tasks regionTasks,
                     ServiceLaunches launches) {
        this.region = region;
        this.services = services;
        this.containerInstances = containerInstances;
        this.regionTasks = regionTasks;
        this.launches = launches;
        this.daemons = new DaemonReconciler(region, this, containerInstances, regionTasks, launches);
    }

    ServiceTasks tasks() {
        return tasks;
    }

    ServiceRuntime runtime(Service service) {
        return runtime.computeIfAbsent(service, s -> new ServiceRuntime());
    }

    /** Reconciles the service at the current virtual instant (after the current event). */
    public void reconcileSoon(Service service) {
        reconcileAt(service, region.now());
    }

    /**
     * Whether a reconcile pass of the service is due now and has not run yet (just after its
     * desired count dropped, say, when it may briefly hold more tasks than its new ceiling).
     */
    public boolean isReconcilePending(Service service) {
        ScheduledEvent e = pending.get(service);
        return e != null && !e.isCancelled() && !e.due().isAfter(region.now());
    }

    void reconcileAt(Service service, Instant at) {
        ScheduledEvent existing = pending.get(service);
        if (existing != null && !existing.isCancelled() && !existing.due().isAfter(at)) {
            return;
        }
        if (existing != null) {
            existing.cancel();
        }
        pending.put(service, region.engine().clock().scheduleAt(at, "reconcile service " + service.name(), () -> {
            pending.remove(service);
            reconcile(service);
        }));
    }

    // ---- listeners ----------------------------------------------------------------------------

    /** The service a task belongs to, or null for a standalone task. */
    private Service serviceOf(Task task) {
        return task.serviceName() == null ? null : services.find(task.clusterName(), task.serviceName());
    }

    @Override
    public void onTransition(Task task, String from, String to) {
        Service service = serviceOf(task);
        if (service == null) {
            return;
        }
        if (task.isStoppingOrStopped() && judged.add(task)) {
            countFailure(service, task);
        }
        if ("STOPPED".equals(to)) {
            tasks.remove(service, task);
            judged.remove(task);
        } else if ("RUNNING".equals(to)) {
            runtime(service).startFailures = 0;
        }
        reconcileSoon(service);
    }

    @Override
    public void onHealthChange(Task task, String from, String to) {
        Service service = serviceOf(task);
        if (service != null) {
            reconcileSoon(service);
        }
    }

    /** Capacity changed in a cluster (a host joined, resources freed): blocked services try again. */
    void onCapacityChanged(String clusterName) {
        for (Service s : new ArrayList<>(blocked)) {
            if (s.clusterName().equals(clusterName)) {
                reconcileSoon(s);
            }
        }
        for (Service s : services.daemonsIn(clusterName)) {
            reconcileSoon(s);
        }
    }

    /** An instance went DRAINING: services with tasks there move them. */
    void onInstanceDraining(ContainerInstance instance) {
        for (Service s : services.inCluster(instance.clusterName())) {
            reconcileSoon(s);
        }
    }

    private void countFailure(Service service, Task task) {
        boolean neverHealthy = task.healthyAt() == null;
        String code = task.stopCode();
        boolean failed = neverHealthy && ("TaskFailedToStart".equals(code) || "EssentialContainerExited".equals(code)
                || HEALTH_CHECK_REASON.equals(task.stoppedReason()));
        if (!failed) {
            return;
        }
        if (task.startedAt() == null) {
            ServiceRuntime rt = runtime(service);
            rt.startFailures++;
            if (rt.startFailures >= 3) {
                long factor = 1L << Math.min(10, rt.startFailures - 3);
                Duration backoff = Duration.ofSeconds(15).multipliedBy(factor);
                if (backoff.compareTo(MAX_BACKOFF) > 0) {
                    backoff = MAX_BACKOFF;
                }
                rt.nextLaunchAt = region.now().plus(backoff);
                event(service, ServiceMessages.unableToStartConsistently(service.name()));
            }
        }
        Deployment d = service.deployment(task.deploymentId());
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

    private void failDeployment(Service service, Deployment failed) {
        Instant now = region.now();
        failed.rollout("FAILED", CircuitBreaker.FAILED_REASON, now);
        region.record(JournalEventType.DEPLOYMENT, service.arn(), "deployment", failed.id(), "rolloutState", "FAILED");
        event(service, ServiceMessages.deploymentFailed(service.name(), failed.id()));
        if (!CircuitBreaker.rollback(service.deploymentConfiguration()) || !failed.isPrimary()) {
            return;
        }
        Deployment target = null;
        for (Deployment d : service.deployments()) {
            if (d != failed && d.isCompleted()) {
                target = d;
                break;
            }
        }
        if (target == null) {
            return;
        }
        failed.status("ACTIVE", now);
        service.deployments().remove(target);
        service.deployments().add(0, target);
        target.status("PRIMARY", now);
        target.rollout("IN_PROGRESS", CircuitBreaker.rollbackReason(target.id()), now);
        target.desiredCount(service.desiredCount(), now);
        service.taskDefinition(target.taskDefinition());
        runtime(service).steady = false;
        region.record(JournalEventType.DEPLOYMENT, service.arn(), "deployment", target.id(), "rollbackFrom",
                failed.id());
        event(service, ServiceMessages.rollingBack(service.name(), target.id()));
    }

    // ---- reconciliation ---------------------------------------------------------------------

    void reconcile(Service service) {
        if ("INACTIVE".equals(service.status())) {
            return;
        }
        if (!service.isActive()) {
            drain(service);
            return;
        }
        if (TaskSets.manages(service)) {
            services.taskSets().reconcile(service);
            return;
        }
        Instant now = region.now();
        List<Task> live = tasks.live(service);
        Wake wake = new Wake();
        settleHealth(service, live, now, wake);
        live = tasks.live(service);
        if (service.isDaemon()) {
            daemons.reconcile(service, live, wake);
        } else {
            reconcileReplica(service, live, now, wake);
        }
        if (wake.at != null) {
            reconcileAt(service, wake.at);
        }
    }

    /**
     * Marks tasks that became healthy (resetting their deployment's failure count) and replaces
     * UNHEALTHY ones once the grace period is over, writing for each
     * {@code (service X) (task ID) failed container health checks.} and then one
     * {@code has stopped N running tasks} event, in the order ECS writes them.
     */
    private void settleHealth(Service service, List<Task> live, Instant now, Wake wake) {
        int grace = service.healthCheckGracePeriodSeconds();
        List<String> unhealthy = new ArrayList<>();
        for (Task t : live) {
            if (!t.isRunning()) {
                continue;
            }
            if (ServiceHealth.isHealthy(t, now)) {
                if (t.healthyAt() == null) {
                    t.healthyAt(now);
                }
                Deployment d = service.deployment(t.deploymentId());
                if (d != null && d.failedTasks() > 0 || d != null && !d.everHealthy()) {
                    d.recordHealthy();
                }
            } else if ("UNHEALTHY".equals(t.healthStatus())) {
                Instant graceEnd = t.startedAt().plusSeconds(grace);
                if (!now.isBefore(graceEnd)) {
                    event(service, ServiceMessages.failedHealthChecks(service.name(), t.id()));
                    stop(service, t, "ServiceSchedulerInitiated", HEALTH_CHECK_REASON);
                    unhealthy.add(t.id());
                } else {
                    wake.at(graceEnd);
                }
            } else if (!ServiceHealth.hasHealthCheck(t)) {
                wake.at(ServiceHealth.settlesAt(t));
            }
        }
        if (!unhealthy.isEmpty()) {
            event(service, ServiceMessages.stopped(service.name(), unhealthy));
        }
    }

    private void reconcileReplica(Service service, List<Task> live, Instant now, Wake wake) {
        Deployment primary = service.primary();
        int desired = service.desiredCount();
        DeploymentLimits limits = DeploymentLimits.of(desired, service.deploymentConfiguration());
        ServiceRuntime rt = runtime(service);

        List<Task> keep = new ArrayList<>();
        List<Task> retire = new ArrayList<>();
        for (Task t : live) {
            boolean draining = t.containerInstance() != null && "DRAINING".equals(t.containerInstance().status());
            if (draining && !t.isRunning()) {
                stop(service, t, "ServiceSchedulerInitiated", DRAINING_REASON);
                continue;
            }
            boolean ofPrimary = primary.id().equals(t.deploymentId());
            if (draining || (!ofPrimary && !primary.isFailed())) {
                retire.add(t);
            } else {
                keep.add(t);
            }
        }
        int total = keep.size() + retire.size();

        // 1. launch tasks of the primary deployment within maximumPercent
        int room = Math.min(desired - primaryCount(keep, primary), limits.maximumTotal() - total);
        if (primary.isFailed()) {
            room = 0;
        }
        int launched = 0;
        blocked.remove(service);
        if (room > 0) {
            if (rt.nextLaunchAt != null && now.isBefore(rt.nextLaunchAt)) {
                wake.at(rt.nextLaunchAt);
            } else {
                launched = launch(service, primary, room, live, wake);
                total += launched;
            }
        }

        // 2. stop tasks to retire within minimumHealthyPercent, unhealthy ones first
        int healthy = 0;
        for (Task t : live) {
            if (ServiceHealth.isHealthy(t, now)) {
                healthy++;
            }
        }
        List<String> stoppedIds = new ArrayList<>();
        List<Task> retireHealthy = new ArrayList<>();
        for (Task t : retire) {
            if (ServiceHealth.isHealthy(t, now)) {
                retireHealthy.add(t);
            } else {
                stop(service, t, "ServiceSchedulerInitiated", retireReason(service, primary, t));
                stoppedIds.add(t.id());
            }
        }
        while (!retireHealthy.isEmpty() && healthy - 1 >= limits.minimumHealthy()) {
            Task victim = ScaleInSelector.pickTaskToStop(retireHealthy);
            retireHealthy.remove(victim);
            stop(service, victim, "ServiceSchedulerInitiated", retireReason(service, primary, victim));
            stoppedIds.add(victim.id());
            healthy--;
        }

        // 3. scale in: more primary tasks than desired
        int extra = keep.size() - desired;
        if (extra > 1 && rt.rebalancing) {
            rt.rebalancing = false; // a lowered desired count: plain scale-in, not a rebalancing move
        }
        if (extra == 1 && rt.rebalancing) {
            for (Task t : keep) {
                if (!ServiceHealth.isHealthy(t, now)) {
                    extra = 0;
                    break;
                }
            }
        }
        if (extra > 0) {
            List<Task> candidates = new ArrayList<>();
            for (Task t : keep) {
                if (!t.isRunning() && !regionTasks.isProtected(t) && !rt.rebalancing) {
                    candidates.add(t);
                }
            }
            List<Task> running = new ArrayList<>();
            for (Task t : keep) {
                if (t.isRunning() && !regionTasks.isProtected(t)) {
                    running.add(t);
                }
            }
            while (extra > 0 && (!candidates.isEmpty() || !running.isEmpty())) {
                Task victim = !candidates.isEmpty() ? candidates.remove(candidates.size() - 1)
                        : ScaleInSelector.pickTaskToStop(running);
                running.remove(victim);
                stop(service, victim, "ServiceSchedulerInitiated",
                        "Scaling activity initiated by (deployment " + primary.id() + ")");
                stoppedIds.add(victim.id());
                keep.remove(victim);
                extra--;
            }
        }
        if (!stoppedIds.isEmpty()) {
            event(service, ServiceMessages.stopped(service.name(), stoppedIds));
        }

        // 4. a deployment that can neither start nor stop anything says so
        boolean inFlight = false;
        for (Task t : tasks.live(service)) {
            if (!t.isRunning() || !ServiceHealth.isHealthy(t, now)) {
                inFlight = true;
                break;
            }
        }
        if (launched == 0 && stoppedIds.isEmpty() && !retireHealthy.isEmpty() && room <= 0 && !inFlight
                && !primary.isFailed()) {
            event(service, ServiceMessages.cannotMove(service.name()));
        }

        completeIfDone(service, primary, now);
        if (launched == 0 && stoppedIds.isEmpty()) {
            rebalance(service, primary, limits, now, wake);
        }
        checkSteadyState(service, primary, now, wake);
    }

    /**
     * AZ rebalancing: when a settled service has zones that differ by more than one task, start one
     * task (placement's spread puts it in the emptiest zone); the next pass's scale-in then stops
     * one in the fullest zone.
     */
    private void rebalance(Service service, Deployment primary, DeploymentLimits limits, Instant now, Wake wake) {
        if (!"ENABLED".equals(service.availabilityZoneRebalancing()) || !primary.isCompleted()
                || service.deployments().size() != 1 || service.isDaemon()) {
            return;
        }
        List<Task> live = tasks.live(service);
        if (live.size() != service.desiredCount() || live.size() >= limits.maximumTotal()) {
            return;
        }
        for (Task t : live) {
            if (!ServiceHealth.isHealthy(t, now)) {
                return;
            }
        }
        if (spread(live, usableZones(service, false)) > 1) {
            wake.at(now.plus(REBALANCE_RECHECK));
        }
        List<String> zones = usableZones(service, true);
        if (zones.size() < 2) {
            return;
        }
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (String zone : zones) {
            int n = 0;
            for (Task t : live) {
                if (zone.equals(t.availabilityZone())) {
                    n++;
                }
            }
            min = Math.min(min, n);
            max = Math.max(max, n);
        }
        ServiceRuntime rt = runtime(service);
        if (max - min <= 1) {
            if (rt.rebalancing) {
                rt.rebalancing = false;
                event(service, ServiceMessages.azBalanced(service.name()));
            }
            return;
        }
        if (!rt.rebalancing) {
            rt.rebalancing = true;
            event(service, ServiceMessages.notAzBalanced(service.name()));
        }
        launch(service, primary, 1, live, wake);
    }

    private static int spread(List<Task> live, List<String> zones) {
        if (zones.size() < 2) {
            return 0;
        }
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (String zone : zones) {
            int n = 0;
            for (Task t : live) {
                if (zone.equals(t.availabilityZone())) {
                    n++;
                }
            }
            min = Math.min(min, n);
            max = Math.max(max, n);
        }
        return max - min;
    }

    /** Zones the service can run in; with {@code open}, only zones no fault closes now. */
    private List<String> usableZones(Service service, boolean open) {
        List<String> zones = new ArrayList<>();
        if ("FARGATE".equals(service.effectiveLaunchType())) {
            for (String z : region.availabilityZones()) {
                if (!open || regionTasks.zoneUsable(z)) {
                    zones.add(z);
                }
            }
            return zones;
        }
        for (ContainerInstance ci : containerInstances.inCluster(service.clusterName())) {
            if (ci.isActive() && (!open || regionTasks.zoneUsable(ci.availabilityZone()))
                    && !zones.contains(ci.availabilityZone())) {
                zones.add(ci.availabilityZone());
            }
        }
        return zones;
    }

    private static int primaryCount(List<Task> keep, Deployment primary) {
        int n = 0;
        for (Task t : keep) {
            if (primary.id().equals(t.deploymentId())) {
                n++;
            }
        }
        return n;
    }

    private String retireReason(Service service, Deployment primary, Task task) {
        if (task.containerInstance() != null && "DRAINING".equals(task.containerInstance().status())) {
            return DRAINING_REASON;
        }
        return "Scaling activity initiated by (deployment " + primary.id() + ")";
    }

    int launch(Service service, Deployment deployment, int count, List<Task> live, Wake wake) {
        ServiceRuntime rt = runtime(service);
        int perMinute = "FARGATE".equals(service.effectiveLaunchType()) ? 500 : 250;
        Instant now = region.now();
        if (rt.windowStart == null || !now.isBefore(rt.windowStart.plusSeconds(60))) {
            rt.windowStart = now;
            rt.launchedInWindow = 0;
        }
        List<String> startedIds = new ArrayList<>();
        List<Task> current = new ArrayList<>(live);
        for (int i = 0; i < count; i++) {
            if (rt.launchedInWindow >= perMinute) {
                event(service, ServiceMessages.throttled(service.name()));
                wake.at(rt.windowStart.plusSeconds(60));
                break;
            }
            LaunchResult result = launches.launch(launches.specFor(service, deployment, current));
            if (!result.placed()) {
                blocked.add(service);
                event(service, placementMessage(service, result));
                wake.at(now.plus(PLACEMENT_RETRY));
                break;
            }
            Task task = result.task();
            tasks.add(service, task);
            current.add(task);
            startedIds.add(task.id());
            rt.launchedInWindow++;
        }
        if (!startedIds.isEmpty()) {
            rt.steady = false;
            event(service, ServiceMessages.started(service.name(), startedIds));
        }
        return startedIds.size();
    }

    private String placementMessage(Service service, LaunchResult result) {
        if (result.provisioningLimitExceeded()) {
            return ServiceMessages.provisioningLimitExceeded(service.name());
        }
        if (result.capacityShortage() != null) {
            return ServiceMessages.capacityUnavailable(service.name());
        }
        List<PlacementFailure> failures = result.failures();
        if (failures.isEmpty()) {
            return ServiceMessages.unableToPlace(service.name(), null, null);
        }
        PlacementFailure closest = failures.get(0);
        String id = closest.arn() == null ? null : closest.arn().substring(closest.arn().lastIndexOf('/') + 1);
        return ServiceMessages.unableToPlace(service.name(), id, closest.reason());
    }

    void completeIfDone(Service service, Deployment primary, Instant now) {
        if (!"IN_PROGRESS".equals(primary.rolloutState())) {
            return;
        }
        int desired = service.desiredCount();
        int healthyPrimary = 0;
        List<Task> live = tasks.live(service);
        for (Task t : live) {
            if (!primary.id().equals(t.deploymentId())) {
                return;
            }
            if (t.containerInstance() != null && "DRAINING".equals(t.containerInstance().status())) {
                return;
            }
            if (ServiceHealth.isHealthy(t, now)) {
                healthyPrimary++;
            }
        }
        if (live.size() != desired || healthyPrimary != desired) {
            return;
        }
        primary.rollout("COMPLETED", "ECS deployment " + primary.id() + " completed.", now);
        List<Deployment> others = new ArrayList<>(service.deployments().subList(1, service.deployments().size()));
        for (Deployment d : others) {
            d.status("INACTIVE", now);
            service.deployments().remove(d);
        }
        service.scaleInSuspended(false);
        region.record(JournalEventType.DEPLOYMENT, service.arn(), "deployment", primary.id(), "rolloutState",
                "COMPLETED");
        event(service, ServiceMessages.deploymentCompleted(service.name(), primary.id()));
    }

    void checkSteadyState(Service service, Deployment primary, Instant now, Wake wake) {
        ServiceRuntime rt = runtime(service);
        boolean steady = primary.isCompleted() && service.deployments().size() == 1 && !blocked.contains(service);
        if (steady) {
            List<Task> live = tasks.live(service);
            steady = live.size() == service.desiredCount();
            for (Task t : live) {
                if (!ServiceHealth.isHealthy(t, now)) {
                    steady = false;
                    break;
                }
            }
        }
        if (!steady) {
            rt.steady = false;
            return;
        }
        if (!rt.steady || !now.isBefore(rt.steadySince.plus(ServiceEventLog.SUPPRESSION))) {
            rt.steady = true;
            rt.steadySince = now;
            event(service, ServiceMessages.steadyState(service.name()));
        }
        wake.at(rt.steadySince.plus(ServiceEventLog.SUPPRESSION));
    }

    private void drain(Service service) {
        Deployment primary = service.primary();
        List<String> stopped = new ArrayList<>();
        for (Task t : tasks.live(service)) {
            stop(service, t, "ServiceSchedulerInitiated", "Scaling activity initiated by (deployment "
                    + (primary == null ? "" : primary.id()) + ")");
            stopped.add(t.id());
        }
        if (!stopped.isEmpty()) {
            event(service, ServiceMessages.stopped(service.name(), stopped));
        }
        boolean allStopped = true;
        for (Task t : tasks.all(service)) {
            if (!"STOPPED".equals(t.lastStatus()) && !"STOPPING".equals(t.lastStatus())
                    && !"DEPROVISIONING".equals(t.lastStatus())) {
                allStopped = false;
            }
        }
        if (allStopped) {
            service.status("INACTIVE");
            for (Deployment d : service.deployments()) {
                d.status("INACTIVE", region.now());
            }
            region.record(JournalEventType.SERVICE, service.arn(), "status", "INACTIVE");
        }
    }

    void stop(Service service, Task task, String code, String reason) {
        regionTasks.stop(task, code, reason);
    }

    void event(Service service, String message) {
        if (service.events().add(region.engine().random().uuid(), message, region.now())) {
            region.record(JournalEventType.SERVICE_EVENT, service.arn(), "message", message);
        }
    }

    /** Per-service scheduler bookkeeping that is not part of the ECS model. */
    static final class ServiceRuntime {
        int startFailures;
        Instant nextLaunchAt;
        boolean steady;
        Instant steadySince;
        Instant windowStart;
        int launchedInWindow;
        boolean rebalancing;
    }

    /** The earliest instant a reconcile pass asked to be woken at. */
    static final class Wake {
        Instant at;

        void at(Instant when) {
            if (at == null || when.isBefore(at)) {
                at = when;
            }
        }
    }
}
