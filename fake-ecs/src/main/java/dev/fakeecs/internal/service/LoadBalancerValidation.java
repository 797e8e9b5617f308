package dev.fakeecs.internal.service;

import dev.fakeecs.internal.error.EcsErrors;
import dev.fakeecs.internal.targets.TargetGroupDirectory;
import dev.fakeecs.internal.targets.TargetGroupInfo;
import dev.fakeecs.internal.taskdefinition.TaskResources;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

import java.util.List;

/**
 * Checks a service's (or task set's) {@code loadBalancers} as ECS does on CreateService, UpdateService and
 * CreateTaskSet, with its messages ({@code InvalidParameterException}): at most 5 target groups; no
 * {@code role} where the service-linked role is required (awsvpc, several target groups, service discovery,
 * the EXTERNAL controller); every target group exists and a listener or rule of a load balancer forwards to it;
 * its target type suits the task definition's network mode ({@code ip} for awsvpc, {@code instance} for bridge
 * and host); the container exists and maps the container port.
 *
 * <p>Entries naming a Classic Load Balancer ({@code loadBalancerName}) are stored and returned only: Classic Load
 * Balancers are not simulated. There is no IAM model, so the role checks that need one (the service-linked role
 * missing, a role that cannot reach Elastic Load Balancing) never fail.
 */
final class LoadBalancerValidation {

    /** Target groups a service may use (Amazon ECS service quotas). */
    static final int MAX_TARGET_GROUPS = 5;

    private final TargetGroupDirectory targetGroups;

    LoadBalancerValidation(TargetGroupDirectory targetGroups) {
        this.targetGroups = targetGroups;
    }

    /**
     * @param loadBalancers      the entries to check
     * @param td                 the task definition the tasks run (null: container checks are skipped)
     * @param role               the {@code role} of CreateService, or null
     * @param usesServiceRegistry whether the service uses service discovery
     * @param controller         the deployment controller type (ECS, CODE_DEPLOY, EXTERNAL)
     */
    void validate(List<LoadBalancer> loadBalancers, TaskDefinition td, String role, boolean usesServiceRegistry,
                  String controller) {
        if (loadBalancers.isEmpty()) {
            return;
        }
        int targetGroupCount = 0;
        for (LoadBalancer lb : loadBalancers) {
            if (lb.targetGroupArn() != null) {
                targetGroupCount++;
            }
        }
        if (targetGroupCount > MAX_TARGET_GROUPS) {
            throw EcsErrors.invalidParameter("A service can have at most " + MAX_TARGET_GROUPS + " target groups.");
        }
        boolean awsvpc = td != null && TaskResources.usesAwsvpc(td);
        if (role != null && !role.isEmpty() && (awsvpc || targetGroupCount > 1 || usesServiceRegistry
                || "EXTERNAL".equals(controller))) {
            throw EcsErrors.invalidParameter("You cannot specify an IAM role for services that require a service "
                    + "linked role.");
        }
        for (LoadBalancer lb : loadBalancers) {
            if (lb.targetGroupArn() != null) {
                check(lb, td);
            }
        }
    }

    private void check(LoadBalancer lb, TaskDefinition td) {
        String arn = lb.targetGroupArn();
        TargetGroupInfo tg = targetGroups.find(arn);
        if (tg == null || !tg.hasLoadBalancer()) {
            throw EcsErrors.invalidParameter("The target group with targetGroupArn " + arn
                    + " does not have an associated load balancer.");
        }
        if (td == null) {
            return;
        }
        String mode = networkMode(td);
        String needed = "awsvpc".equals(mode) ? "ip" : "instance";
        if (!needed.equals(tg.targetType())) {
            throw EcsErrors.invalidParameter("The provided target group " + arn + " has target type "
                    + tg.targetType() + ", which is incompatible with the " + mode
                    + " network mode specified in the task definition.");
        }
        ContainerDefinition container = null;
        for (ContainerDefinition c : td.containerDefinitions()) {
            if (c.name() != null && c.name().equals(lb.containerName())) {
                container = c;
            }
        }
        if (container == null) {
            throw EcsErrors.invalidParameter("The container " + lb.containerName()
                    + " does not exist in the task definition.");
        }
        for (PortMapping m : container.portMappings()) {
            if (m.containerPort() != null && m.containerPort().equals(lb.containerPort())) {
                return;
            }
        }
        throw EcsErrors.invalidParameter("The container " + lb.containerName() + " did not have a container port "
                + lb.containerPort() + " defined.");
    }

    /** The task definition's network mode as ECS names it (bridge when it names none, on Linux). */
    static String networkMode(TaskDefinition td) {
        String mode = td.networkModeAsString();
        return mode == null ? "bridge" : mode;
    }
}
