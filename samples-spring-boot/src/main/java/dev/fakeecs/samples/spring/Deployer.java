package dev.fakeecs.samples.spring;

import org.springframework.stereotype.Service;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentBrief;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rolls an image out to an ECS service and tells how the rollout went: registers a new revision of the service's
 * task definition with the image in its first container, updates the service to it, and reads the rollout state
 * (including a rollback by the deployment circuit breaker, from ListServiceDeployments).
 *
 * <pre>{@code
 * String revision = deployer.rollOut("prod", "orders", "acme/orders:2");
 * deployer.outcome("prod", "orders", revision);   // IN_PROGRESS, COMPLETED or ROLLED_BACK
 * }</pre>
 */
@Service
public class Deployer {

    /** How a rollout ended, as the deployer reports it. */
    public enum Outcome { IN_PROGRESS, COMPLETED, ROLLED_BACK, FAILED }

    private final EcsClient ecs;

    public Deployer(EcsClient ecs) {
        this.ecs = ecs;
    }

    /** Starts rolling {@code image} out to {@code service}; returns the ARN of the task definition revision. */
    public String rollOut(String cluster, String service, String image) {
        String current = ecs.describeServices(r -> r.cluster(cluster).services(service)).services().get(0)
                .taskDefinition();
        TaskDefinition td = ecs.describeTaskDefinition(r -> r.taskDefinition(current)).taskDefinition();
        List<ContainerDefinition> containers = new ArrayList<>(td.containerDefinitions());
        containers.set(0, containers.get(0).toBuilder().image(image).build());
        String revision = ecs.registerTaskDefinition(r -> r.family(td.family())
                        .requiresCompatibilities(td.requiresCompatibilities()).networkMode(td.networkMode())
                        .cpu(td.cpu()).memory(td.memory()).containerDefinitions(containers))
                .taskDefinition().taskDefinitionArn();
        ecs.updateService(r -> r.cluster(cluster).service(service).taskDefinition(revision));
        return revision;
    }

    /** How the rollout of {@code revision} to {@code service} stands. */
    public Outcome outcome(String cluster, String service, String revision) {
        var described = ecs.describeServices(r -> r.cluster(cluster).services(service)).services().get(0);
        Optional<Deployment> live = described.deployments().stream()
                .filter(d -> revision.equals(d.taskDefinition())).findFirst();
        if (live.isPresent()) {
            return switch (live.get().rolloutStateAsString()) {
                case "COMPLETED" -> Outcome.COMPLETED;
                case "FAILED" -> Outcome.FAILED;
                default -> Outcome.IN_PROGRESS;
            };
        }
        // a rolled-back deployment leaves describeServices' deployments: ListServiceDeployments keeps it, and its
        // target service revision names the task definition it rolled out
        for (ServiceDeploymentBrief brief : ecs.listServiceDeployments(r -> r.cluster(cluster).service(service))
                .serviceDeployments()) {
            String taskDefinition = ecs.describeServiceRevisions(r -> r.serviceRevisionArns(
                    brief.targetServiceRevisionArn())).serviceRevisions().get(0).taskDefinition();
            if (revision.equals(taskDefinition)) {
                return switch (brief.statusAsString()) {
                    case "SUCCESSFUL" -> Outcome.COMPLETED;
                    case "ROLLBACK_SUCCESSFUL", "ROLLBACK_IN_PROGRESS" -> Outcome.ROLLED_BACK;
                    case "PENDING", "IN_PROGRESS" -> Outcome.IN_PROGRESS;
                    default -> Outcome.FAILED;
                };
            }
        }
        return Outcome.FAILED;
    }
}
