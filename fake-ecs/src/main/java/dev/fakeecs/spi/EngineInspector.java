package dev.fakeecs.spi;

import dev.fakeecs.FakeEcs;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Read-only access to what a world's engine holds, for the JUnit extension's handles and
 * assertions: clusters, services (with their deployments and events), tasks and container
 * instances as the AWS SDK's own model objects, rendered exactly as DescribeClusters,
 * DescribeServices, DescribeTasks and DescribeContainerInstances (with {@code include=TAGS}) answer.
 *
 * <p>Unlike the API ({@code ecs.api()}), a read is not an API call: API faults do not apply to it,
 * it never advances the clock in auto mode, and it journals nothing. Each call holds the engine lock
 * while it reads; {@link #read} holds it across several calls. Returned objects are immutable
 * snapshots: read again to see later changes.
 *
 * <pre>{@code
 * EngineInspector engine = EngineInspector.of(ecs);
 * Service orders = engine.service("us-east-1", "prod", "orders");
 * orders.runningCount();                                    // as DescribeServices counts it
 * orders.deployments().get(0).rolloutState();               // the PRIMARY deployment
 * }</pre>
 *
 * <p>Regions, clusters and services are named by name; an unknown region fails with an
 * {@link IllegalArgumentException} naming the declared ones, an unknown resource answers null (or an
 * empty list).
 */
public interface EngineInspector {

    /**
     * The inspector of a world (cheap to make; make one where needed).
     *
     * <pre>{@code EngineInspector engine = EngineInspector.of(ecs); }</pre>
     */
    static EngineInspector of(FakeEcs ecs) {
        return new DefaultEngineInspector(ecs);
    }

    /**
     * Runs several reads as one: the engine holds still (no API call, clock advance or scheduled
     * event runs) until {@code reads} returns, so they all see the same state. Reads only; the lock
     * is the one every API call and clock step takes.
     *
     * <pre>{@code
     * boolean steady = engine.read(() -> engine.service(r, "prod", "orders").runningCount()
     *         == engine.serviceTasks(r, "prod", "orders").size());
     * }</pre>
     */
    <T> T read(Supplier<T> reads);

    /**
     * A cluster of the region in any status (an INACTIVE one stays visible), or null if it never
     * existed.
     *
     * <pre>{@code "ACTIVE".equals(engine.cluster("us-east-1", "prod").status()); }</pre>
     *
     * @param cluster the cluster's name or ARN
     */
    Cluster cluster(String region, String cluster);

    /**
     * Every cluster of the region, any status, in creation order.
     *
     * <pre>{@code engine.clusters("us-east-1").stream().map(Cluster::clusterName).toList(); }</pre>
     */
    List<Cluster> clusters(String region);

    /**
     * The ARN of the cluster of that name, whether or not it exists.
     *
     * <pre>{@code engine.clusterArn("us-east-1", "prod");   // arn:aws:ecs:us-east-1:123456789012:cluster/prod }</pre>
     */
    String clusterArn(String region, String cluster);

    /**
     * A service of the cluster in any status, or null if it never existed. Its
     * {@code deployments()} (PRIMARY first) and {@code events()} (newest first, at most 100) come
     * with it.
     *
     * <pre>{@code
     * Service orders = engine.service("us-east-1", "prod", "orders");
     * orders.deployments().get(0).rolloutState();   // COMPLETED
     * orders.events().get(0).message();             // "(service orders) has reached a steady state."
     * }</pre>
     *
     * @param cluster the cluster's name
     * @param service the service's name or ARN
     */
    Service service(String region, String cluster, String service);

    /**
     * The cluster's services that are not INACTIVE, in creation order.
     *
     * <pre>{@code engine.services("us-east-1", "prod").size(); }</pre>
     *
     * @param cluster the cluster's name
     */
    List<Service> services(String region, String cluster);

    /**
     * The ARN of the service of that name in the cluster, whether or not it exists.
     *
     * <pre>{@code engine.serviceArn("us-east-1", "prod", "orders");   // ...:service/prod/orders }</pre>
     *
     * @param cluster the cluster's name
     */
    String serviceArn(String region, String cluster, String service);

    /**
     * The service's tasks whose desired status is RUNNING (the ones its running and pending counts
     * count), in launch order; empty if the service does not exist.
     *
     * <pre>{@code engine.serviceTasks("us-east-1", "prod", "orders").get(0).availabilityZone(); }</pre>
     *
     * @param cluster the cluster's name
     * @param service the service's name or ARN
     */
    List<Task> serviceTasks(String region, String cluster, String service);

    /**
     * Every task of the service the region still remembers, STOPPED ones (kept for an hour)
     * included, in launch order.
     *
     * <pre>{@code engine.serviceTaskHistory("us-east-1", "prod", "orders").stream().map(Task::stopCode).toList(); }</pre>
     *
     * @param cluster the cluster's name
     * @param service the service's name
     */
    List<Task> serviceTaskHistory(String region, String cluster, String service);

    /**
     * A task of the region (any cluster, STOPPED ones for an hour), or null.
     *
     * <pre>{@code engine.task("us-east-1", taskArn).lastStatus(); }</pre>
     *
     * @param task the task's id or ARN
     */
    Task task(String region, String task);

    /**
     * The cluster's tasks that are not STOPPED, in launch order.
     *
     * <pre>{@code engine.tasks("us-east-1", "prod").size(); }</pre>
     *
     * @param cluster the cluster's name
     */
    List<Task> tasks(String region, String cluster);

    /**
     * A container instance of the region in any status (a deregistered one is INACTIVE), or null.
     *
     * <pre>{@code engine.containerInstance("us-east-1", hostArn).runningTasksCount(); }</pre>
     */
    ContainerInstance containerInstance(String region, String containerInstanceArn);

    /**
     * The cluster's registered container instances (ACTIVE and DRAINING), in registration order.
     *
     * <pre>{@code engine.containerInstances("us-east-1", "prod").get(0).attributes(); }</pre>
     *
     * @param cluster the cluster's name
     */
    List<ContainerInstance> containerInstances(String region, String cluster);

    /**
     * A target group of the region's Elastic Load Balancing (by ARN or name) as DescribeTargetGroups shows it, or
     * null when there is none.
     *
     * <pre>{@code engine.targetGroup("us-east-1", "web-tg").targetGroupArn(); }</pre>
     */
    TargetGroup targetGroup(String region, String targetGroupNameOrArn);

    /**
     * The registered targets of a target group (ARN) with their health, as DescribeTargetHealth shows them
     * (draining ones included); empty for an unknown group.
     *
     * <pre>{@code engine.targetHealth("us-east-1", tgArn).get(0).targetHealth().stateAsString(); }</pre>
     */
    List<TargetHealthDescription> targetHealth(String region, String targetGroupArn);

    /**
     * The per-minute traffic figures of a load balancer (by name or ARN), or with {@code targetGroupNameOrArn} of
     * one of its target groups, oldest first (a day is kept). Every load balancer is sampled each virtual minute;
     * the traffic is the load the region's services offer to its target groups (their load curves) unless a rate
     * was set. Empty when the load balancer or target group is unknown.
     *
     * <pre>{@code engine.loadBalancerTraffic("us-east-1", "web-alb", "web-tg").get(0).requestCount(); }</pre>
     *
     * @param targetGroupNameOrArn null for the load balancer's own figures (all its target groups together)
     */
    List<LoadBalancerMinute> loadBalancerTraffic(String region, String loadBalancerNameOrArn,
                                                 String targetGroupNameOrArn);

    /**
     * The per-minute traffic figures of a target group (by name or ARN), added up over every load balancer that
     * forwards to it, oldest first; empty when it is unknown or no load balancer forwards to it.
     *
     * <pre>{@code engine.targetGroupTraffic("us-east-1", "web-tg").stream().mapToLong(LoadBalancerMinute::target5xxCount).sum(); }</pre>
     */
    List<LoadBalancerMinute> targetGroupTraffic(String region, String targetGroupNameOrArn);

    /**
     * The service's deployments as DescribeServiceDeployments shows them (lifecycle stage, status, target revision
     * with its requested traffic weights, lifecycle hook details, alarms, rollback), newest first, at most 20; empty
     * when the service does not exist.
     *
     * <pre>{@code engine.serviceDeployments("us-east-1", "prod", "shop").get(0).lifecycleStageAsString(); }</pre>
     */
    List<ServiceDeployment> serviceDeployments(String region, String cluster, String service);

    /**
     * A CloudWatch metric alarm of the region as DescribeAlarms shows it (state, reason, settings), or null when
     * the region has none of that name.
     *
     * <pre>{@code engine.alarm("us-east-1", "shop-5xx").stateValueAsString(); }</pre>
     */
    MetricAlarm alarm(String region, String alarmName);

    /**
     * The forward weights of a listener rule (an application load balancer's rule ARN, its default rule included, or
     * a network load balancer's listener ARN), target group ARN to weight in the forward action's order, as
     * DescribeRules shows them; empty when there is no such rule or it does not forward. What ECS blue/green, linear
     * and canary deployments shift.
     *
     * <pre>{@code engine.listenerRuleWeights("us-east-1", productionRuleArn);   // {blueTgArn=90, greenTgArn=10} }</pre>
     */
    Map<String, Integer> listenerRuleWeights(String region, String ruleOrListenerArn);
}
