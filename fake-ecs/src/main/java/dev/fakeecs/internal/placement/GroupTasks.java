package dev.fakeecs.internal.placement;

import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;

/** Counts the tasks of one task group on an instance, the measure spread and distinctInstance use. */
final class GroupTasks {

    private GroupTasks() {
    }

    /** Tasks of the group on the instance that are meant to keep running (not stopping or stopped). */
    static int live(SimulatedContainerInstance instance, String group) {
        return instance.liveTasksOfGroup(group);
    }

    /** True when a task of the group is on the instance and has not reached STOPPED. */
    static boolean anyNotStopped(SimulatedContainerInstance instance, String group) {
        return instance.presentTasksOfGroup(group) > 0;
    }
}
