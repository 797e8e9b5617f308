package dev.fakeecs.internal.taskdefinition;

import dev.fakeecs.internal.error.EcsErrors;
import dev.fakeecs.internal.placement.ClusterQuery;
import dev.fakeecs.quota.Quotas;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionPlacementConstraint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Everything RegisterTaskDefinition checks before it stores a revision, in the order ECS checks
 * it: the family name, the container list, the task size, the Fargate rules, each container
 * ({@link ContainerRules}), the essential container, the task-level sums, and ephemeral storage
 * (tags are checked by {@code state.tags()}). A broken rule fails with the exception and message real ECS answers.
 *
 * <pre>{@code
 * RegistrationRules.check(request, world.quotas());   // or ClientException "Too many containers."
 * }</pre>
 */
final class RegistrationRules {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final int MAX_NAME = 255;

    private RegistrationRules() {
    }

    /** True if the request asks for Fargate (requiresCompatibilities contains FARGATE). */
    static boolean requiresFargate(RegisterTaskDefinitionRequest request) {
        return request.requiresCompatibilities().contains(Compatibility.FARGATE);
    }

    /** The network mode the task definition gets: the requested one, bridge when none. */
    static NetworkMode networkMode(RegisterTaskDefinitionRequest request) {
        return request.networkMode() == null ? NetworkMode.BRIDGE : request.networkMode();
    }

    /**
     * requiresCompatibilities MANAGED_INSTANCES: network mode awsvpc, host or none, Linux (the Managed Instances
     * architecture page; the message is the fake's, UNCONFIRMED).
     */
    private static void checkManagedInstances(RegisterTaskDefinitionRequest request) {
        NetworkMode mode = networkMode(request);
        if (mode == NetworkMode.BRIDGE) {
            throw EcsErrors.clientException("Task definition does not support the bridge network mode with "
                    + "requiresCompatibilities MANAGED_INSTANCES. Use awsvpc, host or none.");
        }
        if (request.runtimePlatform() != null && request.runtimePlatform().operatingSystemFamily() != null
                && !request.runtimePlatform().operatingSystemFamilyAsString().equals("LINUX")) {
            throw EcsErrors.clientException("Task definition with requiresCompatibilities MANAGED_INSTANCES must "
                    + "use the LINUX operating system family.");
        }
    }

    static void check(RegisterTaskDefinitionRequest request, Quotas quotas) {
        checkFamily(request.family());
        List<ContainerDefinition> containers = request.containerDefinitions();
        if (containers.isEmpty()) {
            throw EcsErrors.clientException("Container list cannot be empty.");
        }
        if (containers.size() > quotas.containersPerTaskDefinition()) {
            throw EcsErrors.clientException("Too many containers.");
        }
        Map<String, ContainerDefinition> byName = containersByName(containers);
        Integer taskCpu = taskSize(request.cpu(), TaskSize.cpuUnits(request.cpu()), "cpu");
        Integer taskMemory = taskSize(request.memory(), TaskSize.memoryMiB(request.memory()), "memory");
        boolean fargate = requiresFargate(request);
        if (fargate) {
            checkFargate(request, taskCpu, taskMemory);
        }
        if (request.requiresCompatibilities().contains(Compatibility.MANAGED_INSTANCES)) {
            checkManagedInstances(request);
        }
        ContainerRules rules = new ContainerRules(networkMode(request), fargate, taskMemory, byName);
        containers.forEach(rules::check);
        if (containers.stream().allMatch(c -> Boolean.FALSE.equals(c.essential()))) {
            throw EcsErrors.clientException("Task definition doesn't have any essential container.");
        }
        checkTaskSums(containers, taskCpu, taskMemory);
        checkPlacementConstraints(request.placementConstraints(), quotas.placementConstraints());
        if (request.ephemeralStorage() != null) {
            Integer size = request.ephemeralStorage().sizeInGiB();
            if (size == null || size < 21 || size > 200) {
                throw EcsErrors.clientException(
                        "Invalid 'ephemeralStorage.sizeInGiB' setting. The value must be between 21 and 200 GiB.");
            }
        }
    }

    private static void checkFamily(String family) {
        if (family == null || family.isEmpty()) {
            throw EcsErrors.clientException("Family can not be blank.");
        }
        if (family.length() > MAX_NAME) {
            throw EcsErrors.clientException("Family can not be longer than " + MAX_NAME + " characters.");
        }
        if (!NAME.matcher(family).matches()) {
            throw EcsErrors.clientException("Family contains invalid characters.");
        }
    }

    private static Map<String, ContainerDefinition> containersByName(List<ContainerDefinition> containers) {
        Map<String, ContainerDefinition> byName = new LinkedHashMap<>();
        for (ContainerDefinition c : containers) {
            if (c.name() == null || c.name().isEmpty()) {
                throw EcsErrors.clientException("Container.name should not be null or empty.");
            }
            if (c.name().length() > MAX_NAME || !NAME.matcher(c.name()).matches()) {
                throw EcsErrors.clientException("Container.name contains invalid characters.");
            }
            if (byName.putIfAbsent(c.name(), c) != null) {
                throw EcsErrors.clientException("Container names must be unique within a Task Definition.");
            }
        }
        return byName;
    }

    private static Integer taskSize(String text, Integer parsed, String field) {
        if (text != null && (parsed == null || parsed <= 0)) {
            throw EcsErrors.clientException("Invalid '" + field + "' setting for task.");
        }
        return parsed;
    }

    private static void checkFargate(RegisterTaskDefinitionRequest request, Integer cpu, Integer memory) {
        if (networkMode(request) != NetworkMode.AWSVPC) {
            throw EcsErrors.clientException("Fargate only supports network mode \u2018awsvpc\u2019.");
        }
        if ("host".equals(request.pidModeAsString())) {
            // The text ECS answers (seen in CloudFormation errors, aws-cdk issue 29619).
            throw EcsErrors.clientException("Tasks using the Fargate launch type do not support pidMode 'host'. "
                    + "The supported value for pidMode is 'task'.");
        }
        if (cpu == null) {
            throw EcsErrors.clientException("Fargate requires that 'cpu' be defined at the task level.");
        }
        if (memory == null) {
            throw EcsErrors.clientException("Fargate requires that 'memory' be defined at the task level.");
        }
        if (!FargateSizes.isValid(cpu, memory)) {
            throw EcsErrors.clientException(FargateSizes.NO_CONFIGURATION);
        }
        if (isWindows(request) && cpu < FargateSizes.WINDOWS_MIN_CPU) {
            throw EcsErrors.clientException(FargateSizes.NO_CONFIGURATION);
        }
    }

    /** True when runtimePlatform.operatingSystemFamily names a Windows Server family. */
    private static boolean isWindows(RegisterTaskDefinitionRequest request) {
        return request.runtimePlatform() != null && request.runtimePlatform().operatingSystemFamilyAsString() != null
                && request.runtimePlatform().operatingSystemFamilyAsString().startsWith("WINDOWS");
    }

    /**
     * A task definition accepts only {@code memberOf} placement constraints (the task definition parameters page),
     * each with a valid cluster query expression, at most as many as a task may have (10).
     */
    private static void checkPlacementConstraints(List<TaskDefinitionPlacementConstraint> constraints, int max) {
        if (constraints.size() > max) {
            throw EcsErrors.clientException("Too many placementConstraints: " + constraints.size()
                    + " given, at most " + max + " allowed.");
        }
        for (int i = 0; i < constraints.size(); i++) {
            TaskDefinitionPlacementConstraint c = constraints.get(i);
            if (!"memberOf".equalsIgnoreCase(c.typeAsString())) {
                throw EcsErrors.clientException("placementConstraints[" + i + "].type: a task definition accepts "
                        + "only memberOf constraints, got " + c.typeAsString() + ".");
            }
            if (c.expression() == null || c.expression().isBlank()) {
                throw EcsErrors.clientException("placementConstraints[" + i + "].expression is required for the "
                        + "memberOf constraint.");
            }
            ClusterQuery.parse(c.expression());
        }
    }

    private static void checkTaskSums(List<ContainerDefinition> containers, Integer taskCpu, Integer taskMemory) {
        int cpuSum = 0;
        int reservationSum = 0;
        for (ContainerDefinition c : containers) {
            cpuSum += c.cpu() == null ? 0 : c.cpu();
            reservationSum += c.memoryReservation() == null ? 0 : c.memoryReservation();
            if (taskMemory != null && c.memory() != null && c.memory() > taskMemory) {
                throw EcsErrors.clientException("The 'memory' setting for container '" + c.name()
                        + "' is greater than for the task.");
            }
        }
        if (taskCpu != null && cpuSum > taskCpu) {
            throw EcsErrors.clientException(
                    "The sum of all container 'cpu' values cannot be greater than the value of the task 'cpu'.");
        }
        if (taskMemory != null && reservationSum > taskMemory) {
            throw EcsErrors.clientException("The sum of all container 'memoryReservation' values cannot be "
                    + "greater than the value of the task 'memory'.");
        }
    }
}
