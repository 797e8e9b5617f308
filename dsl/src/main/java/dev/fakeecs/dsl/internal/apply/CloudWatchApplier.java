package dev.fakeecs.dsl.internal.apply;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.dsl.cloudwatch.AlarmSpec;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupNotFoundException;

import java.util.List;

/**
 * Puts one region's declared metric alarms through the region's in-process {@link CloudWatchClient}
 * (PutMetricAlarm creates or replaces), after the load balancers exist: a {@code LoadBalancer} or
 * {@code TargetGroup} dimension naming a load balancer or target group of the region (by name, or a dimension value
 * of another account such as {@code app/web-alb/50dc6c495c0c9188}) becomes this world's dimension value
 * ({@code app/web-alb/<id>}, {@code targetgroup/web-tg/<id>}); anything else is kept as declared.
 *
 * <pre>{@code
 * new CloudWatchApplier(ecs, "us-east-1").apply(spec.alarms());
 * }</pre>
 */
public final class CloudWatchApplier {

    private final FakeEcs ecs;
    private final String region;

    /** Applies alarms of {@code region} (IllegalArgumentException if the world lacks it). */
    public CloudWatchApplier(FakeEcs ecs, String region) {
        this.ecs = ecs;
        this.region = ecs.region(region).name();
    }

    /** PutMetricAlarm for each alarm, in order. */
    public void apply(List<AlarmSpec> alarms) {
        if (alarms.isEmpty()) {
            return;
        }
        CloudWatchClient cloudWatch = ecs.newCloudWatchClient(region);
        ElasticLoadBalancingV2Client elb = ecs.newLoadBalancingClient(region);
        for (AlarmSpec a : alarms) {
            cloudWatch.putMetricAlarm(a.toRequest((name, value) -> dimensionValue(elb, name, value)));
        }
    }

    private static String dimensionValue(ElasticLoadBalancingV2Client elb, String name, String value) {
        try {
            if ("LoadBalancer".equals(name)) {
                String lb = nameIn(value, 1);
                String arn = elb.describeLoadBalancers(r -> r.names(lb)).loadBalancers().get(0).loadBalancerArn();
                return arn.substring(arn.indexOf(":loadbalancer/") + ":loadbalancer/".length());
            }
            if ("TargetGroup".equals(name)) {
                String tg = nameIn(value, 1);
                String arn = elb.describeTargetGroups(r -> r.names(tg)).targetGroups().get(0).targetGroupArn();
                return arn.substring(arn.lastIndexOf(':') + 1);
            }
        } catch (LoadBalancerNotFoundException | TargetGroupNotFoundException e) {
            return value;   // not a load balancer of this world: kept as declared
        }
        return value;
    }

    /** {@code web-alb} for {@code web-alb} and {@code app/web-alb/123}; {@code web-tg} for {@code targetgroup/web-tg/1}. */
    private static String nameIn(String value, int index) {
        String[] parts = value.split("/");
        return parts.length > index ? parts[index] : value;
    }
}
