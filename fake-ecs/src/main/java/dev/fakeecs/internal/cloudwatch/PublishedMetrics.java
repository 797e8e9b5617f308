package dev.fakeecs.internal.cloudwatch;

import dev.fakeecs.internal.elbv2.LoadBalancerMetrics;
import dev.fakeecs.internal.elbv2.LoadBalancing;
import dev.fakeecs.internal.neighbour.EcsNeighbourhood;
import dev.fakeecs.internal.neighbour.ServiceUsage;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The metrics AWS publishes by itself, stored each whole virtual minute {@code t} with timestamp {@code t - 60 s}
 * (the minute that just ended): {@code AWS/ECS} CPUUtilization and MemoryUtilization per ACTIVE service
 * {ClusterName, ServiceName} (the figures Service Auto Scaling computes; none while no task runs), and
 * {@code AWS/ApplicationELB} from the load balancer simulation's per-minute figures of application load balancers
 * (neighbours 1.8): HealthyHostCount / UnHealthyHostCount {LoadBalancer, TargetGroup} every minute; RequestCount
 * {LoadBalancer} and {LoadBalancer, TargetGroup}, RequestCountPerTarget {TargetGroup} and {LoadBalancer,
 * TargetGroup}, TargetResponseTime {LoadBalancer} and {LoadBalancer, TargetGroup} only for minutes with traffic;
 * HTTPCode_Target_5XX_Count and HTTPCode_ELB_5XX_Count only when non-zero. Per-zone dimension sets are not
 * published (the load balancer figures have no zone breakdown). Nothing here writes the journal.
 *
 * <pre>{@code
 * published.publish(now);   // from the region's CloudWatch tick, on whole minutes
 * }</pre>
 */
final class PublishedMetrics {

    static final String ECS = "AWS/ECS";
    static final String ALB = "AWS/ApplicationELB";

    private final EcsNeighbourhood ecs;
    private final MetricStore store;
    /** Per load balancer figure series, the minute of the newest figure already published. */
    private final Map<String, java.time.Instant> lastSeen = new HashMap<>();

    PublishedMetrics(EcsNeighbourhood ecs, MetricStore store) {
        this.ecs = ecs;
        this.store = store;
    }

    void publish(long now) {
        long stamp = now - 60_000;
        for (ServiceUsage u : ecs.serviceUsage()) {
            Map<String, String> dims = Map.of("ClusterName", u.clusterName(), "ServiceName", u.serviceName());
            if (!Double.isNaN(u.cpuPercent())) {
                store.add(MetricKey.of(ECS, "CPUUtilization", dims), Sample.value(stamp, u.cpuPercent(), "Percent", 60), now);
            }
            if (!Double.isNaN(u.memoryPercent())) {
                store.add(MetricKey.of(ECS, "MemoryUtilization", dims),
                        Sample.value(stamp, u.memoryPercent(), "Percent", 60), now);
            }
        }
        LoadBalancing elb = ecs.sibling(LoadBalancing.SERVICE);
        if (elb != null) {
            publishAlb(elb, stamp, now);
        }
    }

    private void publishAlb(LoadBalancing elb, long stamp, long now) {
        Set<String> loadBalancers = new LinkedHashSet<>();
        for (String tgArn : elb.targetGroupArns()) {
            TargetGroup tg = elb.inspectTargetGroup(tgArn);
            if (tg == null || !tg.hasLoadBalancerArns()) {
                continue;
            }
            for (String lbArn : tg.loadBalancerArns()) {
                if (!lbArn.contains(":loadbalancer/app/")) {
                    continue;
                }
                loadBalancers.add(lbArn);
                for (LoadBalancerMetrics.Minute m : fresh(elb, lbArn, tgArn)) {
                    targetGroupMinute(m, stamp, now);
                }
            }
        }
        for (String lbArn : loadBalancers) {
            for (LoadBalancerMetrics.Minute m : fresh(elb, lbArn, null)) {
                loadBalancerMinute(m, stamp, now);
            }
        }
    }

    /** The newest figure of a series not yet published (older unpublished ones are skipped), or none. */
    private List<LoadBalancerMetrics.Minute> fresh(LoadBalancing elb, String lbArn, String tgArn) {
        LoadBalancerMetrics.Minute newest = elb.metrics().latest(lbArn, tgArn);
        if (newest == null) {
            return List.of();
        }
        String key = lbArn + "|" + tgArn;
        java.time.Instant seen = lastSeen.get(key);
        if (seen != null && !newest.minute().isAfter(seen)) {
            return List.of();
        }
        lastSeen.put(key, newest.minute());
        return List.of(newest);
    }

    private void targetGroupMinute(LoadBalancerMetrics.Minute m, long stamp, long now) {
        String lb = loadBalancerDimension(m.loadBalancerArn());
        String tg = targetGroupDimension(m.targetGroupArn());
        Map<String, String> both = Map.of("LoadBalancer", lb, "TargetGroup", tg);
        put("HealthyHostCount", both, m.healthyHostCount(), "Count", stamp, now);
        put("UnHealthyHostCount", both, m.unhealthyHostCount(), "Count", stamp, now);
        if (m.requestCount() > 0) {
            put("RequestCount", both, m.requestCount(), "Count", stamp, now);
            int targets = m.healthyHostCount() > 0 ? m.healthyHostCount()
                    : m.healthyHostCount() + m.unhealthyHostCount();
            if (targets > 0) {
                double perTarget = (double) m.requestCount() / targets;
                put("RequestCountPerTarget", both, perTarget, "Count", stamp, now);
                put("RequestCountPerTarget", Map.of("TargetGroup", tg), perTarget, "Count", stamp, now);
            }
        }
        if (m.target5xxCount() > 0) {
            put("HTTPCode_Target_5XX_Count", both, m.target5xxCount(), "Count", stamp, now);
        }
        if (m.targetResponseTime() != null) {
            put("TargetResponseTime", both, m.targetResponseTime(), "Seconds", stamp, now);
        }
    }

    private void loadBalancerMinute(LoadBalancerMetrics.Minute m, long stamp, long now) {
        Map<String, String> lb = Map.of("LoadBalancer", loadBalancerDimension(m.loadBalancerArn()));
        if (m.requestCount() > 0) {
            put("RequestCount", lb, m.requestCount(), "Count", stamp, now);
        }
        if (m.target5xxCount() > 0) {
            put("HTTPCode_Target_5XX_Count", lb, m.target5xxCount(), "Count", stamp, now);
        }
        if (m.elb5xxCount() > 0) {
            put("HTTPCode_ELB_5XX_Count", lb, m.elb5xxCount(), "Count", stamp, now);
        }
        if (m.targetResponseTime() != null) {
            put("TargetResponseTime", lb, m.targetResponseTime(), "Seconds", stamp, now);
        }
    }

    private void put(String name, Map<String, String> dims, double value, String unit, long stamp, long now) {
        store.add(MetricKey.of(ALB, name, dims), Sample.value(stamp, value, unit, 60), now);
    }

    /** {@code app/name/id} from a load balancer ARN, as the LoadBalancer dimension carries it. */
    static String loadBalancerDimension(String arn) {
        return arn.substring(arn.indexOf(":loadbalancer/") + ":loadbalancer/".length());
    }

    /** {@code targetgroup/name/id} from a target group ARN, as the TargetGroup dimension carries it. */
    static String targetGroupDimension(String arn) {
        return arn.substring(arn.indexOf("targetgroup/"));
    }
}
