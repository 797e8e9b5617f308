package dev.fakeecs.internal.taskdefinition;

import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.ResourceType;

import java.util.ArrayList;
import java.util.List;

/**
 * The launch types ECS finds a task definition valid for ({@code compatibilities}): always EC2,
 * and FARGATE when the definition would pass the Fargate rules: awsvpc, a task size from
 * {@link FargateSizes}, no placement constraints, no GPUs, no privileged or linked containers.
 *
 * <pre>{@code
 * Compatibilities.of(request, NetworkMode.AWSVPC);   // [EC2, FARGATE]
 * }</pre>
 */
final class Compatibilities {

    private Compatibilities() {
    }

    static List<Compatibility> of(RegisterTaskDefinitionRequest request, NetworkMode networkMode) {
        List<Compatibility> result = new ArrayList<>();
        result.add(Compatibility.EC2);
        if (request.requiresCompatibilities().contains(Compatibility.MANAGED_INSTANCES)) {
            result.add(Compatibility.MANAGED_INSTANCES);
        }
        if (fargateValid(request, networkMode)) {
            result.add(Compatibility.FARGATE);
        }
        return result;
    }

    private static boolean fargateValid(RegisterTaskDefinitionRequest request, NetworkMode networkMode) {
        if (networkMode != NetworkMode.AWSVPC || !request.placementConstraints().isEmpty()) {
            return false;
        }
        Integer cpu = TaskSize.cpuUnits(request.cpu());
        Integer memory = TaskSize.memoryMiB(request.memory());
        if (cpu == null || memory == null || !FargateSizes.isValid(cpu, memory)) {
            return false;
        }
        for (ContainerDefinition c : request.containerDefinitions()) {
            boolean gpu = c.resourceRequirements().stream().anyMatch(r -> r.type() == ResourceType.GPU);
            if (gpu || Boolean.TRUE.equals(c.privileged()) || !c.links().isEmpty()) {
                return false;
            }
            if (c.stopTimeout() != null && (c.stopTimeout() < 2 || c.stopTimeout() > 120)) {
                return false;
            }
        }
        return true;
    }
}
