package dev.fakeecs.fault;

import dev.fakeecs.internal.capacity.AutoScalingGroup;
import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.internal.task.SimulatedTask;

import java.util.List;

/**
 * What happens to an EC2 host when a fault takes it: terminated (through its Auto Scaling group,
 * which then launches a replacement after its boot delay), stopped (tasks stop, the agent
 * disconnects, the host stays registered) or started again.
 */
final class Hosts {

    /** The stop code of tasks whose host was terminated or stopped. */
    static final String STOP_CODE = "TerminationNotice";

    private Hosts() {
    }

    static String terminatedReason(SimulatedContainerInstance ci) {
        return "Host EC2 (instance " + ci.ec2InstanceId() + ") terminated.";
    }

    static String stoppedReason(SimulatedContainerInstance ci) {
        return "Host EC2 (instance " + ci.ec2InstanceId() + ") stopped.";
    }

    /** The Auto Scaling group the host belongs to, or null. */
    static AutoScalingGroup groupOf(RegionEngine state, SimulatedContainerInstance ci) {
        for (AutoScalingGroup g : state.capacityProviders().autoScalingGroups().all()) {
            if (g.inService().contains(ci)) {
                return g;
            }
        }
        return null;
    }

    /** Terminates the EC2 instance: its tasks stop, it deregisters, its group (if any) replaces it. */
    static void terminate(FaultContext ctx, SimulatedContainerInstance ci, String why) {
        if (!ci.isRegistered()) {
            return;
        }
        RegionEngine state = ctx.region();
        AutoScalingGroup group = groupOf(state, ci);
        ctx.effect(ci.arn(), "effect", "terminated", "ec2InstanceId", ci.ec2InstanceId(), "tasks",
                String.valueOf(ci.tasks().size()), "autoScalingGroup", group == null ? null : group.name());
        if (group != null) {
            group.terminate(ci, why);
        } else {
            state.containerInstances().terminateHost(ci);
        }
        // the task package stops them on deregistration; make sure, should nobody listen
        for (SimulatedTask t : SimulatedTask.placedOn(ci)) {
            state.tasks().lifecycle().stopImmediately(t, STOP_CODE, terminatedReason(ci));
        }
    }

    /** Stops the EC2 instance: its tasks stop now, its agent disconnects, it stays registered. */
    static void stop(FaultContext ctx, SimulatedContainerInstance ci) {
        RegionEngine state = ctx.region();
        ctx.effect(ci.arn(), "effect", "stopped", "ec2InstanceId", ci.ec2InstanceId(), "tasks",
                String.valueOf(ci.tasks().size()));
        state.containerInstances().agentConnected(ci, false);
        for (SimulatedTask t : SimulatedTask.placedOn(ci)) {
            state.tasks().lifecycle().stopImmediately(t, STOP_CODE, stoppedReason(ci));
        }
    }

    /** Starts a stopped instance again: its agent reconnects and waiting work may place there. */
    static void start(FaultContext ctx, SimulatedContainerInstance ci) {
        if (!ci.isRegistered()) {
            return;
        }
        ctx.effect(ci.arn(), "effect", "started", "ec2InstanceId", ci.ec2InstanceId());
        reconnect(ctx, ci);
    }

    /** Reconnects a host's agent and tells waiting tasks and services that capacity is back. */
    static void reconnect(FaultContext ctx, SimulatedContainerInstance ci) {
        if (!ci.isRegistered()) {
            return;
        }
        ctx.region().containerInstances().reconnectAgent(ci);
    }

    /** Tells every cluster's blocked services to try placing again. */
    static void capacityBack(RegionEngine state) {
        state.clusters().all().forEach(c -> state.services().onCapacityChanged(c.name()));
    }
}
