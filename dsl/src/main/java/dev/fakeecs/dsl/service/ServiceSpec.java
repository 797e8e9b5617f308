package dev.fakeecs.dsl.service;

import dev.fakeecs.dsl.internal.Lists;

import dev.fakeecs.dsl.internal.Check;
import dev.fakeecs.dsl.loadbalancing.TargetGroupAttachment;
import dev.fakeecs.dsl.cluster.StrategyItem;
import dev.fakeecs.dsl.cluster.StrategyRules;
import dev.fakeecs.dsl.taskdefinition.TaskDefinitionSpec;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.DeploymentCircuitBreaker;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PlacementConstraint;
import software.amazon.awssdk.services.ecs.model.PlacementConstraintType;
import software.amazon.awssdk.services.ecs.model.PlacementStrategy;
import software.amazon.awssdk.services.ecs.model.PlacementStrategyType;
import software.amazon.awssdk.services.ecs.model.SchedulingStrategy;
import software.amazon.awssdk.services.ecs.model.Tag;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A service, read like {@code aws ecs create-service}. Immutable: it wraps the SDK's
 * {@link CreateServiceRequest} (so JSON import and export keep every field) plus what only the
 * fake needs: the region, the task definition spec it runs, auto scaling and a load curve.
 *
 * <p>Network configuration: a service whose tasks use {@code awsvpc} (a Fargate launch type or
 * strategy, or an awsvpc task definition spec) and that declares no subnets gets one subnet per
 * availability zone of its region, named {@code subnet-<az>} (the engine maps such a subnet to
 * that zone).
 *
 * <pre>{@code
 * import static dev.fakeecs.dsl.Ecs.*;
 * ServiceSpec orders = ServiceSpec.builder("order-service")
 *     .cluster("food-delivery-prod").taskDefinition(ORDERS).desiredCount(2)
 *     .capacityProviderStrategy(FARGATE.base(2).weight(1), FARGATE_SPOT.weight(4))
 *     .deployment(100, 200).circuitBreaker(true, true)
 *     .healthCheckGracePeriodSeconds(60)
 *     .autoScaling(2, 20, targetCpu(60))
 *     .behindLoadBalancer("orders-tg", "app", 8080)
 *     .loadCurve(LoadCurve.constant(50).between(LocalTime.of(19, 0), LocalTime.of(21, 0), 500))
 *     .build();
 * }</pre>
 */
public final class ServiceSpec {

    private final CreateServiceRequest base;
    private final String region;
    private final TaskDefinitionSpec taskDefinitionSpec;
    private final AutoScalingSpec autoScaling;
    private final LoadCurve loadCurve;
    private final double requestsPerTaskAtFullCpu;
    private final boolean defaultNetwork;
    private final List<TargetGroupAttachment> loadBalancers;

    /** What one task serves at 100 % CPU when {@link Builder#loadCurve(LoadCurve)} does not say. */
    public static final double DEFAULT_REQUESTS_PER_TASK_AT_FULL_CPU = 100;

    private ServiceSpec(Builder b) {
        this.base = b.r;
        this.region = b.region;
        this.taskDefinitionSpec = b.taskDefinitionSpec;
        this.autoScaling = b.autoScaling;
        this.loadCurve = b.loadCurve;
        this.requestsPerTaskAtFullCpu = b.requestsPerTaskAtFullCpu;
        this.defaultNetwork = b.defaultNetwork;
        this.loadBalancers = List.copyOf(b.loadBalancers);
    }

    public static Builder builder(String serviceName) {
        return new Builder(CreateServiceRequest.builder().serviceName(serviceName).build());
    }

    /**
     * Wraps an SDK request (as imported from JSON), validating it. No default network is added. Its
     * {@code loadBalancers} entries with a {@code targetGroupArn} become {@link #loadBalancers()} attachments by
     * target group name (an ARN stands for the name inside it; a plain name is accepted too).
     */
    public static ServiceSpec from(CreateServiceRequest request) {
        List<LoadBalancer> classic = new ArrayList<>();
        List<TargetGroupAttachment> attachments = new ArrayList<>();
        for (LoadBalancer lb : request.loadBalancers()) {
            if (lb.targetGroupArn() == null) {
                classic.add(lb);
            } else {
                Check.that(lb.containerPort() != null, "service " + request.serviceName(), "loadBalancers.containerPort",
                        null, "is required");
                attachments.add(new TargetGroupAttachment(lb.targetGroupArn(), lb.containerName(), lb.containerPort()));
            }
        }
        Builder b = new Builder(request.hasLoadBalancers() ? request.toBuilder().loadBalancers(classic).build()
                : request);
        b.loadBalancers.addAll(attachments);
        b.defaultNetwork = false;
        return b.build();
    }

    public Builder toBuilder() {
        Builder b = new Builder(base);
        b.region = region;
        b.taskDefinitionSpec = taskDefinitionSpec;
        b.autoScaling = autoScaling;
        b.loadCurve = loadCurve;
        b.requestsPerTaskAtFullCpu = requestsPerTaskAtFullCpu;
        b.defaultNetwork = defaultNetwork;
        b.loadBalancers.addAll(loadBalancers);
        return b;
    }

    public String serviceName() { return base.serviceName(); }
    /** The cluster name, {@code default} when none is declared. */
    public String cluster() { return base.cluster() == null ? "default" : base.cluster(); }
    /** The region, or null for the world's default region. */
    public String region() { return region; }
    /** The task definition reference (family, family:revision or ARN). */
    public String taskDefinition() { return base.taskDefinition(); }
    /** The task definition spec this service runs, when declared with one (registered with the service). */
    public TaskDefinitionSpec taskDefinitionSpec() { return taskDefinitionSpec; }
    public Integer desiredCount() { return base.desiredCount(); }
    public List<StrategyItem> capacityProviderStrategy() {
        return base.capacityProviderStrategy().stream().map(StrategyItem::fromSdk).toList();
    }
    public AutoScalingSpec autoScaling() { return autoScaling; }
    public LoadCurve loadCurve() { return loadCurve; }
    /** Requests per second one task serves at 100 % CPU (turns the load curve into CPU utilisation). */
    public double requestsPerTaskAtFullCpu() { return requestsPerTaskAtFullCpu; }

    /** The target groups the service's tasks register in, in declaration order. */
    public List<TargetGroupAttachment> loadBalancers() { return loadBalancers; }

    /** Whether subnets {@code subnet-<az>} are added when the request is built for a region. */
    public boolean usesDefaultNetwork() {
        return defaultNetwork && needsAwsVpc() && (base.networkConfiguration() == null
                || base.networkConfiguration().awsvpcConfiguration() == null
                || base.networkConfiguration().awsvpcConfiguration().subnets().isEmpty());
    }

    private boolean needsAwsVpc() {
        if (taskDefinitionSpec != null) {
            return taskDefinitionSpec.networkMode() == NetworkMode.AWSVPC;
        }
        return base.launchType() == LaunchType.FARGATE || base.capacityProviderStrategy().stream()
                .anyMatch(i -> i.capacityProvider().startsWith("FARGATE"));
    }

    /**
     * The CreateService request as declared (no default subnets); each target group attachment is a
     * {@code loadBalancers} entry whose {@code targetGroupArn} holds the declared name (as JSON export writes it).
     */
    public CreateServiceRequest toRequest() {
        return withLoadBalancers(base, UnaryOperator.identity());
    }

    /** The CreateService request for a region with these zones (default subnets filled in; target groups by name). */
    public CreateServiceRequest toRequest(List<String> availabilityZones) {
        return toRequest(availabilityZones, UnaryOperator.identity());
    }

    /**
     * The CreateService request for a region with these zones, each attached target group's name turned into
     * its ARN by {@code targetGroupArn}.
     */
    public CreateServiceRequest toRequest(List<String> availabilityZones, UnaryOperator<String> targetGroupArn) {
        return withLoadBalancers(withNetwork(availabilityZones), targetGroupArn);
    }

    private CreateServiceRequest withLoadBalancers(CreateServiceRequest request, UnaryOperator<String> targetGroupArn) {
        if (loadBalancers.isEmpty()) {
            return request;
        }
        List<LoadBalancer> entries = new ArrayList<>(request.loadBalancers());
        for (TargetGroupAttachment a : loadBalancers) {
            entries.add(LoadBalancer.builder().targetGroupArn(targetGroupArn.apply(a.targetGroup()))
                    .containerName(a.containerName()).containerPort(a.containerPort()).build());
        }
        return request.toBuilder().loadBalancers(entries).build();
    }

    private CreateServiceRequest withNetwork(List<String> availabilityZones) {
        if (!usesDefaultNetwork()) {
            return base;
        }
        List<String> subnets = availabilityZones.stream().map(az -> "subnet-" + az).toList();
        AwsVpcConfiguration declared = base.networkConfiguration() == null ? null
                : base.networkConfiguration().awsvpcConfiguration();
        AwsVpcConfiguration.Builder vpc = declared == null
                ? AwsVpcConfiguration.builder().assignPublicIp(AssignPublicIp.DISABLED) : declared.toBuilder();
        return base.toBuilder().networkConfiguration(NetworkConfiguration.builder()
                .awsvpcConfiguration(vpc.subnets(subnets).build()).build()).build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServiceSpec s && s.base.equals(base) && Objects.equals(s.region, region)
                && Objects.equals(s.taskDefinitionSpec, taskDefinitionSpec)
                && Objects.equals(s.autoScaling, autoScaling) && Objects.equals(s.loadCurve, loadCurve)
                && s.defaultNetwork == defaultNetwork && s.loadBalancers.equals(loadBalancers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(base, region, autoScaling, loadCurve);
    }

    @Override
    public String toString() {
        return "Service[" + serviceName() + " in " + cluster() + ", " + taskDefinition() + ", desired="
                + desiredCount() + "]";
    }

    /** Builds a {@link ServiceSpec}; {@link #build()} validates. */
    public static final class Builder {
        private CreateServiceRequest r;
        private String region;
        private TaskDefinitionSpec taskDefinitionSpec;
        private AutoScalingSpec autoScaling;
        private LoadCurve loadCurve;
        private double requestsPerTaskAtFullCpu = DEFAULT_REQUESTS_PER_TASK_AT_FULL_CPU;
        private boolean defaultNetwork = true;
        private final List<TargetGroupAttachment> loadBalancers = new ArrayList<>();

        private Builder(CreateServiceRequest request) {
            this.r = request;
        }

        private Builder edit(Consumer<CreateServiceRequest.Builder> change) {
            CreateServiceRequest.Builder b = r.toBuilder();
            change.accept(b);
            r = b.build();
            return this;
        }

        private DeploymentConfiguration.Builder deploymentBuilder() {
            return r.deploymentConfiguration() == null ? DeploymentConfiguration.builder()
                    : r.deploymentConfiguration().toBuilder();
        }

        private AwsVpcConfiguration.Builder vpcBuilder() {
            return r.networkConfiguration() == null || r.networkConfiguration().awsvpcConfiguration() == null
                    ? AwsVpcConfiguration.builder() : r.networkConfiguration().awsvpcConfiguration().toBuilder();
        }

        private Builder vpc(Consumer<AwsVpcConfiguration.Builder> change) {
            AwsVpcConfiguration.Builder v = vpcBuilder();
            change.accept(v);
            return edit(b -> b.networkConfiguration(NetworkConfiguration.builder().awsvpcConfiguration(v.build())
                    .build()));
        }

        public Builder region(String value) { this.region = value; return this; }
        public Builder cluster(String value) { return edit(b -> b.cluster(value)); }

        /** Runs this task definition spec (registered with the service; the request names its family). */
        public Builder taskDefinition(TaskDefinitionSpec spec) {
            this.taskDefinitionSpec = Objects.requireNonNull(spec, "taskDefinition");
            return edit(b -> b.taskDefinition(spec.family()));
        }

        /** Runs a task definition by family, family:revision or ARN (registered elsewhere). */
        public Builder taskDefinition(String familyOrArn) {
            this.taskDefinitionSpec = null;
            return edit(b -> b.taskDefinition(familyOrArn));
        }

        public Builder desiredCount(int count) { return edit(b -> b.desiredCount(count)); }

        public Builder launchType(LaunchType type) { return edit(b -> b.launchType(type)); }
        /** launchType FARGATE. */
        public Builder fargate() { return launchType(LaunchType.FARGATE); }
        /** launchType EC2. */
        public Builder ec2() { return launchType(LaunchType.EC2); }

        /** A capacity provider strategy (instead of a launch type). */
        public Builder capacityProviderStrategy(StrategyItem... items) {
            List<CapacityProviderStrategyItem> list = Arrays.stream(items).map(StrategyItem::toSdk).toList();
            return edit(b -> b.capacityProviderStrategy(list));
        }

        /** The DAEMON scheduling strategy: one task on each container instance. */
        public Builder daemon() { return edit(b -> b.schedulingStrategy(SchedulingStrategy.DAEMON)); }

        /** Placement constraint distinctInstance: each task on a different container instance. */
        public Builder distinctInstance() {
            return constraint(PlacementConstraint.builder().type(PlacementConstraintType.DISTINCT_INSTANCE).build());
        }

        /** Placement constraint memberOf with a cluster query expression. */
        public Builder memberOf(String expression) {
            return constraint(PlacementConstraint.builder().type(PlacementConstraintType.MEMBER_OF)
                    .expression(expression).build());
        }

        public Builder constraint(PlacementConstraint constraint) {
            return edit(b -> b.placementConstraints(Lists.plus(r.placementConstraints(), constraint)));
        }

        /** Placement strategy spread over {@code field}, e.g. {@code attribute:ecs.availability-zone}. */
        public Builder spread(String field) {
            return strategy(PlacementStrategy.builder().type(PlacementStrategyType.SPREAD).field(field).build());
        }

        /** Placement strategy spread over availability zones. */
        public Builder spreadAcrossZones() { return spread("attribute:ecs.availability-zone"); }

        /** Placement strategy binpack on {@code cpu} or {@code memory}. */
        public Builder binpack(String field) {
            return strategy(PlacementStrategy.builder().type(PlacementStrategyType.BINPACK).field(field).build());
        }

        /** Placement strategy random. */
        public Builder randomPlacement() {
            return strategy(PlacementStrategy.builder().type(PlacementStrategyType.RANDOM).build());
        }

        public Builder strategy(PlacementStrategy strategy) {
            return edit(b -> b.placementStrategy(Lists.plus(r.placementStrategy(), strategy)));
        }

        /** awsvpc subnets (default: {@code subnet-<az>} for each zone of the region). */
        public Builder subnets(String... subnets) { return vpc(v -> v.subnets(subnets)); }
        public Builder securityGroups(String... groups) { return vpc(v -> v.securityGroups(groups)); }
        public Builder assignPublicIp(boolean assign) {
            return vpc(v -> v.assignPublicIp(assign ? AssignPublicIp.ENABLED : AssignPublicIp.DISABLED));
        }

        /** Leaves out the default network configuration (for requests that must not have one). */
        public Builder noDefaultNetwork() { this.defaultNetwork = false; return this; }

        /** deploymentConfiguration minimumHealthyPercent and maximumPercent. */
        public Builder deployment(int minimumHealthyPercent, int maximumPercent) {
            DeploymentConfiguration d = deploymentBuilder().minimumHealthyPercent(minimumHealthyPercent)
                    .maximumPercent(maximumPercent).build();
            return edit(b -> b.deploymentConfiguration(d));
        }

        /** The deployment circuit breaker: {@code enable} it, and {@code rollback} on failure. */
        public Builder circuitBreaker(boolean enable, boolean rollback) {
            DeploymentConfiguration d = deploymentBuilder().deploymentCircuitBreaker(DeploymentCircuitBreaker
                    .builder().enable(enable).rollback(rollback).build()).build();
            return edit(b -> b.deploymentConfiguration(d));
        }

        public Builder healthCheckGracePeriodSeconds(int seconds) {
            return edit(b -> b.healthCheckGracePeriodSeconds(seconds));
        }

        public Builder healthCheckGracePeriod(Duration grace) {
            return healthCheckGracePeriodSeconds(Math.toIntExact(grace.toSeconds()));
        }

        public Builder enableExecuteCommand(boolean enable) { return edit(b -> b.enableExecuteCommand(enable)); }

        public Builder tag(String key, String value) {
            return edit(b -> b.tags(Lists.plus(r.tags(), Tag.builder().key(key).value(value).build())));
        }

        /** Target tracking auto scaling between {@code min} and {@code max} tasks. */
        public Builder autoScaling(int min, int max, ScalingPolicy... policies) {
            return autoScaling(AutoScalingSpec.of(min, max, policies));
        }

        public Builder autoScaling(AutoScalingSpec spec) { this.autoScaling = spec; return this; }

        /**
         * The offered load over virtual time (drives CPU and so target tracking), each task serving
         * {@link #DEFAULT_REQUESTS_PER_TASK_AT_FULL_CPU} requests per second at 100 % CPU.
         */
        public Builder loadCurve(LoadCurve curve) { this.loadCurve = curve; return this; }

        /** The offered load, each task serving {@code requestsPerTaskAtFullCpu} rps at 100 % CPU. */
        public Builder loadCurve(LoadCurve curve, double requestsPerTaskAtFullCpu) {
            this.loadCurve = curve;
            this.requestsPerTaskAtFullCpu = requestsPerTaskAtFullCpu;
            return this;
        }

        /**
         * Puts the service behind a load balancer: its tasks' container {@code containerName} on
         * {@code containerPort} register in the target group declared as {@code targetGroup} (the world applier
         * resolves the name to the ARN in the service's region). Up to 5 target groups.
         *
         * <pre>{@code
         * .service("web", s -> s.taskDefinition(WEB).desiredCount(2).behindLoadBalancer("web-tg", "app", 8080))
         * }</pre>
         */
        public Builder behindLoadBalancer(String targetGroup, String containerName, int containerPort) {
            TargetGroupAttachment attachment = new TargetGroupAttachment(targetGroup, containerName, containerPort);
            loadBalancers.removeIf(a -> a.targetGroupName().equals(attachment.targetGroupName())
                    && a.containerName().equals(containerName) && a.containerPort() == containerPort);
            loadBalancers.add(attachment);
            return this;
        }

        /** Anything else the SDK's CreateServiceRequest has (loadBalancers, serviceRegistries...). */
        public Builder sdk(Consumer<CreateServiceRequest.Builder> change) { return edit(change); }

        public ServiceSpec build() {
            String name = r.serviceName();
            Check.notBlank("service", "serviceName", name);
            String spec = "service " + name;
            Check.that(name.matches("[A-Za-z0-9_-]{1,255}"), spec, "serviceName", name,
                    "must be 1-255 letters, digits, hyphens or underscores");
            Check.notBlank(spec, "taskDefinition", r.taskDefinition());
            if (r.desiredCount() != null) {
                Check.range(spec, "desiredCount", r.desiredCount(), 0, Integer.MAX_VALUE);
            }
            Check.that(r.launchType() == null || !r.hasCapacityProviderStrategy()
                            || r.capacityProviderStrategy().isEmpty(), spec, "launchType", r.launchTypeAsString(),
                    "a service takes a launch type or a capacity provider strategy, not both");
            StrategyRules.check(spec, "capacityProviderStrategy",
                    r.capacityProviderStrategy().stream().map(StrategyItem::fromSdk).toList());
            checkDeployment(spec);
            if (r.healthCheckGracePeriodSeconds() != null) {
                Check.range(spec, "healthCheckGracePeriodSeconds", r.healthCheckGracePeriodSeconds(), 0,
                        Integer.MAX_VALUE);
            }
            Check.range(spec, "placementConstraints.size", r.placementConstraints().size(), 0, 10);
            Check.range(spec, "placementStrategy.size", r.placementStrategy().size(), 0, 5);
            for (int i = 0; i < r.placementConstraints().size(); i++) {
                PlacementConstraint c = r.placementConstraints().get(i);
                if (c.type() == PlacementConstraintType.MEMBER_OF) {
                    Check.notBlank(spec, "placementConstraints[" + i + "].expression", c.expression());
                }
            }
            for (int i = 0; i < r.placementStrategy().size(); i++) {
                PlacementStrategy s = r.placementStrategy().get(i);
                if (s.type() == PlacementStrategyType.BINPACK) {
                    Check.that("cpu".equals(s.field()) || "memory".equals(s.field()), spec,
                            "placementStrategy[" + i + "].field", s.field(), "binpack takes cpu or memory");
                } else if (s.type() == PlacementStrategyType.SPREAD) {
                    Check.notBlank(spec, "placementStrategy[" + i + "].field", s.field());
                }
            }
            if (r.schedulingStrategy() == SchedulingStrategy.DAEMON) {
                Check.that(r.desiredCount() == null, spec, "desiredCount", r.desiredCount(),
                        "a DAEMON service runs one task per instance and takes no desiredCount");
                Check.that(autoScaling == null, spec, "autoScaling", autoScaling,
                        "a DAEMON service cannot auto scale");
            }
            if (r.networkConfiguration() != null && r.networkConfiguration().awsvpcConfiguration() != null) {
                AwsVpcConfiguration v = r.networkConfiguration().awsvpcConfiguration();
                Check.that(v.subnets().size() <= 16 && (!v.subnets().isEmpty() || defaultNetwork), spec,
                        "networkConfiguration.awsvpcConfiguration.subnets", v.subnets(),
                        "must list 1 to 16 subnets");
                Check.range(spec, "networkConfiguration.awsvpcConfiguration.securityGroups.size",
                        v.securityGroups().size(), 0, 5);
            }
            Check.that(requestsPerTaskAtFullCpu > 0, spec, "requestsPerTaskAtFullCpu", requestsPerTaskAtFullCpu,
                    "must be greater than 0");
            if (autoScaling != null && r.desiredCount() != null) {
                Check.that(r.desiredCount() >= autoScaling.min() && r.desiredCount() <= autoScaling.max(), spec,
                        "desiredCount", r.desiredCount(), "must be between autoScaling min (" + autoScaling.min()
                                + ") and max (" + autoScaling.max() + ")");
            }
            Check.range(spec, "loadBalancers.size", loadBalancers.size(), 0, 5);
            if (taskDefinitionSpec != null) {
                for (int i = 0; i < loadBalancers.size(); i++) {
                    TargetGroupAttachment a = loadBalancers.get(i);
                    boolean hasContainer = taskDefinitionSpec.containers().stream()
                            .anyMatch(c -> c.name().equals(a.containerName()));
                    Check.that(hasContainer, spec, "loadBalancers[" + i + "].containerName", a.containerName(),
                            "task definition " + taskDefinitionSpec.family() + " has no container of that name");
                }
            }
            return new ServiceSpec(this);
        }

        private void checkDeployment(String spec) {
            DeploymentConfiguration d = r.deploymentConfiguration();
            if (d == null) {
                return;
            }
            Integer min = d.minimumHealthyPercent();
            Integer max = d.maximumPercent();
            if (min != null) {
                Check.range(spec, "deploymentConfiguration.minimumHealthyPercent", min, 0, 100);
            }
            if (max != null) {
                Check.range(spec, "deploymentConfiguration.maximumPercent", max, 100, Integer.MAX_VALUE);
                if (r.schedulingStrategy() == SchedulingStrategy.DAEMON) {
                    Check.that(max == 100, spec, "deploymentConfiguration.maximumPercent", max,
                            "a DAEMON service must keep maximumPercent at 100");
                }
            }
        }
    }
}
