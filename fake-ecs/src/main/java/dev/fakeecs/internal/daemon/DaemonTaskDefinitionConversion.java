package dev.fakeecs.internal.daemon;

import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DaemonContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DaemonTaskDefinition;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

import java.util.ArrayList;
import java.util.List;

/**
 * A daemon task definition as the task engine runs it: the same containers (name, image, CPU, memory, essential,
 * health check, command, environment, secrets, mounts, logging, dependencies, timeouts), in host network mode
 * (the fake's stand-in for {@code daemon_bridge}), under the daemon task definition's ARN. A container without a
 * name is called {@code daemon-N} (N from 1, in order).
 *
 * <pre>{@code
 * TaskDefinition td = DaemonTaskDefinitionConversion.toTaskDefinition(daemonTaskDefinition);
 * }</pre>
 */
final class DaemonTaskDefinitionConversion {

    private DaemonTaskDefinitionConversion() {
    }

    static TaskDefinition toTaskDefinition(DaemonTaskDefinition d) {
        List<ContainerDefinition> containers = new ArrayList<>();
        int i = 0;
        for (DaemonContainerDefinition c : d.containerDefinitions()) {
            i++;
            containers.add(ContainerDefinition.builder()
                    .name(c.name() == null ? "daemon-" + i : c.name())
                    .image(c.image())
                    .cpu(c.cpu())
                    .memory(c.memory())
                    .memoryReservation(c.memoryReservation())
                    .essential(c.essential())
                    .healthCheck(c.healthCheck())
                    .command(c.hasCommand() ? c.command() : null)
                    .entryPoint(c.hasEntryPoint() ? c.entryPoint() : null)
                    .environment(c.hasEnvironment() ? c.environment() : null)
                    .secrets(c.hasSecrets() ? c.secrets() : null)
                    .mountPoints(c.hasMountPoints() ? c.mountPoints() : null)
                    .logConfiguration(c.logConfiguration())
                    .privileged(c.privileged())
                    .user(c.user())
                    .workingDirectory(c.workingDirectory())
                    .readonlyRootFilesystem(c.readonlyRootFilesystem())
                    .dependsOn(c.hasDependsOn() ? c.dependsOn() : null)
                    .startTimeout(c.startTimeout())
                    .stopTimeout(c.stopTimeout())
                    .build());
        }
        return TaskDefinition.builder()
                .taskDefinitionArn(d.daemonTaskDefinitionArn())
                .family(d.family())
                .revision(d.revision())
                .containerDefinitions(containers)
                .cpu(d.cpu())
                .memory(d.memory())
                .taskRoleArn(d.taskRoleArn())
                .executionRoleArn(d.executionRoleArn())
                .networkMode(NetworkMode.HOST)
                .status(TaskDefinitionStatus.ACTIVE)
                .compatibilities(Compatibility.MANAGED_INSTANCES)
                .build();
    }
}
