package dev.fakeecs.spi;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.internal.elbv2.LoadBalancerMetrics;
import dev.fakeecs.internal.elbv2.LoadBalancing;
import dev.fakeecs.internal.region.RegionEngine;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import dev.fakeecs.internal.cloudwatch.CloudWatch;
import dev.fakeecs.internal.targets.ForwardRule;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.ecs.model.DescribeServiceDeploymentsRequest;
import software.amazon.awssdk.services.ecs.model.ListServiceDeploymentsRequest;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentBrief;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The engine side of {@code dev.fakeecs.spi.EngineInspector}: reads a world's regions under the
 * engine lock ({@link RegionEngine#read}), never through the API (no interceptors or faults, no
 * auto-advance of the clock), and renders what it finds with the engine's own DescribeClusters,
 * DescribeServices, DescribeTasks and DescribeContainerInstances renderers. The SPI's interface
 * documents each method; this class does not implement it, so the public SPI package can create it
 * without the two packages depending on each other.
 *
 * <pre>{@code
 * DefaultEngineInspector engine = new DefaultEngineInspector(ecs);
 * engine.service("us-east-1", "prod", "orders").runningCount();
 * }</pre>
 */
final class DefaultEngineInspector implements EngineInspector {

    private final FakeEcs ecs;

    public DefaultEngineInspector(FakeEcs ecs) {
        this.ecs = Objects.requireNonNull(ecs, "ecs");
    }

    public <T> T read(Supplier<T> reads) {
        Objects.requireNonNull(reads, "reads");
        ReentrantLock lock = ecs.engine().lock();
        lock.lock();
        try {
            return reads.get();
        } finally {
            lock.unlock();
        }
    }

    public Cluster cluster(String region, String cluster) {
        Objects.requireNonNull(cluster, "cluster");
        return in(region, e -> {
            var c = e.clusters().find(cluster);
            return c == null ? null : e.clusterOperations().describe(c);
        });
    }

    public List<Cluster> clusters(String region) {
        return in(region, e -> e.clusters().all().stream().map(c -> e.clusterOperations().describe(c)).toList());
    }

    public String clusterArn(String region, String cluster) {
        Objects.requireNonNull(cluster, "cluster");
        return in(region, e -> {
            var c = e.clusters().find(cluster);
            return c == null ? e.arns().cluster(cluster) : c.arn();
        });
    }

    public Service service(String region, String cluster, String service) {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(service, "service");
        return in(region, e -> {
            var s = e.services().find(cluster, service);
            return s == null ? null : e.services().describe(s);
        });
    }

    public List<Service> services(String region, String cluster) {
        Objects.requireNonNull(cluster, "cluster");
        return in(region, e -> e.services().inCluster(cluster).stream().map(s -> e.services().describe(s)).toList());
    }

    public String serviceArn(String region, String cluster, String service) {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(service, "service");
        return in(region, e -> {
            var s = e.services().find(cluster, service);
            return s == null ? e.arns().service(cluster, service) : s.arn();
        });
    }

    public List<Task> serviceTasks(String region, String cluster, String service) {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(service, "service");
        return in(region, e -> {
            var s = e.services().find(cluster, service);
            return s == null ? List.<Task>of()
                    : e.services().tasksOf(s).stream().map(t -> e.tasks().describe(t)).toList();
        });
    }

    public List<Task> serviceTaskHistory(String region, String cluster, String service) {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(service, "service");
        return in(region, e -> e.tasks().all().stream()
                .filter(t -> service.equals(t.serviceName()) && cluster.equals(t.clusterName()))
                .map(t -> e.tasks().describe(t)).toList());
    }

    public Task task(String region, String task) {
        Objects.requireNonNull(task, "task");
        return in(region, e -> {
            var t = e.tasks().find(task);
            return t == null ? null : e.tasks().describe(t);
        });
    }

    public List<Task> tasks(String region, String cluster) {
        Objects.requireNonNull(cluster, "cluster");
        return in(region, e -> e.tasks().activeInCluster(cluster).stream().map(t -> e.tasks().describe(t)).toList());
    }

    public ContainerInstance containerInstance(String region, String containerInstanceArn) {
        Objects.requireNonNull(containerInstanceArn, "containerInstanceArn");
        return in(region, e -> {
            var ci = e.containerInstances().byArn(containerInstanceArn);
            return ci == null ? null : e.containerInstanceOperations().describe(ci);
        });
    }

    public List<ContainerInstance> containerInstances(String region, String cluster) {
        Objects.requireNonNull(cluster, "cluster");
        return in(region, e -> e.containerInstances().inCluster(cluster).stream()
                .map(ci -> e.containerInstanceOperations().describe(ci)).toList());
    }

    public TargetGroup targetGroup(String region, String targetGroupNameOrArn) {
        Objects.requireNonNull(targetGroupNameOrArn, "targetGroup");
        return loadBalancing(region).inspectTargetGroup(targetGroupNameOrArn);
    }

    public List<TargetHealthDescription> targetHealth(String region, String targetGroupArn) {
        Objects.requireNonNull(targetGroupArn, "targetGroupArn");
        return loadBalancing(region).inspectTargetHealth(targetGroupArn);
    }

    @Override
    public List<LoadBalancerMinute> loadBalancerTraffic(String region, String loadBalancerNameOrArn,
                                                        String targetGroupNameOrArn) {
        Objects.requireNonNull(loadBalancerNameOrArn, "loadBalancerNameOrArn");
        return minutes(loadBalancing(region).inspectTraffic(loadBalancerNameOrArn, targetGroupNameOrArn));
    }

    @Override
    public List<LoadBalancerMinute> targetGroupTraffic(String region, String targetGroupNameOrArn) {
        Objects.requireNonNull(targetGroupNameOrArn, "targetGroupNameOrArn");
        return minutes(loadBalancing(region).inspectTraffic(null, targetGroupNameOrArn));
    }

    @Override
    public List<ServiceDeployment> serviceDeployments(String region, String cluster, String service) {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(service, "service");
        return in(region, e -> {
            if (e.services().find(cluster, service) == null) {
                return List.<ServiceDeployment>of();
            }
            List<String> arns = e.services().listServiceDeployments(ListServiceDeploymentsRequest.builder()
                    .cluster(cluster).service(service).maxResults(20).build()).serviceDeployments().stream()
                    .map(ServiceDeploymentBrief::serviceDeploymentArn).toList();
            return arns.isEmpty() ? List.<ServiceDeployment>of() : e.services().describeServiceDeployments(
                    DescribeServiceDeploymentsRequest.builder().serviceDeploymentArns(arns).build())
                    .serviceDeployments();
        });
    }

    @Override
    public MetricAlarm alarm(String region, String alarmName) {
        Objects.requireNonNull(alarmName, "alarmName");
        return RegionEngine.of(ecs.region(Objects.requireNonNull(region, "region"))).service(CloudWatch.SERVICE)
                .inspectAlarm(alarmName);
    }

    @Override
    public Map<String, Integer> listenerRuleWeights(String region, String ruleOrListenerArn) {
        Objects.requireNonNull(ruleOrListenerArn, "ruleOrListenerArn");
        return in(region, e -> {
            ForwardRule rule = e.service(LoadBalancing.SERVICE).targetGroups().forwardRule(ruleOrListenerArn);
            return rule == null ? Map.<String, Integer>of() : rule.weights();
        });
    }

    private static List<LoadBalancerMinute> minutes(List<LoadBalancerMetrics.Minute> minutes) {
        return minutes.stream().map(m -> new LoadBalancerMinute(m.minute(), m.requestCount(), m.target5xxCount(),
                m.elb5xxCount(), m.healthyHostCount(), m.unhealthyHostCount(), m.targetResponseTime())).toList();
    }

    private LoadBalancing loadBalancing(String region) {
        return RegionEngine.of(ecs.region(Objects.requireNonNull(region, "region"))).service(LoadBalancing.SERVICE);
    }

    /** Runs {@code body} on the region's engine under the engine lock. */
    private <T> T in(String region, Function<RegionEngine, T> body) {
        RegionEngine engine = RegionEngine.of(ecs.region(Objects.requireNonNull(region, "region")));
        return engine.read(() -> body.apply(engine));
    }

    @Override
    public String toString() {
        return "engine inspector of " + ecs;
    }
}
