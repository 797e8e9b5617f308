package dev.fakeecs.internal.service;

import dev.fakeecs.internal.taskdefinition.TaskDefinitions;
import dev.fakeecs.internal.capacity.CapacityProviders;
import dev.fakeecs.internal.cluster.Clusters;
import dev.fakeecs.internal.cluster.SimulatedCluster;
import dev.fakeecs.internal.error.EcsErrors;
import dev.fakeecs.internal.placement.TaskPlacer;
import dev.fakeecs.internal.engine.RegionContext;
import dev.fakeecs.internal.taskdefinition.TaskResources;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** Checks CreateService and UpdateService requests with real ECS's rules and messages, and applies them. */
final class ServiceRequests {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");

    private final RegionContext region;
    private final Clusters clusters;
    private final CapacityProviders capacityProviders;
    private final TaskDefinitions taskDefinitions;
    private final LoadBalancerValidation loadBalancers;
    private final DeploymentStrategyValidation strategies;

    ServiceRequests(RegionContext region, Clusters clusters, CapacityProviders capacityProviders,
                    TaskDefinitions taskDefinitions, LoadBalancerValidation loadBalancers,
                    DeploymentStrategyValidation strategies) {
        this.strategies = strategies;
        this.region = region;
        this.clusters = clusters;
        this.capacityProviders = capacityProviders;
        this.taskDefinitions = taskDefinitions;
        this.loadBalancers = loadBalancers;
    }

    String serviceName(String name) {
        EcsErrors.require(name, "serviceName");
        if (!NAME.matcher(name).matches()) {
            throw EcsErrors.invalidParameter("serviceName: Service name can only contain letters, numbers, hyphens "
                    + "and underscores, and be 1-255 characters long. Got: " + name);
        }
        return name;
    }

    SimulatedService newService(SimulatedCluster cluster, String name, CreateServiceRequest r) {
        String strategy = r.schedulingStrategy() == null ? "REPLICA" : r.schedulingStrategyAsString();
        String controller = r.deploymentController() == null || r.deploymentController().type() == null ? "ECS"
                : r.deploymentController().typeAsString();
        if (!"ECS".equals(controller) && "DAEMON".equals(strategy)) {
            throw EcsErrors.invalidParameter("The DAEMON scheduling strategy does not support the " + controller
                    + " deployment controller.");
        }
        if (!"EXTERNAL".equals(controller)) {
            EcsErrors.require(r.taskDefinition(), "taskDefinition");
        }
        boolean hasStrategy = r.hasCapacityProviderStrategy() && !r.capacityProviderStrategy().isEmpty();
        if (r.launchType() != null && hasStrategy) {
            throw EcsErrors.invalidParameter("Specifying both a launch type and capacity provider strategy is not "
                    + "supported. Remove one and try again.");
        }
        int desired = r.desiredCount() == null ? 0 : r.desiredCount();
        if ("DAEMON".equals(strategy) && r.desiredCount() != null) {
            throw EcsErrors.invalidParameter("The daemon scheduling strategy does not support a desired count for "
                    + "services.");
        }
        if (desired < 0) {
            throw EcsErrors.invalidParameter("desiredCount can't be negative.");
        }
        if (desired > region.engine().quotas().tasksPerService()) {
            throw EcsErrors.invalidParameter("desiredCount can't be more than " + region.engine().quotas()
                    .tasksPerService() + ".");
        }
        List<CapacityProviderStrategyItem> cps = hasStrategy ? r.capacityProviderStrategy() : List.of();
        String launchType = r.launchType() == null ? null : r.launchTypeAsString();
        if (launchType == null && cps.isEmpty()) {
            if (cluster.defaultStrategy().isEmpty()) {
                launchType = "EC2";
            } else {
                cps = cluster.defaultStrategy();
            }
        }
        checkStrategy(cluster, cps);
        if ("DAEMON".equals(strategy) && ("FARGATE".equals(launchType) || usesFargate(cps))) {
            throw EcsErrors.invalidParameter("The daemon scheduling strategy does not support the FARGATE launch "
                    + "type.");
        }
        TaskDefinition td = r.taskDefinition() == null ? null : runnable(r.taskDefinition());
        String effectiveLaunchType = launchType != null ? launchType
                : cps.isEmpty() ? "EC2" : capacityProviders.launchTypeOf(cps.get(0).capacityProvider());
        if ("MANAGED_INSTANCES".equals(launchType) && capacityProviders.managedInstancesProviderOf(cluster) == null) {
            throw EcsErrors.invalidParameter("The cluster " + cluster.name() + " has no capacity provider of type "
                    + "MANAGED_INSTANCES. Create one for the cluster and try again.");
        }
        if (td != null) {
            checkNetwork(td, effectiveLaunchType, r.networkConfiguration());
        }
        checkDeploymentConfiguration(strategy, r.deploymentConfiguration());
        TaskPlacer.validate(r.hasPlacementConstraints() ? r.placementConstraints() : List.of(),
                r.hasPlacementStrategy() ? r.placementStrategy() : List.of());
        if ("FARGATE".equals(effectiveLaunchType)
                && (r.hasPlacementStrategy() && !r.placementStrategy().isEmpty())) {
            throw EcsErrors.invalidParameter("Placement strategies are not supported with FARGATE launch type.");
        }
        if (r.healthCheckGracePeriodSeconds() != null
                && (r.healthCheckGracePeriodSeconds() < 0 || r.healthCheckGracePeriodSeconds() > 2_147_483_647)) {
            throw EcsErrors.invalidParameter("healthCheckGracePeriodSeconds must be between 0 and 2147483647.");
        }
        loadBalancers.validate(r.hasLoadBalancers() ? r.loadBalancers() : List.of(), td, r.role(),
                r.hasServiceRegistries() && !r.serviceRegistries().isEmpty(), controller);
        strategies.check(strategy, controller, r.deploymentConfiguration(),
                r.hasLoadBalancers() ? r.loadBalancers() : List.of(), usesServiceConnect(r.serviceConnectConfiguration()));

        SimulatedService s = new SimulatedService(name, region.arns().service(cluster.name(), name), cluster.name(), strategy,
                region.now(), r);
        s.desiredCount(desired);
        s.taskDefinition(td);
        s.launchType(launchType);
        s.capacityProviderStrategy(cps);
        s.networkConfiguration(r.networkConfiguration());
        s.placementConstraints(r.hasPlacementConstraints() ? r.placementConstraints() : List.of());
        s.placementStrategy(r.hasPlacementStrategy() ? r.placementStrategy() : List.of());
        s.deploymentConfiguration(r.deploymentConfiguration());
        s.healthCheckGracePeriodSeconds(r.healthCheckGracePeriodSeconds() == null ? 0
                : r.healthCheckGracePeriodSeconds());
        s.enableExecuteCommand(Boolean.TRUE.equals(r.enableExecuteCommand()));
        s.availabilityZoneRebalancing(r.availabilityZoneRebalancing() == null ? "ENABLED"
                : r.availabilityZoneRebalancingAsString());
        s.deploymentController(controller);
        s.serviceConnectConfiguration(r.serviceConnectConfiguration());
        s.loadBalancers(r.hasLoadBalancers() ? r.loadBalancers() : List.of());
        s.serviceRegistries(r.hasServiceRegistries() ? r.serviceRegistries() : List.of());
        s.roleArn(roleArn(r.role(), s.loadBalancers()));
        s.enableEcsManagedTags(Boolean.TRUE.equals(r.enableECSManagedTags()));
        s.propagateTags(r.propagateTags() == null ? "NONE" : r.propagateTagsAsString());
        return s;
    }

    /**
     * Applies an UpdateService request to the service.
     *
     * @return true if it changes what the tasks run (a new deployment), false for a desired-count-only change
     */
    boolean applyUpdate(SimulatedService s, UpdateServiceRequest r) {
        boolean changed = Boolean.TRUE.equals(r.forceNewDeployment());
        SimulatedCluster cluster = clusters.resolve(s.clusterName());
        if (r.desiredCount() != null) {
            if (s.isDaemon()) {
                throw EcsErrors.invalidParameter("The daemon scheduling strategy does not support a desired count "
                        + "for services.");
            }
            if (r.desiredCount() < 0) {
                throw EcsErrors.invalidParameter("desiredCount can't be negative.");
            }
            s.desiredCount(r.desiredCount());
        }
        if (r.taskDefinition() != null) {
            TaskDefinition td = runnable(r.taskDefinition());
            if (s.taskDefinition() == null || !td.taskDefinitionArn().equals(s.taskDefinition().taskDefinitionArn())) {
                String launchType = s.effectiveLaunchType();
                checkNetwork(td, launchType, r.networkConfiguration() != null ? r.networkConfiguration()
                        : s.networkConfiguration());
                loadBalancers.validate(r.hasLoadBalancers() ? r.loadBalancers() : s.loadBalancers(), td, null,
                        !s.serviceRegistries().isEmpty(), s.deploymentController());
                s.taskDefinition(td);
                changed = true;
            }
        }
        if (r.hasCapacityProviderStrategy() && !r.capacityProviderStrategy().equals(s.capacityProviderStrategy())) {
            checkStrategy(cluster, r.capacityProviderStrategy());
            s.capacityProviderStrategy(r.capacityProviderStrategy());
            s.launchType(r.capacityProviderStrategy().isEmpty() ? s.launchType() : null);
            changed = true;
        }
        if (r.networkConfiguration() != null && !r.networkConfiguration().equals(s.networkConfiguration())) {
            if (s.taskDefinition() != null) {
                checkNetwork(s.taskDefinition(), s.effectiveLaunchType(), r.networkConfiguration());
            }
            s.networkConfiguration(r.networkConfiguration());
            changed = true;
        }
        if (r.deploymentConfiguration() != null) {
            checkDeploymentConfiguration(s.schedulingStrategy(), r.deploymentConfiguration());
            s.deploymentConfiguration(r.deploymentConfiguration());
        }
        if (r.hasPlacementConstraints() && !r.placementConstraints().equals(s.placementConstraints())) {
            TaskPlacer.validate(r.placementConstraints(), s.placementStrategy());
            s.placementConstraints(r.placementConstraints());
            changed = true;
        }
        if (r.hasPlacementStrategy() && !r.placementStrategy().equals(s.placementStrategy())) {
            TaskPlacer.validate(s.placementConstraints(), r.placementStrategy());
            s.placementStrategy(r.placementStrategy());
            changed = true;
        }
        if (r.healthCheckGracePeriodSeconds() != null) {
            s.healthCheckGracePeriodSeconds(r.healthCheckGracePeriodSeconds());
        }
        if (r.enableExecuteCommand() != null && r.enableExecuteCommand() != s.enableExecuteCommand()) {
            s.enableExecuteCommand(r.enableExecuteCommand());
            changed = true;
        }
        if (r.serviceConnectConfiguration() != null
                && !r.serviceConnectConfiguration().equals(s.serviceConnectConfiguration())) {
            s.serviceConnectConfiguration(r.serviceConnectConfiguration());
            changed = true;
        }
        if (r.availabilityZoneRebalancing() != null) {
            s.availabilityZoneRebalancing(r.availabilityZoneRebalancingAsString());
        }
        if (r.hasLoadBalancers() && !r.loadBalancers().equals(s.loadBalancers())) {
            loadBalancers.validate(r.loadBalancers(), s.taskDefinition(), null, !s.serviceRegistries().isEmpty(),
                    s.deploymentController());
            s.loadBalancers(r.loadBalancers());
            if (s.roleArn() == null) {
                s.roleArn(roleArn(null, s.loadBalancers()));
            }
            changed = true;
        }
        if (r.hasServiceRegistries() && !r.serviceRegistries().equals(s.serviceRegistries())) {
            s.serviceRegistries(r.serviceRegistries());
            changed = true;
        }
        if (r.deploymentConfiguration() != null || r.hasLoadBalancers() || r.serviceConnectConfiguration() != null) {
            strategies.check(s.schedulingStrategy(), s.deploymentController(), s.deploymentConfiguration(),
                    s.loadBalancers(), usesServiceConnect(s.serviceConnectConfiguration()));
        }
        // Only tasks started afterwards see new tag settings; they do not start a deployment (UpdateService API).
        if (r.enableECSManagedTags() != null) {
            s.enableEcsManagedTags(r.enableECSManagedTags());
        }
        if (r.propagateTags() != null) {
            s.propagateTags(r.propagateTagsAsString());
        }
        return changed;
    }

    /**
     * The roleArn DescribeServices shows: the role given (a name becomes
     * {@code arn:aws:iam::ACCOUNT:role/NAME}); with load balancers and no role, the ECS service-linked
     * role; otherwise none.
     */
    private String roleArn(String role, List<?> loadBalancers) {
        String account = region.engine().accountId();
        if (role != null && !role.isEmpty()) {
            return role.startsWith("arn:") ? role : "arn:aws:iam::" + account + ":role/"
                    + (role.startsWith("/") ? role.substring(1) : role);
        }
        return loadBalancers.isEmpty() ? null
                : "arn:aws:iam::" + account + ":role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS";
    }

    private TaskDefinition runnable(String reference) {
        TaskDefinition td = taskDefinitions.resolve(reference);
        if (!"ACTIVE".equals(td.statusAsString())) {
            throw EcsErrors.clientException("TaskDefinition is inactive");
        }
        return td;
    }

    private void checkStrategy(SimulatedCluster cluster, List<CapacityProviderStrategyItem> cps) {
        if (cps.isEmpty()) {
            return;
        }
        for (CapacityProviderStrategyItem item : cps) {
            if (!cluster.capacityProviders().contains(item.capacityProvider())) {
                throw EcsErrors.invalidParameter("The specified capacity provider strategy cannot contain a capacity "
                        + "provider that is not associated with the cluster. Associate the capacity provider with the "
                        + "cluster or specify a valid capacity provider and try again.");
            }
        }
        capacityProviders.validateStrategy(cps);
    }

    private static boolean usesServiceConnect(software.amazon.awssdk.services.ecs.model.ServiceConnectConfiguration c) {
        return c != null && Boolean.TRUE.equals(c.enabled());
    }

    private static boolean usesFargate(List<CapacityProviderStrategyItem> cps) {
        for (CapacityProviderStrategyItem item : cps) {
            if ("FARGATE".equals(item.capacityProvider()) || "FARGATE_SPOT".equals(item.capacityProvider())) {
                return true;
            }
        }
        return false;
    }

    private static void checkNetwork(TaskDefinition td, String launchType, NetworkConfiguration network) {
        if ("FARGATE".equals(launchType) && !TaskResources.isFargateCompatible(td)) {
            throw EcsErrors.invalidParameter("Task definition does not support launch_type FARGATE.");
        }
        if ("MANAGED_INSTANCES".equals(launchType) && !TaskResources.isManagedInstancesCompatible(td)) {
            throw EcsErrors.invalidParameter("Task definition does not support launch_type MANAGED_INSTANCES.");
        }
        if (TaskResources.usesAwsvpc(td) && (network == null || network.awsvpcConfiguration() == null)) {
            throw EcsErrors.invalidParameter("Network Configuration must be provided when networkMode 'awsvpc' is "
                    + "specified.");
        }
        if (TaskResources.usesAwsvpc(td)) {
            // The same checks RunTask makes on awsvpcConfiguration.subnets.
            var awsvpc = network.awsvpcConfiguration();
            if (!awsvpc.hasSubnets() || awsvpc.subnets().isEmpty()) {
                throw EcsErrors.invalidParameter("subnets can not be empty.");
            }
            if (awsvpc.subnets().size() > 16) {
                throw EcsErrors.invalidParameter("subnets can have at most 16 items.");
            }
        }
    }

    private static void checkDeploymentConfiguration(String strategy, DeploymentConfiguration c) {
        if (c == null) {
            return;
        }
        Integer min = c.minimumHealthyPercent();
        Integer max = c.maximumPercent();
        if (min != null && (min < 0 || min > 100)) {
            throw EcsErrors.invalidParameter("deploymentConfiguration.minimumHealthyPercent must be between 0 and "
                    + "100, got " + min + ".");
        }
        if (max != null && "DAEMON".equals(strategy) && max != 100) {
            throw EcsErrors.invalidParameter("deploymentConfiguration.maximumPercent must be 100 for the DAEMON "
                    + "scheduling strategy, got " + max + ".");
        }
        if (max != null && max < 100) {
            throw EcsErrors.invalidParameter("deploymentConfiguration.maximumPercent must be at least 100, got "
                    + max + ".");
        }
    }

    /** Whether two CreateService requests ask for the same service (clientToken aside). */
    static boolean sameCreation(CreateServiceRequest a, CreateServiceRequest b) {
        return Objects.equals(a.toBuilder().clientToken(null).build(), b.toBuilder().clientToken(null).build());
    }
}
