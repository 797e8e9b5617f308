package dev.fakeecs.dsl;

import dev.fakeecs.dsl.cloudwatch.AlarmSpec;
import dev.fakeecs.dsl.loadbalancing.ListenerRuleSpec;
import dev.fakeecs.dsl.loadbalancing.ListenerSpec;
import dev.fakeecs.dsl.service.LifecycleHookSpec;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHookStage;
import dev.fakeecs.dsl.loadbalancing.LoadBalancerSpec;
import dev.fakeecs.dsl.loadbalancing.TargetGroupSpec;
import dev.fakeecs.dsl.cluster.AutoScalingGroupSpec;
import dev.fakeecs.dsl.cluster.CapacityProvider;
import dev.fakeecs.FakeEcs;
import dev.fakeecs.dsl.cluster.ClusterSpec;
import dev.fakeecs.dsl.dns.DeclaredFailovers;
import dev.fakeecs.dsl.dns.FailoverHandle;
import dev.fakeecs.dsl.registry.ImagePush;
import dev.fakeecs.dsl.scenario.Scenario;
import dev.fakeecs.dsl.service.LoadCurve;
import dev.fakeecs.dsl.service.LoadMultiplier;
import dev.fakeecs.dsl.service.ScalingPolicy;
import dev.fakeecs.dsl.service.ServiceSpec;
import dev.fakeecs.dsl.taskdefinition.ContainerSpec;
import dev.fakeecs.dsl.taskdefinition.HealthCheckSpec;
import dev.fakeecs.dsl.taskdefinition.TaskDefinitionSpec;
import dev.fakeecs.image.ImageBehavior;

/**
 * The entry point of the fake-ecs DSL: static factories for every declaration, meant for
 * {@code import static dev.fakeecs.dsl.Ecs.*}.
 *
 * <pre>{@code
 * import static dev.fakeecs.dsl.Ecs.*;
 *
 * static final TaskDefinitionSpec ORDERS = taskDefinition("order-service")
 *     .fargate().cpu(512).memory(1024)
 *     .container("app", c -> c.image("acme/orders:1.4").port(8080))
 *     .build();
 *
 * FakeEcs ecs = world().seed(42).region("us-east-1")
 *     .cluster("food-delivery-prod", c -> c
 *         .capacityProviders(FARGATE, FARGATE_SPOT)
 *         .defaultStrategy(FARGATE.base(2).weight(1), FARGATE_SPOT.weight(4))
 *         .ec2Hosts("g4dn.xlarge", 2, "us-east-1a", "us-east-1b"))
 *     .service("order-service", s -> s.cluster("food-delivery-prod")
 *         .taskDefinition(ORDERS).desiredCount(2).autoScaling(2, 20, targetCpu(60)))
 *     .start();
 * }</pre>
 */
public final class Ecs {

    /** AWS Fargate: {@code FARGATE.base(2).weight(1)}. */
    public static final CapacityProvider FARGATE = CapacityProvider.FARGATE;
    /** AWS Fargate Spot: {@code FARGATE_SPOT.weight(4)}. */
    public static final CapacityProvider FARGATE_SPOT = CapacityProvider.FARGATE_SPOT;

    private Ecs() {
    }

    /** A new world declaration: {@code world().seed(42).region("us-east-1").cluster(...).start()}. */
    public static WorldSpec.Builder world() {
        return WorldSpec.builder();
    }

    /** A cluster declaration, for reuse across worlds: {@code cluster("prod").capacityProviders(FARGATE).build()}. */
    public static ClusterSpec.Builder cluster(String name) {
        return ClusterSpec.builder(name);
    }

    /** A capacity provider by name (an Auto Scaling group provider): {@code capacityProvider("gpu").weight(1)}. */
    public static CapacityProvider capacityProvider(String name) {
        return CapacityProvider.named(name);
    }

    /** An Auto Scaling group and its capacity provider: {@code autoScalingGroup("gpu").instanceType("g4dn.xlarge").max(4)}. */
    public static AutoScalingGroupSpec.Builder autoScalingGroup(String name) {
        return AutoScalingGroupSpec.builder(name);
    }

    /** A task definition declaration: {@code taskDefinition("orders").fargate().cpu(512).memory(1024)}. */
    public static TaskDefinitionSpec.Builder taskDefinition(String family) {
        return TaskDefinitionSpec.builder(family);
    }

    /** A container declaration, for reuse across task definitions: {@code container("envoy").image("envoy:1.29")}. */
    public static ContainerSpec.Builder container(String name) {
        return ContainerSpec.builder(name);
    }

    /** A CMD-SHELL health check with ECS's defaults: {@code healthCheck("curl -f localhost/health").retries(5)}. */
    public static HealthCheckSpec healthCheck(String shellCommand) {
        return HealthCheckSpec.shell(shellCommand);
    }

    /** A service declaration: {@code service("orders").cluster("prod").taskDefinition(ORDERS).desiredCount(2)}. */
    public static ServiceSpec.Builder service(String name) {
        return ServiceSpec.builder(name);
    }

    /** A target group: {@code targetGroup("web-tg").http(8080).ip().healthCheckPath("/health").build()}. */
    public static TargetGroupSpec.Builder targetGroup(String name) {
        return TargetGroupSpec.builder(name);
    }

    /** A load balancer: {@code loadBalancer("web-alb").application().listener(80, "HTTP", "web-tg").build()}. */
    public static LoadBalancerSpec.Builder loadBalancer(String name) {
        return LoadBalancerSpec.builder(name);
    }

    /** A listener of a declared load balancer: {@code listener("web-alb", 80, "HTTP").forwardTo("web-tg").build()}. */
    public static ListenerSpec.Builder listener(String loadBalancer, int port, String protocol) {
        return ListenerSpec.builder(loadBalancer, port, protocol);
    }

    /**
     * A rule of a declared listener: {@code listenerRule("web-alb", 80, 1).pathPattern("/*").forward("blue", 100).forward("green", 0).build()}
     * (add it with {@code listener(...).rule(spec)}).
     */
    public static ListenerRuleSpec.Builder listenerRule(String loadBalancer, int port, int priority) {
        return ListenerRuleSpec.builder(loadBalancer, port, priority);
    }

    /** A CloudWatch metric alarm: {@code alarm("web-5xx").namespace("AWS/ApplicationELB").metric("HTTPCode_Target_5XX_Count")...build()}. */
    public static AlarmSpec.Builder alarm(String name) {
        return AlarmSpec.builder(name);
    }

    /** A Lambda lifecycle hook: {@code lifecycleHook(SMOKE_ARN).stages(POST_TEST_TRAFFIC_SHIFT).build()}. */
    public static LifecycleHookSpec.Builder lifecycleHook(String functionArn) {
        return LifecycleHookSpec.lambda(functionArn);
    }

    /** A PAUSE lifecycle hook: {@code pauseHook(POST_SCALE_UP).build()} (the deployment waits for ContinueServiceDeployment). */
    public static LifecycleHookSpec.Builder pauseHook(DeploymentLifecycleHookStage... stages) {
        return LifecycleHookSpec.pause(stages);
    }

    /** Target tracking on average CPU: {@code autoScaling(2, 20, targetCpu(60))}. */
    public static ScalingPolicy targetCpu(double percent) {
        return ScalingPolicy.targetCpu(percent);
    }

    /** Target tracking on average memory: {@code autoScaling(2, 20, targetMemory(70))}. */
    public static ScalingPolicy targetMemory(double percent) {
        return ScalingPolicy.targetMemory(percent);
    }

    /** A constant load: {@code load(100).between(LocalTime.of(19, 0), LocalTime.of(21, 0), 1000)}. */
    public static LoadCurve load(double rps) {
        return LoadCurve.constant(rps);
    }

    /** How containers of an image behave, starting from the default: {@code behavior().exitAfter(ofSeconds(5), 1)}. */
    public static ImageBehavior behavior() {
        return ImageBehavior.DEFAULT;
    }

    /** A timeline of actions at virtual times: {@code scenario().at(LocalTime.of(19, 30), "outage", ecs -> ...)}. */
    public static Scenario.Builder scenario() {
        return Scenario.builder();
    }

    /**
     * A service's offered load, to multiply for a window of the timeline:
     * {@code scenario().everyDay(LocalTime.of(19, 0), LocalTime.of(21, 0), serviceLoad("prod", "orders").times(10))}.
     */
    public static LoadMultiplier serviceLoad(String cluster, String service) {
        return LoadMultiplier.of(cluster, service);
    }

    /** A scenario action pushing a new image to a region's ECR registry: {@code pushImage("us-east-1", "acme/orders", "latest")}. */
    public static ImagePush pushImage(String region, String repository, String tag) {
        return new ImagePush(region, repository, tag);
    }

    /**
     * The handle of a declared DNS failover record on a started world (its Route 53 record and the
     * traffic's {@code AvailabilityReport}): {@code failover(ecs, "api.food.example").report().availability()}.
     */
    public static FailoverHandle failover(FakeEcs ecs, String name) {
        return DeclaredFailovers.of(ecs).handle(name);
    }
}
