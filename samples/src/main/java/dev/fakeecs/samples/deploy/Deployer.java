package dev.fakeecs.samples.deploy;

import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A small deployment tool of the kind teams write, using nothing but the AWS SDK's {@link EcsClient}:
 * registers a new revision with a new image, updates the service, waits until the rollout is
 * COMPLETED, and rolls back to the previous revision itself if the rollout FAILED.
 *
 * <pre>{@code
 * Deployer deployer = new Deployer(ecsClient, Deployer.Sleeper.REAL, Duration.ofSeconds(15), Duration.ofMinutes(30));
 * Deployer.Outcome outcome = deployer.deploy("prod", "orders", "app", "acme/orders:2.0");
 * }</pre>
 */
public final class Deployer {

    /** How the deployer waits between polls (a test passes the fake's virtual clock). */
    @FunctionalInterface
    public interface Sleeper {
        Sleeper REAL = d -> Thread.sleep(d.toMillis());

        void sleep(Duration duration) throws InterruptedException;
    }

    /** How a deployment ended. */
    public enum Result { COMPLETED, ROLLED_BACK, TIMED_OUT }

    /**
     * @param result         how it ended
     * @param taskDefinition the task definition the service runs at the end
     * @param polls          how many times the deployer looked
     * @param log            what the deployer printed
     */
    public record Outcome(Result result, String taskDefinition, int polls, List<String> log) {
    }

    private final EcsClient ecs;
    private final Sleeper sleeper;
    private final Duration pollInterval;
    private final Duration timeout;

    public Deployer(EcsClient ecs, Sleeper sleeper, Duration pollInterval, Duration timeout) {
        this.ecs = ecs;
        this.sleeper = sleeper;
        this.pollInterval = pollInterval;
        this.timeout = timeout;
    }

    /** Deploys {@code image} to container {@code container} of the service's task definition. */
    public Outcome deploy(String cluster, String service, String container, String image) throws InterruptedException {
        List<String> log = new ArrayList<>();
        Service current = describe(cluster, service);
        String previous = current.taskDefinition();
        TaskDefinition td = ecs.describeTaskDefinition(r -> r.taskDefinition(previous)).taskDefinition();
        String next = ecs.registerTaskDefinition(withImage(td, container, image)).taskDefinition().taskDefinitionArn();
        log.add("registered " + next);
        ecs.updateService(r -> r.cluster(cluster).service(service).taskDefinition(next));
        log.add("updating " + service + " from " + previous + " to " + next);

        Result result = waitForRollout(cluster, service, next, log);
        if (result == Result.ROLLED_BACK && !describe(cluster, service).taskDefinition().equals(previous)) {
            ecs.updateService(r -> r.cluster(cluster).service(service).taskDefinition(previous));
            log.add("rolling back to " + previous);
            waitForRollout(cluster, service, previous, log);
        }
        Service end = describe(cluster, service);
        return new Outcome(result, end.taskDefinition(), log.size(), List.copyOf(log));
    }

    private Result waitForRollout(String cluster, String service, String target, List<String> log)
            throws InterruptedException {
        long waits = Math.max(1, timeout.toMillis() / pollInterval.toMillis());
        for (long i = 0; i < waits; i++) {
            Service s = describe(cluster, service);
            Deployment primary = s.deployments().get(0);
            if (!primary.taskDefinition().equals(target)) {
                log.add("ECS rolled back to " + primary.taskDefinition());
                return Result.ROLLED_BACK;
            }
            switch (primary.rolloutStateAsString()) {
                case "COMPLETED":
                    if (s.deployments().size() == 1 && s.runningCount().equals(s.desiredCount())) {
                        log.add("completed: " + s.runningCount() + " running");
                        return Result.COMPLETED;
                    }
                    break;
                case "FAILED":
                    log.add("failed: " + primary.rolloutStateReason());
                    return Result.ROLLED_BACK;
                default:
                    break;
            }
            sleeper.sleep(pollInterval);
        }
        log.add("timed out");
        return Result.TIMED_OUT;
    }

    private Service describe(String cluster, String service) {
        return ecs.describeServices(r -> r.cluster(cluster).services(service)).services().get(0);
    }

    private static RegisterTaskDefinitionRequest withImage(TaskDefinition td, String container, String image) {
        List<ContainerDefinition> containers = new ArrayList<>();
        for (ContainerDefinition c : td.containerDefinitions()) {
            containers.add(c.name().equals(container) ? c.toBuilder().image(image).build() : c);
        }
        return RegisterTaskDefinitionRequest.builder().family(td.family()).cpu(td.cpu()).memory(td.memory())
                .networkMode(td.networkMode()).requiresCompatibilities(td.requiresCompatibilities())
                .executionRoleArn(td.executionRoleArn()).taskRoleArn(td.taskRoleArn())
                .containerDefinitions(containers).build();
    }
}
