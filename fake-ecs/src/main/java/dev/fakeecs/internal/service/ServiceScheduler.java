package dev.fakeecs.internal.service;

import dev.fakeecs.clock.ScheduledEvent;
import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import dev.fakeecs.internal.containerinstance.ContainerInstanceListener;
import dev.fakeecs.internal.engine.RegionContext;
import dev.fakeecs.internal.task.SimulatedTask;
import dev.fakeecs.internal.task.TaskHealthListener;
import dev.fakeecs.internal.task.TaskStateListener;

import java.time.Duration;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The service scheduler's entry point: after anything that matters to a service (one of its tasks
 * changed state or health; in its cluster capacity changed, or an instance registered, went
 * DRAINING or ACTIVE again; the service was created, updated or deleted; a wake it asked for fell
 * due) it schedules a reconcile pass of the service on the virtual clock, at most one pending per
 * service.
 *
 * <p>A pass hands over to the part that knows the service: a DRAINING service to the
 * {@link ServiceDrainer}, an EXTERNAL one to its {@link TaskSets}; otherwise the
 * {@link HealthSettler} replaces unhealthy tasks first, the {@link TargetHealthWatcher} marks tasks that failed
 * their load balancer health checks, then the {@link DaemonReconciler} or the
 * {@link ReplicaReconciler} moves the tasks, and the next pass is scheduled at the earliest instant
 * a step asked for. Stopping tasks are judged by the {@link StartFailureTracker} (back-off and
 * circuit breaker) as they change state.
 */
public final class ServiceScheduler implements TaskStateListener, TaskHealthListener, ContainerInstanceListener {

    /** The stop reason for tasks replaced after failing their container health checks. */
    public static final String HEALTH_CHECK_REASON = "Task failed container health checks";
    /**
     * The stop reason for service tasks moved off an instance set to DRAINING (daemon tasks get it
     * for any instance no longer ACTIVE); exact AWS wording unconfirmed.
     */
    public static final String DRAINING_REASON = "Task stopped because container instance is in DRAINING state";
    /** How long a service waits before trying again to place tasks that did not fit (sooner if capacity changes). */
    public static final Duration PLACEMENT_RETRY = Duration.ofMinutes(1);
    /** The longest back-off between attempts for tasks that keep failing to start. */
    public static final Duration MAX_BACKOFF = Duration.ofMinutes(27);

    private final RegionContext region;
    private final Services services;
    private final ServiceTasks tasks;
    private final BlockedServices blocked;
    private final StartFailureTracker startFailures;
    private final HealthSettler health;
    private final TargetHealthWatcher targetHealth;
    private final ReplicaReconciler replicas;
    private final DaemonReconciler daemons;
    private final ServiceDrainer drainer;
    private final Map<SimulatedService, ScheduledEvent> pending = new IdentityHashMap<>();

    ServiceScheduler(RegionContext region, Services services, ServiceTasks tasks, BlockedServices blocked,
                     StartFailureTracker startFailures, HealthSettler health, TargetHealthWatcher targetHealth,
                     ReplicaReconciler replicas, DaemonReconciler daemons, ServiceDrainer drainer) {
        this.region = region;
        this.services = services;
        this.tasks = tasks;
        this.blocked = blocked;
        this.startFailures = startFailures;
        this.health = health;
        this.targetHealth = targetHealth;
        this.replicas = replicas;
        this.daemons = daemons;
        this.drainer = drainer;
    }

    /** Reconciles the service at the current virtual instant (after the current event). */
    public void reconcileSoon(SimulatedService service) {
        reconcileAt(service, region.now());
    }

    /**
     * Whether a reconcile pass of the service is due now and has not run yet (just after its
     * desired count dropped, say, when it may briefly hold more tasks than its new ceiling).
     */
    public boolean isReconcilePending(SimulatedService service) {
        ScheduledEvent e = pending.get(service);
        return e != null && !e.isCancelled() && !e.due().isAfter(region.now());
    }

    /** Schedules a pass at {@code at}, unless one is pending no later; a later pending one moves earlier. */
    void reconcileAt(SimulatedService service, Instant at) {
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

    // ---- triggers ---------------------------------------------------------------------------

    /** The service a task belongs to, or null for a standalone task. */
    private SimulatedService serviceOf(SimulatedTask task) {
        return task.serviceName() == null ? null : services.find(task.clusterName(), task.serviceName());
    }

    @Override
    public void onTransition(SimulatedTask task, String from, String to) {
        SimulatedService service = serviceOf(task);
        if (service == null) {
            return;
        }
        startFailures.onTransition(service, task, to);
        if ("STOPPED".equals(to)) {
            tasks.remove(service, task);
            targetHealth.forget(task);
        }
        reconcileSoon(service);
    }

    @Override
    public void onHealthChange(SimulatedTask task, String from, String to) {
        SimulatedService service = serviceOf(task);
        if (service != null) {
            reconcileSoon(service);
        }
    }

    /**
     * Capacity may have changed in a cluster (a host joined or turned ACTIVE, a task freed
     * resources, a fault ended): its blocked services try again, and its daemon services look for
     * instances without their task.
     */
    void onCapacityChanged(String clusterName) {
        for (SimulatedService s : blocked.inCluster(clusterName)) {
            reconcileSoon(s);
        }
        for (SimulatedService s : services.daemonsIn(clusterName)) {
            reconcileSoon(s);
        }
    }

    @Override
    public void onRegistered(SimulatedContainerInstance instance) {
        onCapacityChanged(instance.clusterName());
    }

    @Override
    public void onActivated(SimulatedContainerInstance instance) {
        onCapacityChanged(instance.clusterName());
    }

    /** An instance went DRAINING: every service of its cluster reconciles (those with tasks there move them). */
    @Override
    public void onDraining(SimulatedContainerInstance instance) {
        for (SimulatedService s : services.inCluster(instance.clusterName())) {
            reconcileSoon(s);
        }
    }

    // ---- one pass ---------------------------------------------------------------------------

    void reconcile(SimulatedService service) {
        if ("INACTIVE".equals(service.status())) {
            return;
        }
        if (!service.isActive()) {
            drainer.drain(service);
            return;
        }
        if (TaskSets.manages(service)) {
            services.taskSets().reconcile(service);
            return;
        }
        Instant now = region.now();
        List<SimulatedTask> live = tasks.live(service);
        Wake wake = new Wake();
        health.settle(service, live, now, wake);
        live = tasks.live(service);
        targetHealth.settle(service, live, now, wake);
        live = tasks.live(service);
        if (service.isDaemon()) {
            daemons.reconcile(service, live, wake);
        } else {
            replicas.reconcile(service, live, now, wake);
        }
        if (wake.at != null) {
            reconcileAt(service, wake.at);
        }
    }
}
