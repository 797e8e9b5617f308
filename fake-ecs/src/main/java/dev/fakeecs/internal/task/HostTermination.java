package dev.fakeecs.internal.task;

import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import dev.fakeecs.internal.containerinstance.ContainerInstanceListener;

import java.util.List;

/**
 * Stops the tasks of a host whose EC2 instance is gone (ASG scale-in, Spot interruption, a
 * terminate fault), as ECS does: at once, stopCode {@code TerminationNotice}, reason
 * {@code Host EC2 (instance i-...) terminated.}. A forced deregistration leaves tasks orphaned
 * (the container instance lifecycle), so only {@code terminated} deregistrations stop anything.
 *
 * <pre>{@code
 * containerInstances.terminateHost(ci);   // ci's tasks are STOPPED now
 * }</pre>
 */
final class HostTermination implements ContainerInstanceListener {

    /** The stop code of tasks whose host was terminated or stopped. */
    static final String STOP_CODE = "TerminationNotice";

    private final TaskLifecycle lifecycle;

    HostTermination(TaskLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    /** {@code Host EC2 (instance i-...) terminated.} */
    static String terminatedReason(SimulatedContainerInstance ci) {
        return "Host EC2 (instance " + ci.ec2InstanceId() + ") terminated.";
    }

    @Override
    public void onDeregistered(SimulatedContainerInstance instance, boolean terminated) {
        if (!terminated) {
            return;
        }
        for (SimulatedTask task : SimulatedTask.placedOn(instance)) {
            lifecycle.stopImmediately(task, STOP_CODE, terminatedReason(instance));
        }
    }
}
