package dev.fakeecs.samples.fooddelivery;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.dsl.WorldSpec;
import dev.fakeecs.dsl.taskdefinition.TaskDefinitionSpec;
import dev.fakeecs.spi.EngineSetup;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import static dev.fakeecs.dsl.Ecs.FARGATE;
import static dev.fakeecs.dsl.Ecs.FARGATE_SPOT;
import static dev.fakeecs.dsl.Ecs.capacityProvider;
import static dev.fakeecs.dsl.Ecs.cluster;
import static dev.fakeecs.dsl.Ecs.load;
import static dev.fakeecs.dsl.Ecs.service;
import static dev.fakeecs.dsl.Ecs.taskDefinition;
import static dev.fakeecs.dsl.Ecs.targetCpu;
import static dev.fakeecs.dsl.Ecs.world;

/**
 * The food-delivery backend of the seed document ("What is Amazon ECS?"), declared once and shared
 * by the tests: cluster {@code food-delivery-prod} in us-east-1 with Fargate / Fargate Spot and two
 * EC2 Auto Scaling group capacity providers (g4dn GPU hosts, Graviton hosts), and six services.
 *
 * <pre>
 *   user-service          Fargate, 3 tasks
 *   restaurant-service    EC2 with GPU (g4dn.xlarge, one GPU per task), 5 tasks on 8 hosts
 *   order-service         Fargate + Fargate Spot, 2-20 tasks, target tracking on CPU, dinner peak 19:00-21:00
 *   payment-service       Fargate, 2 tasks
 *   notification-service  Fargate, 1 task
 *   ml-recommendation     EC2 Graviton (m6g.xlarge, ARM64), 2 tasks on 3 hosts
 * </pre>
 *
 * <p>order-service and user-service sit behind the Application Load Balancer {@code food-delivery-alb}
 * (target groups {@code orders-tg} on listener port 80 and {@code users-tg} on port 8080, type {@code ip},
 * health checks on {@code /health}), so their tasks count only once the load balancer finds them healthy and
 * drain for the deregistration delay (300 s) when they stop.
 *
 * <p>The world starts on Friday 2026-03-06 at 18:00 UTC, an hour before the dinner peak.
 */
public final class FoodDeliveryPlatform {

    public static final String CLUSTER = "food-delivery-prod";
    public static final String PRIMARY = "us-east-1";
    /** How long an Auto Scaling group host takes to boot and register. */
    public static final Duration HOST_BOOT = EngineSetup.AUTO_SCALING_GROUP_BOOT_DELAY;
    public static final Instant FRIDAY_6PM = Instant.parse("2026-03-06T18:00:00Z");

    public static final String USERS = "user-service";
    public static final String RESTAURANTS = "restaurant-service";
    public static final String ORDERS = "order-service";
    public static final String PAYMENTS = "payment-service";
    public static final String NOTIFICATIONS = "notification-service";
    public static final String RECOMMENDATIONS = "ml-recommendation";

    /** The g4dn Auto Scaling group (and capacity provider) restaurant-service runs on. */
    public static final String GPU_POOL = "gpu-pool";
    /** The Graviton Auto Scaling group (and capacity provider) ml-recommendation runs on. */
    public static final String GRAVITON_POOL = "graviton-pool";

    /** order-service is deployed by moving the {@code prod} tag (the reason ECR replication lag bites). */
    public static final String ORDER_REPOSITORY = "acme/order-service";
    public static final String ORDER_IMAGE = ORDER_REPOSITORY + ":prod";

    /** The Application Load Balancer in front of order-service and user-service. */
    public static final String ALB = "food-delivery-alb";
    /** order-service's target group (listener port 80). */
    public static final String ORDERS_TG = "orders-tg";
    /** user-service's target group (listener port 8080). */
    public static final String USERS_TG = "users-tg";

    /** 60 requests per second, 600 from 19:00 to 21:00; one task serves 50 rps at 100 % CPU. */
    public static final double BASELINE_RPS = 60;
    public static final double DINNER_RPS = 600;
    public static final double RPS_PER_TASK_AT_FULL_CPU = 50;

    private static final String EXECUTION_ROLE = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole";

    static final TaskDefinitionSpec USER_SERVICE = taskDefinition(USERS)
            .fargate().cpu(256).memory(512).executionRole(EXECUTION_ROLE)
            .container("app", c -> c.image("acme/user-service:3.2").port(8080)
                    .healthCheck("curl -f http://localhost:8080/health || exit 1"))
            .build();

    static final TaskDefinitionSpec RESTAURANT_SERVICE = taskDefinition(RESTAURANTS)
            .ec2().bridge()
            .container("app", c -> c.image("acme/restaurant-service:5.0").cpu(2048).memory(8192)
                    .port(8080, 0).gpu(1))     // menu-photo processing on the host's GPU
            .build();

    static final TaskDefinitionSpec ORDER_SERVICE = taskDefinition(ORDERS)
            .fargate().cpu(512).memory(1024).executionRole(EXECUTION_ROLE)
            .container("app", c -> c.image(ORDER_IMAGE).port(8080)
                    .healthCheck("curl -f http://localhost:8080/health || exit 1"))
            .build();

    static final TaskDefinitionSpec PAYMENT_SERVICE = taskDefinition(PAYMENTS)
            .fargate().cpu(1024).memory(2048).executionRole(EXECUTION_ROLE)
            .taskRole("arn:aws:iam::123456789012:role/payment-service")
            .container("app", c -> c.image("acme/payment-service:2.7").port(8443)
                    .healthCheck("curl -fk https://localhost:8443/health || exit 1"))
            .build();

    static final TaskDefinitionSpec NOTIFICATION_SERVICE = taskDefinition(NOTIFICATIONS)
            .fargate().cpu(256).memory(512).executionRole(EXECUTION_ROLE)
            .container("app", c -> c.image("acme/notification-service:1.1"))
            .build();

    static final TaskDefinitionSpec ML_RECOMMENDATION = taskDefinition(RECOMMENDATIONS)
            .ec2().bridge().arm64()
            .container("app", c -> c.image("acme/ml-recommendation:0.9").cpu(2048).memory(6144).port(9000, 0))
            .build();

    private FoodDeliveryPlatform() {
    }

    /**
     * The running platform at Friday 18:00: the capacity comes up first (the Auto Scaling groups'
     * hosts boot for a minute from 17:59), then the six services are created at 18:00.
     *
     * <p>Why two steps: a service task launched on an Auto Scaling group capacity provider that has
     * no host yet waits in PROVISIONING as a placeholder, and fake-ecs does not yet hand the task
     * that finally places back to its service (the service loses count of it and launches more).
     * Bringing the hosts up before the services, with spare hosts in every zone, keeps these
     * samples clear of that gap (reported to the engine's owners).
     */
    public static FakeEcs start() {
        return start(capacity());
    }

    /** {@link #start()} with a second region holding an empty {@code food-delivery-prod} cluster (Fargate). */
    public static FakeEcs startWithStandbyRegion(String standby) {
        return start(capacity().region(standby, standby + "a", standby + "b", standby + "c")
                .cluster(cluster(CLUSTER).region(standby).capacityProviders(FARGATE).build()));
    }

    private static FakeEcs start(WorldSpec.Builder capacity) {
        FakeEcs ecs = capacity.start();
        ecs.clock().advanceTo(FRIDAY_6PM);
        services().applyTo(ecs);
        return ecs;
    }

    /** The world and the cluster with its capacity (no services), starting at 17:59. */
    public static WorldSpec.Builder capacity() {
        return world().seed(42).startingAt(FRIDAY_6PM.minus(HOST_BOOT))
                .region(PRIMARY, "us-east-1a", "us-east-1b", "us-east-1c")
                .cluster(CLUSTER, c -> c
                        .capacityProviders(FARGATE, FARGATE_SPOT)
                        .defaultStrategy(FARGATE.base(2).weight(1), FARGATE_SPOT.weight(4))
                        // five GPU tasks, one per g4dn.xlarge, on eight hosts (3 + 3 + 2): enough to lose a zone
                        .autoScalingGroup(GPU_POOL, g -> g.instanceType("g4dn.xlarge").min(8).max(10).desired(8)
                                .zones("us-east-1a", "us-east-1b", "us-east-1c"))
                        // one m6g.xlarge per zone; each holds two ml-recommendation tasks
                        .autoScalingGroup(GRAVITON_POOL, g -> g.instanceType("m6g.xlarge").min(3).max(6).desired(3)
                                .zones("us-east-1a", "us-east-1b", "us-east-1c")));
    }

    /** The six services (task definitions, auto scaling and the dinner-peak load curve with them). */
    public static WorldSpec.Builder services() {
        return world()
                .targetGroup(ORDERS_TG, tg -> tg.http(8080).ip().healthCheckPath("/health"))
                .targetGroup(USERS_TG, tg -> tg.http(8080).ip().healthCheckPath("/health"))
                // two listeners, one per target group: the DSL forwards a listener's default action only
                .loadBalancer(ALB, lb -> lb.application().internetFacing()
                        .listener(80, "HTTP", ORDERS_TG)
                        .listener(8080, "HTTP", USERS_TG))
                .service(USERS, s -> s.cluster(CLUSTER).taskDefinition(USER_SERVICE).fargate().desiredCount(3)
                        .behindLoadBalancer(USERS_TG, "app", 8080))
                .service(RESTAURANTS, s -> s.cluster(CLUSTER).taskDefinition(RESTAURANT_SERVICE).desiredCount(5)
                        .capacityProviderStrategy(capacityProvider(GPU_POOL).weight(1)).spreadAcrossZones())
                .service(ORDERS, s -> s.cluster(CLUSTER).taskDefinition(ORDER_SERVICE).desiredCount(2)
                        .capacityProviderStrategy(FARGATE.base(2).weight(1), FARGATE_SPOT.weight(4))
                        .behindLoadBalancer(ORDERS_TG, "app", 8080)
                        .autoScaling(2, 20, targetCpu(60))
                        .loadCurve(load(BASELINE_RPS).between(LocalTime.of(19, 0), LocalTime.of(21, 0), DINNER_RPS),
                                RPS_PER_TASK_AT_FULL_CPU))
                .service(PAYMENTS, s -> s.cluster(CLUSTER).taskDefinition(PAYMENT_SERVICE).fargate().desiredCount(2))
                .service(NOTIFICATIONS, s -> s.cluster(CLUSTER).taskDefinition(NOTIFICATION_SERVICE).fargate()
                        .desiredCount(1))
                .service(RECOMMENDATIONS, s -> s.cluster(CLUSTER).taskDefinition(ML_RECOMMENDATION).desiredCount(2)
                        .capacityProviderStrategy(capacityProvider(GRAVITON_POOL).weight(1)).spreadAcrossZones());
    }

    /** A warm standby of order-service in {@code standby}: two Fargate tasks, no auto scaling. */
    public static WorldSpec.Builder warmStandby(String standby) {
        return world().service(service(ORDERS).region(standby).cluster(CLUSTER)
                .taskDefinition(ORDER_SERVICE).fargate().desiredCount(2).build());
    }

    /** Every service's name, in declaration order. */
    public static List<String> serviceNames() {
        return List.of(USERS, RESTAURANTS, ORDERS, PAYMENTS, NOTIFICATIONS, RECOMMENDATIONS);
    }

    // --- what the tests read, through the ECS API as an operator would ---------------------------

    public static Service describe(FakeEcs ecs, String name) {
        return describe(ecs.api(), name);
    }

    public static Service describe(EcsClient api, String name) {
        return api.describeServices(r -> r.cluster(CLUSTER).services(name)).services().get(0);
    }

    /** The service's tasks with that desired status (RUNNING or STOPPED), described. */
    public static List<Task> tasks(EcsClient api, String service, String desiredStatus) {
        List<String> arns = api.listTasks(r -> r.cluster(CLUSTER).serviceName(service).desiredStatus(desiredStatus))
                .taskArns();
        return arns.isEmpty() ? List.of() : api.describeTasks(r -> r.cluster(CLUSTER).tasks(arns)).tasks();
    }

    public static List<Task> tasks(FakeEcs ecs, String service, String desiredStatus) {
        return tasks(ecs.api(), service, desiredStatus);
    }
}
