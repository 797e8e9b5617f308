package dev.fakeecs.dsl.taskdefinition;

import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

import java.util.List;

/**
 * Turns a registered {@link TaskDefinition} (as DescribeTaskDefinition returns it) back into the
 * RegisterTaskDefinition request that would register it again: the registrable members are kept,
 * the ones ECS adds (ARN, revision, status, requiresAttributes, compatibilities, timestamps) dropped.
 *
 * <pre>{@code
 * TaskDefinition described = ecs.api().describeTaskDefinition(r -> r.taskDefinition("orders")).taskDefinition();
 * RegisterTaskDefinitionRequest again = TaskDefinitionConversions.toRegisterRequest(described, List.of());
 * }</pre>
 */
public final class TaskDefinitionConversions {

    private TaskDefinitionConversions() {
    }

    public static RegisterTaskDefinitionRequest toRegisterRequest(TaskDefinition d, List<Tag> tags) {
        RegisterTaskDefinitionRequest.Builder b = RegisterTaskDefinitionRequest.builder()
                .family(d.family())
                .taskRoleArn(d.taskRoleArn())
                .executionRoleArn(d.executionRoleArn())
                .networkMode(d.networkModeAsString())
                .pidMode(d.pidModeAsString())
                .ipcMode(d.ipcModeAsString())
                .proxyConfiguration(d.proxyConfiguration())
                .cpu(d.cpu())
                .memory(d.memory())
                .ephemeralStorage(d.ephemeralStorage())
                .runtimePlatform(d.runtimePlatform())
                .enableFaultInjection(d.enableFaultInjection());
        if (d.hasContainerDefinitions()) {
            b.containerDefinitions(d.containerDefinitions());
        }
        if (d.hasVolumes()) {
            b.volumes(d.volumes());
        }
        if (d.hasPlacementConstraints()) {
            b.placementConstraints(d.placementConstraints());
        }
        if (d.hasRequiresCompatibilities()) {
            b.requiresCompatibilitiesWithStrings(d.requiresCompatibilitiesAsStrings());
        }
        if (d.hasInferenceAccelerators()) {
            b.inferenceAccelerators(d.inferenceAccelerators());
        }
        if (tags != null && !tags.isEmpty()) {
            b.tags(tags);
        }
        return b.build();
    }
}
