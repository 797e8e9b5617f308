package dev.fakeecs.internal.taskdefinition;

import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

import java.time.Instant;
import java.util.List;

/**
 * Turns a (validated) RegisterTaskDefinition request into the task definition ECS stores and
 * returns: the request's fields, cpu and memory normalised to plain numbers, container defaults
 * ({@link ContainerDefaults}), {@code requiresAttributes}, {@code compatibilities}, ARN,
 * revision, ACTIVE status and who registered it when.
 *
 * <pre>{@code
 * TaskDefinition td = TaskDefinitionAssembler.assemble(request, arn, 1, state.now(),
 *         "arn:aws:iam::123456789012:root");
 * }</pre>
 */
final class TaskDefinitionAssembler {

    private TaskDefinitionAssembler() {
    }

    static TaskDefinition assemble(RegisterTaskDefinitionRequest request, String arn, int revision,
                                   Instant registeredAt, String registeredBy) {
        NetworkMode networkMode = RegistrationRules.networkMode(request);
        Integer cpu = TaskSize.cpuUnits(request.cpu());
        Integer memory = TaskSize.memoryMiB(request.memory());
        TaskDefinition.Builder b = TaskDefinition.builder()
                .taskDefinitionArn(arn)
                .family(request.family())
                .revision(revision)
                .taskRoleArn(request.taskRoleArn())
                .executionRoleArn(request.executionRoleArn())
                .networkMode(networkMode)
                .containerDefinitions(request.containerDefinitions().stream()
                        .map(c -> ContainerDefaults.apply(c, networkMode)).toList())
                .volumes(request.hasVolumes() ? request.volumes().stream().map(TaskDefinitionAssembler::withDefaults)
                        .toList() : List.of())
                .placementConstraints(request.hasPlacementConstraints() ? request.placementConstraints() : List.of())
                .status(TaskDefinitionStatus.ACTIVE)
                .requiresAttributes(RequiredAttributes.of(request, networkMode))
                .compatibilities(Compatibilities.of(request, networkMode))
                .cpu(cpu == null ? null : String.valueOf(cpu))
                .memory(memory == null ? null : String.valueOf(memory))
                .pidMode(request.pidModeAsString())
                .ipcMode(request.ipcModeAsString())
                .proxyConfiguration(request.proxyConfiguration())
                .ephemeralStorage(request.ephemeralStorage())
                .runtimePlatform(request.runtimePlatform())
                .enableFaultInjection(request.enableFaultInjection())
                .registeredAt(registeredAt)
                .registeredBy(registeredBy);
        if (request.hasRequiresCompatibilities()) {
            b.requiresCompatibilitiesWithStrings(request.requiresCompatibilitiesAsStrings());
        }
        if (request.hasInferenceAccelerators()) {
            b.inferenceAccelerators(request.inferenceAccelerators());
        }
        return b.build();
    }

    /** An EFS volume without {@code rootDirectory} reads back with "/", as ECS fills it in. */
    private static software.amazon.awssdk.services.ecs.model.Volume withDefaults(
            software.amazon.awssdk.services.ecs.model.Volume volume) {
        var efs = volume.efsVolumeConfiguration();
        if (efs == null || efs.rootDirectory() != null && !efs.rootDirectory().isEmpty()) {
            return volume;
        }
        return volume.toBuilder().efsVolumeConfiguration(efs.toBuilder().rootDirectory("/").build()).build();
    }
}
