package dev.fakeecs.internal.taskdefinition;

import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

import java.time.Instant;
import java.util.function.Function;

/**
 * The DeleteTaskDefinitions decision for one name: an INACTIVE revision moves to
 * DELETE_IN_PROGRESS (stamped with deleteRequestedAt), one already being deleted is returned as it
 * is, and anything else becomes a {@code failures[]} entry with the reason ECS gives.
 *
 * <pre>{@code
 * Outcome o = TaskDefinitionDeletion.delete("web:1", taskDefinitions::find, state.now());
 * }</pre>
 */
final class TaskDefinitionDeletion {

    static final String INVALID_IDENTIFIER =
            "The specified task definition identifier is invalid. Specify a valid name or ARN and try again.";
    static final String DOES_NOT_EXIST = "The specified task definition does not exist.";
    static final String STILL_ACTIVE =
            "The specified task definition is still in ACTIVE status. Please deregister the target and try again.";

    private TaskDefinitionDeletion() {
    }

    static Outcome delete(String name, Function<String, TaskDefinition> find, Instant now) {
        TaskDefinitionReference ref = TaskDefinitionReference.parse(name);
        if (ref == null || !ref.hasRevision()) {
            return Outcome.failed(name, INVALID_IDENTIFIER);
        }
        TaskDefinition td = find.apply(name);
        if (td == null) {
            return Outcome.failed(name, DOES_NOT_EXIST);
        }
        if (td.status() == TaskDefinitionStatus.ACTIVE) {
            return Outcome.failed(td.taskDefinitionArn(), STILL_ACTIVE);
        }
        if (td.status() == TaskDefinitionStatus.DELETE_IN_PROGRESS) {
            return new Outcome(td, false, null);
        }
        TaskDefinition deleting = td.toBuilder().status(TaskDefinitionStatus.DELETE_IN_PROGRESS)
                .deleteRequestedAt(now).build();
        return new Outcome(deleting, true, null);
    }

    /** The deleted revision (and whether it changed now), or the failure to report. */
    record Outcome(TaskDefinition taskDefinition, boolean changed, Failure failure) {
        static Outcome failed(String arn, String reason) {
            return new Outcome(null, false, Failure.builder().arn(arn).reason(reason).build());
        }
    }
}
