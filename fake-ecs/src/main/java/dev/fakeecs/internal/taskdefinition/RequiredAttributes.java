package dev.fakeecs.internal.taskdefinition;

import software.amazon.awssdk.services.ecs.model.Attribute;
import software.amazon.awssdk.services.ecs.model.CPUArchitecture;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code requiresAttributes} ECS derives from a task definition: the agent capabilities a
 * container instance must advertise to run it (task IAM role, awsvpc ENIs, health checks,
 * container ordering, awslogs, private ECR pulls with the execution role, memory reservations)
 * and, for an arm64 runtime platform, {@code ecs.cpu-architecture = arm64}.
 *
 * <pre>{@code
 * List<Attribute> attrs = RequiredAttributes.of(request, NetworkMode.AWSVPC);
 * // [ecs.capability.task-eni, com.amazonaws.ecs.capability.docker-remote-api.1.18, ...]
 * }</pre>
 */
final class RequiredAttributes {

    static final String CAPABILITY = "com.amazonaws.ecs.capability.";

    private RequiredAttributes() {
    }

    static List<Attribute> of(RegisterTaskDefinitionRequest request, NetworkMode networkMode) {
        Set<String> names = new LinkedHashSet<>();
        if (request.taskRoleArn() != null) {
            names.add(CAPABILITY + "task-iam-role");
        }
        if (networkMode != NetworkMode.BRIDGE) {
            names.add(CAPABILITY + "docker-remote-api.1.18");
        }
        if (networkMode == NetworkMode.AWSVPC) {
            names.add("ecs.capability.task-eni");
        }
        for (ContainerDefinition c : request.containerDefinitions()) {
            if (c.memoryReservation() != null) {
                names.add(CAPABILITY + "docker-remote-api.1.21");
            }
            if (c.healthCheck() != null) {
                names.add("ecs.capability.container-health-check");
                names.add(CAPABILITY + "docker-remote-api.1.24");
            }
            if (c.hasDependsOn() && !c.dependsOn().isEmpty()) {
                names.add("ecs.capability.container-ordering");
            }
            if (c.logConfiguration() != null && c.logConfiguration().logDriver() == LogDriver.AWSLOGS) {
                names.add(CAPABILITY + "logging-driver.awslogs");
                names.add(CAPABILITY + "docker-remote-api.1.19");
                if (request.executionRoleArn() != null) {
                    names.add("ecs.capability.execution-role-awslogs");
                }
            }
            if (request.executionRoleArn() != null && c.image() != null && c.image().contains(".dkr.ecr.")) {
                names.add("ecs.capability.execution-role-ecr-pull");
            }
        }
        List<Attribute> attributes = new ArrayList<>();
        names.forEach(name -> attributes.add(Attribute.builder().name(name).build()));
        if (request.runtimePlatform() != null
                && request.runtimePlatform().cpuArchitecture() == CPUArchitecture.ARM64) {
            attributes.add(Attribute.builder().name("ecs.cpu-architecture").value("arm64").build());
        }
        return attributes;
    }
}
