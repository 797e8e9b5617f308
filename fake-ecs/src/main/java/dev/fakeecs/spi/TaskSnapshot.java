package dev.fakeecs.spi;

import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

import java.util.Objects;

/**
 * A task at one moment, as the ECS API shows it, with the task definition revision it runs and
 * the region it runs in. Immutable: later changes to the task are new snapshots.
 *
 * <pre>{@code
 * TaskSnapshot t = EngineSetup.of(ecs).task(taskArn).orElseThrow();
 * t.task().lastStatus();                              // "RUNNING"
 * t.taskDefinition().containerDefinitions();          // what it runs
 * t.isFargate();                                      // launch type FARGATE
 * }</pre>
 *
 * @param region         the region the task runs in
 * @param task           the task as DescribeTasks shows it (without tags)
 * @param taskDefinition the task definition revision the task runs
 */
public record TaskSnapshot(String region, Task task, TaskDefinition taskDefinition) {

    public TaskSnapshot {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(taskDefinition, "taskDefinition");
    }

    /** The task's ARN. */
    public String arn() {
        return task.taskArn();
    }

    /** The task's id: the last segment of its ARN. */
    public String id() {
        String arn = task.taskArn();
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    /** True when the task's launch type is FARGATE (Fargate and Fargate Spot capacity providers included). */
    public boolean isFargate() {
        return "FARGATE".equals(task.launchTypeAsString());
    }

    /** True once the task's last status is STOPPED. */
    public boolean isStopped() {
        return "STOPPED".equals(task.lastStatus());
    }
}
