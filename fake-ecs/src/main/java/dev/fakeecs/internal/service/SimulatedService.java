package dev.fakeecs.internal.service;

import software.amazon.awssdk.services.ecs.model.ServiceConnectConfiguration;
import dev.fakeecs.internal.deployment.SimulatedDeployment;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.ServiceRegistry;
import software.amazon.awssdk.services.ecs.model.PlacementConstraint;
import software.amazon.awssdk.services.ecs.model.PlacementStrategy;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One ECS service: what it should run (desired count, task definition, launch settings,
 * placement, deployment configuration), its deployments and its event log. Mutable engine state,
 * changed only under the engine lock; the {@link ServiceScheduler} makes reality follow it.
 *
 * <pre>{@code
 * SimulatedService orders = RegionEngine.of(ecs.defaultRegion()).services().find("prod", "orders");
 * orders.primary().rolloutState();   // "COMPLETED"
 * }</pre>
 */
public final class SimulatedService {

    private final String name;
    private final String arn;
    private final String clusterName;
    private final String schedulingStrategy;
    private final Instant createdAt;
    private final CreateServiceRequest creation;
    private final List<SimulatedDeployment> deployments = new ArrayList<>();
    private final ServiceEventLog events = new ServiceEventLog();
    private String status = "ACTIVE";
    private int desiredCount;
    private TaskDefinition taskDefinition;
    private String launchType;
    private List<CapacityProviderStrategyItem> capacityProviderStrategy = List.of();
    private NetworkConfiguration networkConfiguration;
    private List<PlacementConstraint> placementConstraints = List.of();
    private List<PlacementStrategy> placementStrategy = List.of();
    private DeploymentConfiguration deploymentConfiguration;
    private int healthCheckGracePeriodSeconds;
    private boolean enableExecuteCommand;
    private String availabilityZoneRebalancing = "DISABLED";
    private String deploymentController = "ECS";
    private boolean scaleInSuspended;
    private ServiceConnectConfiguration serviceConnectConfiguration;
    private List<LoadBalancer> loadBalancers = List.of();
    private List<ServiceRegistry> serviceRegistries = List.of();
    private String roleArn;
    private boolean enableEcsManagedTags;
    private String propagateTags = "NONE";

    public SimulatedService(String name, String arn, String clusterName, String schedulingStrategy, Instant createdAt,
                   CreateServiceRequest creation) {
        this.name = name;
        this.arn = arn;
        this.clusterName = clusterName;
        this.schedulingStrategy = schedulingStrategy;
        this.createdAt = createdAt;
        this.creation = creation;
    }

    public String name() { return name; }
    public String arn() { return arn; }
    public String clusterName() { return clusterName; }
    /** REPLICA or DAEMON. */
    public String schedulingStrategy() { return schedulingStrategy; }
    public boolean isDaemon() { return "DAEMON".equals(schedulingStrategy); }
    public Instant createdAt() { return createdAt; }
    /** The request that created the service (to check CreateService idempotence). */
    public CreateServiceRequest creation() { return creation; }
    /** Deployments, the PRIMARY first. */
    public List<SimulatedDeployment> deployments() { return deployments; }
    public ServiceEventLog events() { return events; }

    /** The PRIMARY deployment, or null before the first one. */
    public SimulatedDeployment primary() {
        return deployments.isEmpty() ? null : deployments.get(0);
    }

    /** The deployment with that id, or null. */
    public SimulatedDeployment deployment(String id) {
        for (SimulatedDeployment d : deployments) {
            if (d.id().equals(id)) {
                return d;
            }
        }
        return null;
    }

    public String status() { return status; }
    public void status(String status) { this.status = status; }
    public boolean isActive() { return "ACTIVE".equals(status); }
    public int desiredCount() { return desiredCount; }
    public void desiredCount(int count) { this.desiredCount = count; }
    public TaskDefinition taskDefinition() { return taskDefinition; }
    public void taskDefinition(TaskDefinition td) { this.taskDefinition = td; }
    public String launchType() { return launchType; }
    public void launchType(String launchType) { this.launchType = launchType; }
    public List<CapacityProviderStrategyItem> capacityProviderStrategy() { return capacityProviderStrategy; }
    public void capacityProviderStrategy(List<CapacityProviderStrategyItem> s) { this.capacityProviderStrategy = List.copyOf(s); }
    public NetworkConfiguration networkConfiguration() { return networkConfiguration; }
    public void networkConfiguration(NetworkConfiguration n) { this.networkConfiguration = n; }
    public List<PlacementConstraint> placementConstraints() { return placementConstraints; }
    public void placementConstraints(List<PlacementConstraint> c) { this.placementConstraints = List.copyOf(c); }
    public List<PlacementStrategy> placementStrategy() { return placementStrategy; }
    public void placementStrategy(List<PlacementStrategy> s) { this.placementStrategy = List.copyOf(s); }
    public DeploymentConfiguration deploymentConfiguration() { return deploymentConfiguration; }
    public void deploymentConfiguration(DeploymentConfiguration c) { this.deploymentConfiguration = c; }
    public int healthCheckGracePeriodSeconds() { return healthCheckGracePeriodSeconds; }
    public void healthCheckGracePeriodSeconds(int s) { this.healthCheckGracePeriodSeconds = s; }
    public boolean enableExecuteCommand() { return enableExecuteCommand; }
    public void enableExecuteCommand(boolean v) { this.enableExecuteCommand = v; }
    public String availabilityZoneRebalancing() { return availabilityZoneRebalancing; }
    public void availabilityZoneRebalancing(String v) { this.availabilityZoneRebalancing = v; }
    public String deploymentController() { return deploymentController; }
    public void deploymentController(String v) { this.deploymentController = v; }
    /** Whether auto scaling may scale in now (false during deployments). */
    public boolean scaleInSuspended() { return scaleInSuspended; }
    public void scaleInSuspended(boolean v) { this.scaleInSuspended = v; }

    /** The service's Service Connect configuration, or null. */
    public ServiceConnectConfiguration serviceConnectConfiguration() {
        return serviceConnectConfiguration;
    }

    public void serviceConnectConfiguration(ServiceConnectConfiguration c) {
        this.serviceConnectConfiguration = c;
    }

    /** The service's load balancers (validated; its tasks register in the target groups, see LoadBalancerRegistration). */
    public List<LoadBalancer> loadBalancers() { return loadBalancers; }
    public void loadBalancers(List<LoadBalancer> l) { this.loadBalancers = List.copyOf(l); }
    /** The service's Cloud Map registries (stored and returned). */
    public List<ServiceRegistry> serviceRegistries() { return serviceRegistries; }
    public void serviceRegistries(List<ServiceRegistry> r) { this.serviceRegistries = List.copyOf(r); }
    /** The IAM role ARN DescribeServices answers as {@code roleArn}, or null. */
    public String roleArn() { return roleArn; }
    public void roleArn(String arn) { this.roleArn = arn; }
    /** Whether the service's tasks get the ECS managed tags (aws:ecs:clusterName, aws:ecs:serviceName). */
    public boolean enableEcsManagedTags() { return enableEcsManagedTags; }
    public void enableEcsManagedTags(boolean v) { this.enableEcsManagedTags = v; }
    /** NONE, SERVICE or TASK_DEFINITION: whose tags the service's new tasks copy. */
    public String propagateTags() { return propagateTags; }
    public void propagateTags(String v) { this.propagateTags = v; }

    /** The group ECS gives the service's tasks. */
    public String group() {
        return "service:" + name;
    }

    /** The launch type the service's tasks use, FARGATE or EC2 (from the strategy when one is set). */
    public String effectiveLaunchType() {
        if (launchType != null) {
            return launchType;
        }
        for (CapacityProviderStrategyItem item : capacityProviderStrategy) {
            String p = item.capacityProvider();
            return "FARGATE".equals(p) || "FARGATE_SPOT".equals(p) ? "FARGATE" : "EC2";
        }
        return "EC2";
    }

    @Override
    public String toString() {
        return "Service[" + name + " " + status + " desired=" + desiredCount + "]";
    }
}
