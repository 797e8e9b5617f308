package dev.fakeecs.internal.managedinstances;

import dev.fakeecs.clock.ScheduledEvent;
import dev.fakeecs.internal.containerinstance.InstanceType;
import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import dev.fakeecs.internal.task.SimulatedTask;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One instance ECS launched for a Managed Instances provider: booting (no container instance yet), then
 * registered as a container instance of the provider's cluster, until it is terminated. Mutable engine state,
 * changed only under the engine lock.
 *
 * <pre>{@code
 * ManagedInstance mi = fleet.instancesOf("mi-cp").get(0);
 * mi.booting();                 // true for the first 60 s
 * mi.containerInstance();       // the registered host afterwards
 * }</pre>
 */
public final class ManagedInstance {

    private final String provider;
    private final InstanceType type;
    private final String zone;
    private final Instant launchedAt;
    private final Set<SimulatedTask> meantFor = new LinkedHashSet<>();
    private final List<ScheduledEvent> timers = new ArrayList<>();
    private SimulatedContainerInstance containerInstance;
    private ScheduledEvent boot;
    private ScheduledEvent idle;
    private boolean terminated;

    ManagedInstance(String provider, InstanceType type, String zone, Instant launchedAt, List<SimulatedTask> meantFor) {
        this.provider = provider;
        this.type = type;
        this.zone = zone;
        this.launchedAt = launchedAt;
        this.meantFor.addAll(meantFor);
    }

    /** The capacity provider's name. */
    public String provider() { return provider; }
    public InstanceType type() { return type; }
    public String zone() { return zone; }
    public Instant launchedAt() { return launchedAt; }

    /** True until the instance registered (or was cancelled). */
    public boolean booting() { return containerInstance == null && !terminated; }

    /** The registered container instance, or null while booting. */
    public SimulatedContainerInstance containerInstance() { return containerInstance; }

    /** True once terminated (or cancelled while booting). */
    public boolean terminated() { return terminated; }

    Set<SimulatedTask> meantFor() { return meantFor; }

    void registered(SimulatedContainerInstance ci) {
        this.containerInstance = ci;
        this.meantFor.clear();
        this.boot = null;
    }

    void boot(ScheduledEvent event) { this.boot = event; }

    void addTimer(ScheduledEvent event) { timers.add(event); }

    ScheduledEvent idle() { return idle; }
    void idle(ScheduledEvent event) { this.idle = event; }

    /** Cancels every pending event and marks the instance gone. */
    void terminated(boolean value) {
        this.terminated = value;
        if (boot != null) {
            boot.cancel();
        }
        if (idle != null) {
            idle.cancel();
            idle = null;
        }
        timers.forEach(ScheduledEvent::cancel);
        timers.clear();
        meantFor.clear();
    }

    @Override
    public String toString() {
        return "ManagedInstance[" + provider + " " + type.name() + " " + zone
                + (containerInstance == null ? " booting" : " " + containerInstance.ec2InstanceId()) + "]";
    }
}
