package dev.fakeecs.placement;

import dev.fakeecs.containerinstance.ContainerInstance;
import dev.fakeecs.task.Task;

/** Counts the tasks of one task group on an instance, the measure spread and distinctInstance use. */
final class GroupTasks {

    private GroupTasks() {
    }

    /** Tasks of the group on the instance that are meant to keep running (not stopping or stopped). */
    static int live(ContainerInstance instance, String group) {
        if (group == null) {
            return 0;
        }
        int n = 0;
        for (Task task : instance.tasks()) {
            if (group.equals(task.group()) && !task.isStoppingOrStopped() && !task.isStopped()) {
                n++;
            }
        }
        return n;
    }

    /** True when a task of the group is on the instance and has not reached STOPPED. */
    static boolean anyNotStopped(ContainerInstance instance, String group) {
        if (group == null) {
            return false;
        }
        for (Task task : instance.tasks()) {
            if (group.equals(task.group()) && !task.isStopped()) {
                return true;
            }
        }
        return false;
    }
}
