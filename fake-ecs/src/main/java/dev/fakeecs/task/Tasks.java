package dev.fakeecs.task;

import dev.fakeecs.region.RegionState;
import software.amazon.awssdk.services.ecs.model.DescribeTasksRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.ExecuteCommandRequest;
import software.amazon.awssdk.services.ecs.model.ExecuteCommandResponse;
import software.amazon.awssdk.services.ecs.model.GetTaskProtectionRequest;
import software.amazon.awssdk.services.ecs.model.GetTaskProtectionResponse;
import software.amazon.awssdk.services.ecs.model.ListTasksRequest;
import software.amazon.awssdk.services.ecs.model.ListTasksResponse;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.StartTaskRequest;
import software.amazon.awssdk.services.ecs.model.StartTaskResponse;
import software.amazon.awssdk.services.ecs.model.StopTaskRequest;
import software.amazon.awssdk.services.ecs.model.StopTaskResponse;
import software.amazon.awssdk.services.ecs.model.SubmitAttachmentStateChangesRequest;
import software.amazon.awssdk.services.ecs.model.SubmitAttachmentStateChangesResponse;
import software.amazon.awssdk.services.ecs.model.SubmitContainerStateChangeRequest;
import software.amazon.awssdk.services.ecs.model.SubmitContainerStateChangeResponse;
import software.amazon.awssdk.services.ecs.model.SubmitTaskStateChangeRequest;
import software.amazon.awssdk.services.ecs.model.SubmitTaskStateChangeResponse;
import software.amazon.awssdk.services.ecs.model.UpdateTaskProtectionRequest;
import software.amazon.awssdk.services.ecs.model.UpdateTaskProtectionResponse;

/**
 * The Tasks part of one region's ECS control plane.
 */
public final class Tasks {

    private final RegionState state;

    public Tasks(RegionState state) {
        this.state = state;
    }

    /** RunTask. */
    public RunTaskResponse runTask(RunTaskRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support RunTask yet");
    }

    /** StartTask. */
    public StartTaskResponse startTask(StartTaskRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support StartTask yet");
    }

    /** StopTask. */
    public StopTaskResponse stopTask(StopTaskRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support StopTask yet");
    }

    /** DescribeTasks. */
    public DescribeTasksResponse describeTasks(DescribeTasksRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support DescribeTasks yet");
    }

    /** ListTasks. */
    public ListTasksResponse listTasks(ListTasksRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support ListTasks yet");
    }

    /** GetTaskProtection. */
    public GetTaskProtectionResponse getTaskProtection(GetTaskProtectionRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support GetTaskProtection yet");
    }

    /** UpdateTaskProtection. */
    public UpdateTaskProtectionResponse updateTaskProtection(UpdateTaskProtectionRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support UpdateTaskProtection yet");
    }

    /** ExecuteCommand. */
    public ExecuteCommandResponse executeCommand(ExecuteCommandRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support ExecuteCommand yet");
    }

    /** SubmitTaskStateChange. */
    public SubmitTaskStateChangeResponse submitTaskStateChange(SubmitTaskStateChangeRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support SubmitTaskStateChange yet");
    }

    /** SubmitContainerStateChange. */
    public SubmitContainerStateChangeResponse submitContainerStateChange(SubmitContainerStateChangeRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support SubmitContainerStateChange yet");
    }

    /** SubmitAttachmentStateChanges. */
    public SubmitAttachmentStateChangesResponse submitAttachmentStateChanges(SubmitAttachmentStateChangesRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support SubmitAttachmentStateChanges yet");
    }
}
