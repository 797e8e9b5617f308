package dev.fakeecs.fault;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import dev.fakeecs.internal.deployment.DeploymentLimits;
import dev.fakeecs.region.Region;
import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.internal.service.SimulatedService;
import dev.fakeecs.internal.task.SimulatedTask;

import java.util.ArrayList;
import java.util.List;

/**
 * The engine's invariants, checked by the chaos monkey after every event:
 * <ul>
 *   <li>no task that is not STOPPED sits on an INACTIVE container instance;</li>
 *   <li>a host's reserved CPU and memory equal the sum of its tasks', and its tasks point back at it;</li>
 *   <li>a replica service never has more tasks RUNNING or PENDING than its ceiling
 *       (desiredCount x maximumPercent / 100), except in the instant between a lowered desired
 *       count and the scheduler's pass that stops the extras;</li>
 *   <li>a STOPPED task has a stop code and a reason.</li>
 * </ul>
 *
 * <pre>{@code
 * List<String> broken = Invariants.check(ecs);   // empty when all hold
 * }</pre>
 */
final class Invariants {

    private Invariants() {
    }

    /** What is broken right now, one line each (empty when every invariant holds). */
    public static List<String> check(FakeEcs ecs) {
        List<String> broken = new ArrayList<>();
        for (Region region : ecs.regions()) {
            RegionEngine state = RegionEngine.of(region);
            hosts(state, broken);
            tasks(state, broken);
            services(state, broken);
        }
        return broken;
    }

    private static void hosts(RegionEngine state, List<String> broken) {
        for (SimulatedContainerInstance ci : state.containerInstances().all()) {
            if ("INACTIVE".equals(ci.status()) && !ci.tasks().isEmpty()) {
                broken.add("INACTIVE instance " + ci.arn() + " still has tasks " + ci.tasks());
            }
            int cpu = 0;
            int memory = 0;
            for (SimulatedTask t : SimulatedTask.placedOn(ci)) {
                cpu += t.cpuReservation();
                memory += t.memoryReservation();
                if (t.isStopped() || t.containerInstance() != ci) {
                    broken.add("instance " + ci.arn() + " holds " + t + " which is stopped or placed elsewhere");
                }
            }
            if (ci.registeredCpu() - ci.remainingCpu() != cpu || ci.registeredMemory() - ci.remainingMemory() != memory) {
                broken.add("instance " + ci.arn() + " reserves cpu " + (ci.registeredCpu() - ci.remainingCpu())
                        + "/memory " + (ci.registeredMemory() - ci.remainingMemory()) + " but its tasks need "
                        + cpu + "/" + memory);
            }
        }
    }

    private static void tasks(RegionEngine state, List<String> broken) {
        for (SimulatedTask t : state.tasks().all()) {
            if (t.isStopped()) {
                if (t.stopCode() == null || t.stoppedReason() == null) {
                    broken.add("STOPPED " + t + " has no stop code or reason");
                }
            } else if (t.containerInstance() != null && !t.containerInstance().tasks().contains(t)) {
                broken.add(t + " is not among the tasks of its instance " + t.containerInstance().arn());
            }
        }
    }

    private static void services(RegionEngine state, List<String> broken) {
        for (SimulatedService s : state.services().all()) {
            if (!s.isActive() || s.isDaemon()) {
                continue;
            }
            int ceiling = DeploymentLimits.of(s.desiredCount(), s.deploymentConfiguration()).maximumTotal();
            int live = state.services().tasksOf(s).size();
            if (live > ceiling && !state.services().scheduler().isReconcilePending(s)) {
                broken.add("service " + s.name() + " has " + live + " tasks RUNNING or PENDING, above its ceiling "
                        + ceiling);
            }
        }
    }
}
