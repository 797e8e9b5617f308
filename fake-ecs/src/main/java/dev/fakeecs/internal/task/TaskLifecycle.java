package dev.fakeecs.internal.task;

import dev.fakeecs.timing.TimingModel;
import dev.fakeecs.clock.ScheduledEvent;
import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import dev.fakeecs.image.ImageBehavior;
import dev.fakeecs.internal.image.ImagePull;
import dev.fakeecs.journal.JournalEventType;
import dev.fakeecs.internal.engine.RegionContext;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.HealthCheck;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Drives a task through PROVISIONING, PENDING, ACTIVATING, RUNNING and, when told to stop or when an
 * essential container exits, DEACTIVATING, STOPPING, DEPROVISIONING and STOPPED, on the virtual
 * clock, with durations from the world's {@link TimingModel} and container behaviour from the image
 * catalogue.
 *
 * <p>Fidelity choices (documented in the README's fidelity notes): containers stopped by the agent
 * exit with 143 (SIGTERM) at once; health checks run every {@code interval} from the container's
 * start, the first passing check at or after the image's {@code healthyAfter} makes it HEALTHY, and
 * an image that never gets healthy turns UNHEALTHY at its {@code retries}-th failing check after
 * {@code startPeriod}.
 */
public final class TaskLifecycle {

    /** Exit code of a container stopped by SIGTERM. */
    public static final int SIGTERM_EXIT = 143;
    /** Exit code of a container killed with SIGKILL (or for running out of memory). */
    public static final int SIGKILL_EXIT = 137;

    private final RegionContext region;
    private final Tasks tasks;

    private java.util.function.Predicate<SimulatedTask> runHold = t -> false;
    private final java.util.Set<SimulatedTask> held = new java.util.LinkedHashSet<>();

    /**
     * Holds tasks whose containers started in ACTIVATING until {@link #releaseHeld} (Managed Daemons: application
     * tasks on an instance reach RUNNING only after its daemon tasks). Nothing is held by default.
     */
    public void runHold(java.util.function.Predicate<SimulatedTask> hold) {
        this.runHold = hold == null ? t -> false : hold;
    }

    /** Lets held tasks of the host reach RUNNING when nothing holds them any more. */
    public void releaseHeld(SimulatedContainerInstance instance) {
        if (held.isEmpty()) {
            return;
        }
        for (SimulatedTask t : new java.util.ArrayList<>(held)) {
            if (t.containerInstance() == instance) {
                held.remove(t);
                if (!t.isStoppingOrStopped()) {
                    run(t);
                }
            }
        }
    }

    TaskLifecycle(RegionContext region, Tasks tasks) {
        this.region = region;
        this.tasks = tasks;
    }

    /** Schedules a freshly placed task's way to RUNNING. */
    void launch(SimulatedTask task) {
        TimingModel timing = region.engine().timing();
        boolean fargate = task.isFargate();
        boolean cached = false;
        SimulatedContainerInstance instance = task.containerInstance();
        if (instance != null) {
            cached = instance.cachedImages().containsAll(task.containers().stream().map(SimulatedContainer::image).toList());
        }
        Duration provisioning = jitter(fargate ? timing.fargateProvisioning() : timing.ec2Provisioning());
        Duration pull = jitter(fargate ? timing.fargatePull() : cached ? timing.ec2CachedPull() : timing.ec2FirstPull());
        Duration extraStart = Duration.ZERO;
        for (SimulatedContainer c : task.containers()) {
            if (c.behavior().startTime().compareTo(extraStart) > 0) {
                extraStart = c.behavior().startTime();
            }
        }
        Duration activation = jitter(fargate ? timing.fargateActivation() : timing.ec2Activation()).plus(extraStart);
        after(task, provisioning, "provisioned", t -> {
            transition(t, "PENDING");
            t.pullStartedAt(region.now());
            after(t, pull, "image pulled", this::finishPull);
        });
        task.setActivation(activation);
    }

    private void finishPull(SimulatedTask task) {
        for (SimulatedContainer c : task.containers()) {
            ImagePull pulled = region.engine().images().pull(region.name(), task.clusterName(), task.group(), c.image());
            if (pulled.isFailure()) {
                c.reason(pulled.failureReason());
                failToStart(task, pulled.failureReason());
                return;
            }
            if (pulled.digest() != null) {
                c.imageDigest(pulled.digest());
            }
            if (c.behavior().failToPull()) {
                String reason = "CannotPullContainerError: pull image manifest has been retried 5 time(s): "
                        + "failed to resolve ref " + c.image() + ": " + c.image() + ": not found";
                c.reason(reason);
                failToStart(task, reason);
                return;
            }
        }
        task.pullStoppedAt(region.now());
        transition(task, "ACTIVATING");
        for (SimulatedContainer c : task.containers()) {
            c.lastStatus("PENDING");
        }
        after(task, task.activation(), "containers started", this::run);
    }

    private void run(SimulatedTask task) {
        if (runHold.test(task)) {
            held.add(task);
            return;
        }
        Instant now = region.now();
        task.startedAt(now);
        task.connectivityAt(now);
        SimulatedContainerInstance instance = task.containerInstance();
        for (SimulatedContainer c : task.containers()) {
            c.lastStatus("RUNNING");
            if (instance != null) {
                instance.cachedImages().add(c.image());
            }
            region.record(JournalEventType.CONTAINER_STATE, task.arn(), "container", c.name(), "to", "RUNNING");
        }
        tasks.targets().register(task);
        transition(task, "RUNNING");
        for (SimulatedContainer c : task.containers()) {
            scheduleHealth(task, c);
            scheduleExit(task, c);
        }
    }

    private void scheduleHealth(SimulatedTask task, SimulatedContainer container) {
        HealthCheck check = healthCheckOf(task, container.name());
        if (check == null) {
            return;
        }
        int interval = check.interval() == null ? 30 : check.interval();
        int retries = check.retries() == null ? 3 : check.retries();
        int startPeriod = check.startPeriod() == null ? 0 : check.startPeriod();
        ImageBehavior behavior = container.behavior();
        if (behavior.healthy()) {
            long after = Math.max(1, behavior.healthyAfter().toSeconds());
            long checks = Math.max(1, (after + interval - 1) / interval);
            after(task, Duration.ofSeconds(checks * interval), "health check passes",
                    t -> setHealth(t, container, "HEALTHY"));
        } else {
            long firstCounted = startPeriod / interval + 1;
            long unhealthyAt = (firstCounted + retries - 1) * interval;
            after(task, Duration.ofSeconds(unhealthyAt), "health check fails",
                    t -> setHealth(t, container, "UNHEALTHY"));
        }
    }

    private void scheduleExit(SimulatedTask task, SimulatedContainer container) {
        Duration exitAfter = container.behavior().exitAfter();
        if (exitAfter == null) {
            return;
        }
        int code = container.behavior().exitCode();
        after(task, exitAfter, "container " + container.name() + " exits", t -> containerExited(t, container, code,
                code == SIGKILL_EXIT ? "OutOfMemoryError: Container killed due to memory usage" : null));
    }

    /** A container exits by itself (or is killed); an essential one stops the whole task. */
    public void containerExited(SimulatedTask task, SimulatedContainer container, int exitCode, String reason) {
        if (container.isStopped() || task.isStopped()) {
            return;
        }
        container.lastStatus("STOPPED");
        container.exitCode(exitCode);
        if (reason != null) {
            container.reason(reason);
        }
        region.record(JournalEventType.CONTAINER_STATE, task.arn(), "container", container.name(), "to", "STOPPED",
                "exitCode", Integer.toString(exitCode));
        if (container.essential()) {
            stop(task, "EssentialContainerExited", "Essential container in task exited");
        }
    }

    /** Sets one container's health and recomputes the task's (from essential containers only). */
    public void setHealth(SimulatedTask task, SimulatedContainer container, String health) {
        if (task.isStoppingOrStopped() || container.isStopped() || health.equals(container.healthStatus())) {
            return;
        }
        container.healthStatus(health);
        region.record(JournalEventType.CONTAINER_STATE, task.arn(), "container", container.name(), "health", health);
        String before = task.healthStatus();
        String after = aggregateHealth(task);
        if (!after.equals(before)) {
            task.healthStatus(after);
            // behind a load balancer a task is healthy for its service only once its targets are too: the
            // service scheduler (HealthSettler) records that moment, not the container health check
            if ("HEALTHY".equals(after) && task.healthyAt() == null && !task.behindLoadBalancer()) {
                task.healthyAt(region.now());
            }
            tasks.notifyHealth(task, before, after);
        }
    }

    static String aggregateHealth(SimulatedTask task) {
        boolean anyUnknown = false;
        for (SimulatedContainer c : task.containers()) {
            if (!c.essential()) {
                continue;
            }
            if ("UNHEALTHY".equals(c.healthStatus())) {
                return "UNHEALTHY";
            }
            if (!"HEALTHY".equals(c.healthStatus())) {
                anyUnknown = true;
            }
        }
        return anyUnknown ? "UNKNOWN" : "HEALTHY";
    }

    private void failToStart(SimulatedTask task, String reason) {
        stop(task, "TaskFailedToStart", reason);
    }

    /**
     * Stops a task the orderly way: DEACTIVATING, STOPPING (SIGTERM; containers exit 143),
     * DEPROVISIONING, STOPPED. A task that never reached RUNNING goes straight to DEPROVISIONING.
     * Does nothing if the task is already stopping.
     */
    public void stop(SimulatedTask task, String stopCode, String reason) {
        if (task.isStoppingOrStopped()) {
            return;
        }
        markStopping(task, stopCode, reason);
        region.record(JournalEventType.TASK_STATE, task.arn(), "desiredStatus", "STOPPED", "stopCode", stopCode,
                "reason", reason);
        TimingModel timing = region.engine().timing();
        if (!task.isRunning()) {
            tasks.targets().deregisterNow(task);
            for (SimulatedContainer c : task.containers()) {
                c.lastStatus("STOPPED");
            }
            task.executionStoppedAt(region.now());
            transition(task, "DEPROVISIONING");
            after(task, timing.deprovisioning(), "deprovisioned", this::finish);
            return;
        }
        transition(task, "DEACTIVATING");
        if (!tasks.targets().drain(task)) {
            after(task, timing.deactivation(), "deactivated", this::terminateContainers);
        }
    }

    /**
     * Ends a DEACTIVATING task's wait for its load balancer targets to drain: it goes on to STOPPING once
     * {@code targetsUnusedAt} has come (and no sooner than the usual deactivation time after the stop decision).
     * Does nothing for a task no longer DEACTIVATING.
     *
     * <pre>{@code
     * lifecycle.endDeactivation(task, now.plusSeconds(300));   // deregistration delay 300 s
     * }</pre>
     */
    public void endDeactivation(SimulatedTask task, java.time.Instant targetsUnusedAt) {
        if (!"DEACTIVATING".equals(task.lastStatus()) || task.isStopped()) {
            return;
        }
        Instant now = region.now();
        Instant at = task.stoppingAt().plus(region.engine().timing().deactivation());
        if (targetsUnusedAt != null && targetsUnusedAt.isAfter(at)) {
            at = targetsUnusedAt;
        }
        Duration wait = at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
        after(task, wait, "targets drained", this::terminateContainers);
    }

    /**
     * Tells a RUNNING task to stop and lets it take {@code grace} before it does (a Fargate Spot
     * interruption: desiredStatus STOPPED with the stop code and reason now, SIGTERM to the
     * containers, the task still RUNNING; after {@code grace} the orderly stop of {@link #stop}
     * follows and the containers exit 143). A task not yet RUNNING stops the orderly way at once.
     *
     * <pre>{@code
     * lifecycle.stopAfter(task, "SpotInterruption", "Your Spot Task was interrupted.", Duration.ofSeconds(30));
     * }</pre>
     */
    public void stopAfter(SimulatedTask task, String stopCode, String reason, Duration grace) {
        if (task.isStoppingOrStopped()) {
            return;
        }
        if (!task.isRunning()) {
            stop(task, stopCode, reason);
            return;
        }
        markStopping(task, stopCode, reason);
        region.record(JournalEventType.TASK_STATE, task.arn(), "desiredStatus", "STOPPED", "stopCode", stopCode,
                "reason", reason, "signal", "SIGTERM", "stopsAfter", grace.toString());
        tasks.targets().deregisterNow(task);
        after(task, grace, "stop timeout", t -> {
            transition(t, "DEACTIVATING");
            terminateContainers(t);
        });
    }

    /** The stop decision: desired status STOPPED, the code and reason, pending work cancelled. */
    private void markStopping(SimulatedTask task, String stopCode, String reason) {
        cancelPending(task);
        task.desiredStatus("STOPPED");
        if (task.containerInstance() != null) {
            task.containerInstance().taskStopping(task);
        }
        task.stop(stopCode, reason);
        task.stoppingAt(region.now());
    }

    /** STOPPING: SIGTERM, every running container exits 143; then DEPROVISIONING and, later, STOPPED. */
    private void terminateContainers(SimulatedTask task) {
        transition(task, "STOPPING");
        for (SimulatedContainer c : task.containers()) {
            if (!c.isStopped()) {
                c.lastStatus("STOPPED");
                c.exitCode(SIGTERM_EXIT);
            }
        }
        task.executionStoppedAt(region.now());
        transition(task, "DEPROVISIONING");
        after(task, region.engine().timing().deprovisioning(), "deprovisioned", this::finish);
    }

    /**
     * Stops a task at once, as when its host disappears: every container and the task are STOPPED
     * now, with no exit codes.
     */
    public void stopImmediately(SimulatedTask task, String stopCode, String reason) {
        if (task.isStopped()) {
            return;
        }
        cancelPending(task);
        if (!task.isStoppingOrStopped()) {
            markStopping(task, stopCode, reason);
        }
        tasks.targets().deregisterNow(task);
        for (SimulatedContainer c : task.containers()) {
            c.lastStatus("STOPPED");
        }
        task.executionStoppedAt(region.now());
        finish(task);
    }

    private void finish(SimulatedTask task) {
        task.stoppedAt(region.now());
        transition(task, "STOPPED");
        tasks.stopped(task);
    }

    private void cancelPending(SimulatedTask task) {
        for (ScheduledEvent e : task.pendingEvents()) {
            e.cancel();
        }
        task.pendingEvents().clear();
    }

    private void transition(SimulatedTask task, String to) {
        String from = task.lastStatus();
        if (from.equals(to)) {
            return;
        }
        task.lastStatus(to);
        region.record(JournalEventType.TASK_STATE, task.arn(), "from", from, "to", to);
        tasks.notifyTransition(task, from, to);
    }

    private void after(SimulatedTask task, Duration delay, String what, Consumer<SimulatedTask> action) {
        List<ScheduledEvent> events = task.pendingEvents();
        ScheduledEvent[] self = new ScheduledEvent[1];
        self[0] = region.engine().clock().schedule(delay, "task " + task.id() + " " + what, () -> {
            events.remove(self[0]);
            action.accept(task);
        });
        events.add(self[0]);
    }

    private Duration jitter(Duration base) {
        return region.engine().random().jitter(base, region.engine().timing().jitter());
    }

    private static HealthCheck healthCheckOf(SimulatedTask task, String containerName) {
        for (ContainerDefinition def : task.taskDefinition().containerDefinitions()) {
            if (def.name().equals(containerName)) {
                return def.healthCheck();
            }
        }
        return null;
    }

}
