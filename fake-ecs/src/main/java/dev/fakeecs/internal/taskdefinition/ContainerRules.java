package dev.fakeecs.internal.taskdefinition;

import dev.fakeecs.internal.error.EcsErrors;
import software.amazon.awssdk.services.ecs.model.ContainerCondition;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.ContainerDependency;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.HealthCheck;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PortMapping;

import java.util.List;
import java.util.Map;

/**
 * The rules RegisterTaskDefinition checks on each container definition: image, memory, health
 * check bounds, port mappings, stopTimeout and dependsOn. Each broken rule fails with the
 * ClientException real ECS answers, naming the container and the field.
 *
 * <pre>{@code
 * ContainerRules rules = new ContainerRules(NetworkMode.BRIDGE, false, null, containersByName);
 * rules.check(container);   // ClientException "Container.image should not be null or empty."
 * }</pre>
 */
final class ContainerRules {

    /** The smallest memory (MiB) Docker 20.10 and later gives a container. */
    static final int MIN_MEMORY_MIB = 6;

    private final NetworkMode networkMode;
    private final boolean fargate;
    private final Integer taskMemoryMiB;
    private final Map<String, ContainerDefinition> byName;

    ContainerRules(NetworkMode networkMode, boolean fargate, Integer taskMemoryMiB,
                   Map<String, ContainerDefinition> byName) {
        this.networkMode = networkMode;
        this.fargate = fargate;
        this.taskMemoryMiB = taskMemoryMiB;
        this.byName = byName;
    }

    void check(ContainerDefinition c) {
        if (c.image() == null || c.image().isBlank()) {
            throw EcsErrors.clientException("Container.image should not be null or empty.");
        }
        checkMemory(c);
        checkHealthCheck(c);
        checkPortMappings(c);
        checkStopTimeout(c);
        checkDependsOn(c);
    }

    private void checkMemory(ContainerDefinition c) {
        Integer memory = c.memory();
        Integer reservation = c.memoryReservation();
        if (taskMemoryMiB == null && memory == null && reservation == null) {
            throw invalid(c, "At least one of 'memory' or 'memoryReservation' must be specified.");
        }
        if (memory != null && memory < MIN_MEMORY_MIB) {
            throw invalid(c, "'memory' must be at least " + MIN_MEMORY_MIB + " MiB.");
        }
        if (reservation != null && reservation < MIN_MEMORY_MIB) {
            throw invalid(c, "'memoryReservation' must be at least " + MIN_MEMORY_MIB + " MiB.");
        }
        if (memory != null && reservation != null && reservation > memory) {
            throw invalid(c, "'memoryReservation' must be less than or equal to 'memory'.");
        }
    }

    private void checkHealthCheck(ContainerDefinition c) {
        HealthCheck hc = c.healthCheck();
        if (hc == null) {
            return;
        }
        List<String> command = hc.command();
        if (command.isEmpty() || !("CMD".equals(command.get(0)) || "CMD-SHELL".equals(command.get(0)))) {
            throw invalid(c, "healthCheck.command must start with CMD or CMD-SHELL.");
        }
        range(c, "healthCheck.interval", hc.interval(), 5, 300);
        range(c, "healthCheck.timeout", hc.timeout(), 2, 60);
        range(c, "healthCheck.retries", hc.retries(), 1, 10);
        range(c, "healthCheck.startPeriod", hc.startPeriod(), 0, 300);
    }

    private void checkPortMappings(ContainerDefinition c) {
        if (networkMode != NetworkMode.AWSVPC && networkMode != NetworkMode.HOST) {
            return;
        }
        for (PortMapping pm : c.portMappings()) {
            if (pm.hostPort() != null && !pm.hostPort().equals(pm.containerPort())) {
                throw EcsErrors.clientException("When networkMode=" + networkMode
                        + ", the host ports and container ports in port mappings must match.");
            }
        }
    }

    private void checkStopTimeout(ContainerDefinition c) {
        if (fargate) {
            range(c, "stopTimeout", c.stopTimeout(), 2, 120);
        }
    }

    private void checkDependsOn(ContainerDefinition c) {
        for (ContainerDependency d : c.dependsOn()) {
            if (d.condition() == null || d.condition() == ContainerCondition.UNKNOWN_TO_SDK_VERSION) {
                throw invalid(c, "dependsOn condition '" + d.conditionAsString()
                        + "' is not one of START, COMPLETE, SUCCESS, HEALTHY.");
            }
            ContainerDefinition target = byName.get(d.containerName());
            if (target == null) {
                throw invalid(c, "dependsOn names container '" + d.containerName()
                        + "', which is not in the task definition.");
            }
            boolean exits = d.condition() == ContainerCondition.COMPLETE || d.condition() == ContainerCondition.SUCCESS;
            if (exits && !Boolean.FALSE.equals(target.essential())) {
                throw EcsErrors.clientException(
                        "A dependency container with SUCCESS or COMPLETE condition cannot be an essential container");
            }
        }
    }

    private static void range(ContainerDefinition c, String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw invalid(c, field + " must be between " + min + " and " + max + ".");
        }
    }

    static EcsException invalid(ContainerDefinition c, String detail) {
        return EcsErrors.clientException("Invalid setting for container '" + c.name() + "'. " + detail);
    }
}
