package dev.fakeecs.dsl.service;

import dev.fakeecs.dsl.internal.Lists;

import dev.fakeecs.dsl.internal.Check;
import dev.fakeecs.dsl.loadbalancing.TargetGroupAttachment;
import dev.fakeecs.dsl.cluster.StrategyItem;
import dev.fakeecs.dsl.cluster.StrategyRules;
import dev.fakeecs.dsl.taskdefinition.TaskDefinitionSpec;
import dev.fakeecs.dsl.loadbalancing.AdvancedLoadBalancing;
import software.amazon.awssdk.services.ecs.model.AdvancedConfiguration;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.CanaryConfiguration;
import software.amazon.awssdk.services.ecs.model.DeploymentAlarms;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHook;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHookStage;
import software.amazon.awssdk.services.ecs.model.DeploymentStrategy;
import software.amazon.awssdk.services.ecs.model.LinearConfiguration;
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
 * // an ECS-native canary behind listener rules, watched by an alarm, with a smoke-test hook
 * ServiceSpec shop = ServiceSpec.builder("shop").cluster("prod").taskDefinition(SHOP).desiredCount(2)
 *     .behindLoadBalancer("shop-blue", "app", 8080, lb -> lb.alternateTargetGroup("shop-green")
 *         .productionListenerRule("shop-alb", 80, 1).testListenerRule("shop-alb", 8080, 1))
 *     .canary(10, Duration.ofMinutes(10)).bakeTime(Duration.ofMinutes(5)).alarms(true, "shop-5xx")
 *     .lifecycleHook(SMOKE_ARN, DeploymentLifecycleHookStage.POST_TEST_TRAFFIC_SHIFT)
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
                AdvancedLoadBalancing advanced = null;
                if (lb.advancedConfiguration() != null) {
                    AdvancedConfiguration a = lb.advancedConfiguration();
                    advanced = new AdvancedLoadBalancing(a.alternateTargetGroupArn(), a.productionListenerRule(),
                            a.testListenerRule(), a.roleArn());
                }
                attachments.add(new TargetGroupAttachment(lb.targetGroupArn(), lb.containerName(), lb.containerPort(),
                        advanced));
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

    /** The deployment strategy ({@code ROLLING} when none is declared, as in ECS). */
    public DeploymentStrategy strategy() {
        DeploymentConfiguration d = base.deploymentConfiguration();
        return d == null || d.strategy() == null ? DeploymentStrategy.ROLLING : d.strategy();
    }

    /** The bake time of a BLUE_GREEN, LINEAR or CANARY deployment, or null when none is declared. */
    public Duration bakeTime() {
        DeploymentConfiguration d = base.deploymentConfiguration();
        return d == null || d.bakeTimeInMinutes() == null ? null : Duration.ofMinutes(d.bakeTimeInMinutes());
    }

    /** The lifecycle hooks of the service's deployments, in declaration order. */
    public List<LifecycleHookSpec> lifecycleHooks() {
        DeploymentConfiguration d = base.deploymentConfiguration();
        return d == null ? List.of() : LifecycleHookSpec.fromSdk(d.lifecycleHooks());
    }

    /** The CloudWatch alarms the deployments watch ({@code deploymentConfiguration.alarms}), empty when none. */
    public List<String> alarmNames() {
        DeploymentConfiguration d = base.deploymentConfiguration();
        return d == null || d.alarms() == null ? List.of() : d.alarms().alarmNames();
    }

    /** Whether an alarm in ALARM rolls the deployment back. */
    public boolean rollsBackOnAlarm() {
        DeploymentConfiguration d = base.deploymentConfiguration();
        return d != null && d.alarms() != null && Boolean.TRUE.equals(d.alarms().rollback());
    }

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
        return toRequest(availabilityZones, targetGroupArn, UnaryOperator.identity());
    }

    /**
     * The CreateService request for a region with these zones, each attached target group's name turned into its
     * ARN by {@code targetGroupArn} and each listener rule reference of an {@code advancedConfiguration} into its
     * ARN by {@code listenerRuleArn}.
     */
    public CreateServiceRequest toRequest(List<String> availabilityZones, UnaryOperator<String> targetGroupArn,
                                          UnaryOperator<String> listenerRuleArn) {
        return withLoadBalancers(withNetwork(availabilityZones), targetGroupArn, listenerRuleArn);
    }

    private CreateServiceRequest withLoadBalancers(CreateServiceRequest request, UnaryOperator<String> targetGroupArn) {
        return withLoadBalancers(request, targetGroupArn, UnaryOperator.identity());
    }

    private CreateServiceRequest withLoadBalancers(CreateServiceRequest request, UnaryOperator<String> targetGroupArn,
                                                   UnaryOperator<String> listenerRuleArn) {
        if (loadBalancers.isEmpty()) {
            return request;
        }
        List<LoadBalancer> entries = new ArrayList<>(request.loadBalancers());
        for (TargetGroupAttachment a : loadBalancers) {
            LoadBalancer.Builder entry = LoadBalancer.builder().targetGroupArn(targetGroupArn.apply(a.targetGroup()))
                    .containerName(a.containerName()).containerPort(a.containerPort());
            AdvancedLoadBalancing x = a.advanced();
            if (x != null) {
                entry.advancedConfiguration(AdvancedConfiguration.builder()
                        .alternateTargetGroupArn(targetGroupArn.apply(x.alternateTargetGroup()))
                        .productionListenerRule(listenerRuleArn.apply(x.productionListenerRule()))
                        .testListenerRule(x.testListenerRule() == null ? null
                                : listenerRuleArn.apply(x.testListenerRule()))
                        .roleArn(x.roleArn()).build());
            }
            entries.add(entry.build());
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
            return attach(new TargetGroupAttachment(targetGroup, containerName, containerPort));
        }

        /**
         * Puts the service behind a load balancer for BLUE_GREEN, LINEAR or CANARY deployments: like
         * {@link #behindLoadBalancer(String, String, int)}, with the {@code advancedConfiguration} (alternate target
         * group, production and test listener rules, role) set by {@code advanced}.
         *
         * <pre>{@code
         * .behindLoadBalancer("web-blue", "app", 8080, lb -> lb.alternateTargetGroup("web-green")
         *     .productionListenerRule("web-alb", 80, 1).testListenerRule("web-alb", 8080, 1))
         * }</pre>
         */
        public Builder behindLoadBalancer(String targetGroup, String containerName, int containerPort,
                                          Consumer<AdvancedLoadBalancing.Builder> advanced) {
            AdvancedLoadBalancing.Builder b = new AdvancedLoadBalancing.Builder();
            advanced.accept(b);
            return attach(new TargetGroupAttachment(targetGroup, containerName, containerPort, b.build()));
        }

        /**
         * The ROLLING strategy (ECS's default): tasks replaced in batches within minimum healthy / maximum percent.
         *
         * <pre>{@code .rolling().deployment(100, 200) }</pre>
         */
        public Builder rolling() {
            return deploymentConfiguration(d -> d.strategy(DeploymentStrategy.ROLLING));
        }

        /**
         * The BLUE_GREEN strategy: the new revision scales up fully beside the old one, production traffic moves at
         * once, both fleets stay up for {@code bakeTime} (whole minutes, 0-1440), then the old fleet stops.
         *
         * <pre>{@code .blueGreen(Duration.ofMinutes(5)) }</pre>
         */
        public Builder blueGreen(Duration bakeTime) {
            int minutes = minutes("bakeTime", bakeTime);
            return deploymentConfiguration(d -> d.strategy(DeploymentStrategy.BLUE_GREEN).bakeTimeInMinutes(minutes));
        }

        /**
         * The LINEAR strategy: production traffic moves in steps of {@code stepPercent} (3-100) of the whole,
         * waiting {@code stepBakeTime} (whole minutes) after each step. Needs a load balancer.
         *
         * <pre>{@code .linear(25, Duration.ofMinutes(2)).bakeTime(Duration.ofMinutes(5)) }</pre>
         */
        public Builder linear(double stepPercent, Duration stepBakeTime) {
            int minutes = minutes("linear.stepBakeTime", stepBakeTime);
            return deploymentConfiguration(d -> d.strategy(DeploymentStrategy.LINEAR).linearConfiguration(
                    LinearConfiguration.builder().stepPercent(stepPercent).stepBakeTimeInMinutes(minutes).build()));
        }

        /**
         * The CANARY strategy: {@code percent} (0.1-100) of production traffic moves to the new revision, it bakes
         * {@code canaryBakeTime} (whole minutes), then the rest moves. Needs a load balancer.
         *
         * <pre>{@code .canary(10, Duration.ofMinutes(10)).bakeTime(Duration.ofMinutes(5)) }</pre>
         */
        public Builder canary(double percent, Duration canaryBakeTime) {
            int minutes = minutes("canary.canaryBakeTime", canaryBakeTime);
            return deploymentConfiguration(d -> d.strategy(DeploymentStrategy.CANARY).canaryConfiguration(
                    CanaryConfiguration.builder().canaryPercent(percent).canaryBakeTimeInMinutes(minutes).build()));
        }

        /** The bake time after all production traffic has moved (whole minutes, 0-1440): {@code bakeTimeInMinutes}. */
        public Builder bakeTime(Duration bakeTime) {
            int minutes = minutes("bakeTime", bakeTime);
            return deploymentConfiguration(d -> d.bakeTimeInMinutes(minutes));
        }

        /**
         * CloudWatch alarms the deployments watch ({@code deploymentConfiguration.alarms}, enabled): one going into
         * ALARM fails the deployment, and with {@code rollback} returns to the last completed one. Any strategy.
         *
         * <pre>{@code .canary(10, ofMinutes(10)).alarms(true, "web-5xx", "web-latency") }</pre>
         */
        public Builder alarms(boolean rollback, String... alarmNames) {
            return alarms(List.of(alarmNames), rollback);
        }

        /** Like {@link #alarms(boolean, String...)} with a list of names. */
        public Builder alarms(List<String> alarmNames, boolean rollback) {
            List<String> names = List.copyOf(alarmNames);
            return deploymentConfiguration(d -> d.alarms(DeploymentAlarms.builder().alarmNames(names).enable(true)
                    .rollback(rollback).build()));
        }

        /** The ROLLING strategy watched by alarms: {@code rolling().alarms(rollback, alarmNames)}. */
        public Builder rollingWithAlarms(boolean rollback, String... alarmNames) {
            return rolling().alarms(rollback, alarmNames);
        }

        /**
         * Adds a deployment lifecycle hook (a Lambda function or a PAUSE at the hook's stages).
         *
         * <pre>{@code .lifecycleHook(LifecycleHookSpec.lambda(SMOKE_ARN).stages(POST_TEST_TRAFFIC_SHIFT).build()) }</pre>
         */
        public Builder lifecycleHook(LifecycleHookSpec hook) {
            Objects.requireNonNull(hook, "hook");
            List<DeploymentLifecycleHook> hooks = new ArrayList<>(deploymentBuilder().build().lifecycleHooks());
            hooks.add(hook.toSdk());
            return deploymentConfiguration(d -> d.lifecycleHooks(hooks));
        }

        /** A Lambda hook: {@code lifecycleHook(LifecycleHookSpec.lambda(functionArn).stages(stages).build())}. */
        public Builder lifecycleHook(String functionArn, DeploymentLifecycleHookStage... stages) {
            return lifecycleHook(LifecycleHookSpec.lambda(functionArn).stages(stages).build());
        }

        /** A PAUSE hook at {@code stages}: the deployment waits for ContinueServiceDeployment. */
        public Builder pauseAt(DeploymentLifecycleHookStage... stages) {
            return lifecycleHook(LifecycleHookSpec.pause(stages).build());
        }

        private Builder deploymentConfiguration(Consumer<DeploymentConfiguration.Builder> change) {
            DeploymentConfiguration.Builder d = deploymentBuilder();
            change.accept(d);
            DeploymentConfiguration built = d.build();
            return edit(b -> b.deploymentConfiguration(built));
        }

        private int minutes(String field, Duration d) {
            Check.that(d != null && !d.isNegative() && d.toSeconds() % 60 == 0, "service " + r.serviceName(), field,
                    d, "must be whole minutes, 0 or more");
            return Math.toIntExact(Math.min(d.toMinutes(), Integer.MAX_VALUE));
        }

        private Builder attach(TargetGroupAttachment attachment) {
            String containerName = attachment.containerName();
            int containerPort = attachment.containerPort();
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

        private void checkStrategy(String spec, DeploymentConfiguration d) {
            String prefix = "deploymentConfiguration.";
            if (d.bakeTimeInMinutes() != null) {
                Check.range(spec, prefix + "bakeTimeInMinutes", d.bakeTimeInMinutes(), 0, 1440);
            }
            if (d.linearConfiguration() != null) {
                LinearConfiguration l = d.linearConfiguration();
                Check.that(l.stepPercent() == null || (l.stepPercent() >= 3 && l.stepPercent() <= 100), spec,
                        prefix + "linearConfiguration.stepPercent", l.stepPercent(), "must be between 3 and 100");
                if (l.stepBakeTimeInMinutes() != null) {
                    Check.range(spec, prefix + "linearConfiguration.stepBakeTimeInMinutes", l.stepBakeTimeInMinutes(),
                            0, 1440);
                }
            }
            if (d.canaryConfiguration() != null) {
                CanaryConfiguration c = d.canaryConfiguration();
                Check.that(c.canaryPercent() == null || (c.canaryPercent() >= 0.1 && c.canaryPercent() <= 100), spec,
                        prefix + "canaryConfiguration.canaryPercent", c.canaryPercent(), "must be between 0.1 and 100");
                if (c.canaryBakeTimeInMinutes() != null) {
                    Check.range(spec, prefix + "canaryConfiguration.canaryBakeTimeInMinutes",
                            c.canaryBakeTimeInMinutes(), 0, 1440);
                }
            }
            if (d.alarms() != null && Boolean.TRUE.equals(d.alarms().enable())) {
                Check.that(!d.alarms().alarmNames().isEmpty(), spec, prefix + "alarms.alarmNames",
                        d.alarms().alarmNames(), "must name at least one alarm");
                Check.range(spec, prefix + "alarms.alarmNames.size", d.alarms().alarmNames().size(), 1, 10);
                d.alarms().alarmNames().forEach(n -> Check.notBlank(spec, prefix + "alarms.alarmNames", n));
            }
            DeploymentStrategy strategy = d.strategy() == null ? DeploymentStrategy.ROLLING : d.strategy();
            if (strategy == DeploymentStrategy.ROLLING) {
                Check.that(d.linearConfiguration() == null && d.canaryConfiguration() == null, spec,
                        prefix + "strategy", "ROLLING", "linear and canary settings need the LINEAR or CANARY strategy");
                return;
            }
            Check.that(d.deploymentCircuitBreaker() == null
                            || !Boolean.TRUE.equals(d.deploymentCircuitBreaker().enable()), spec,
                    prefix + "deploymentCircuitBreaker", "enabled", "is only supported with the ROLLING strategy; use"
                            + " alarms(...) with " + strategy);
            Check.that(r.schedulingStrategy() != SchedulingStrategy.DAEMON, spec, prefix + "strategy", strategy,
                    "a DAEMON service deploys with ROLLING only");
            if (strategy != DeploymentStrategy.BLUE_GREEN) {
                Check.that(!loadBalancers.isEmpty() || r.serviceConnectConfiguration() != null, spec,
                        prefix + "strategy", strategy, "needs a load balancer (behindLoadBalancer) or Service Connect");
            }
            for (int i = 0; i < loadBalancers.size(); i++) {
                Check.that(loadBalancers.get(i).advanced() != null, spec, "loadBalancers[" + i + "]",
                        loadBalancers.get(i).targetGroup(), strategy + " needs an alternate target group and a"
                                + " production listener rule: behindLoadBalancer(tg, container, port, lb ->"
                                + " lb.alternateTargetGroup(..).productionListenerRule(..))");
            }
        }

        private void checkDeployment(String spec) {
            DeploymentConfiguration d = r.deploymentConfiguration();
            if (d == null) {
                return;
            }
            checkStrategy(spec, d);
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
