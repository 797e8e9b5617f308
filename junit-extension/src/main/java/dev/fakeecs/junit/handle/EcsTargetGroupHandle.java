package dev.fakeecs.junit.handle;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.spi.EngineInspector;
import dev.fakeecs.spi.LoadBalancerMinute;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

import java.util.List;
import java.util.Objects;

/**
 * A live handle on one Elastic Load Balancing target group of a region, by name (or ARN): every call re-reads
 * the engine, so the handle can be kept across virtual time and passed to {@code EcsAssertions.assertThat}. The
 * target group need not exist yet. Reads are not API calls: no fault applies and the clock does not move.
 *
 * <pre>{@code
 * EcsTargetGroupHandle web = prod.targetGroup("web-tg");
 * web.targets().get(0).targetHealth().stateAsString();   // "healthy"
 * assertThat(web).eventually(within(ofMinutes(5))).hasHealthyTargets(2);
 * }</pre>
 */
public class EcsTargetGroupHandle {

    private final FakeEcs ecs;
    private final String region;
    private final String nameOrArn;

    /** A handle on target group {@code nameOrArn} of {@code region} in {@code ecs}. */
    public EcsTargetGroupHandle(FakeEcs ecs, String region, String nameOrArn) {
        this.ecs = Objects.requireNonNull(ecs, "ecs");
        this.region = Objects.requireNonNull(region, "region");
        this.nameOrArn = Objects.requireNonNull(nameOrArn, "nameOrArn");
    }

    /** The world the target group lives in. */
    public FakeEcs ecs() {
        return ecs;
    }

    /** The target group's region. */
    public String region() {
        return region;
    }

    /** The target group's name (as given, or as the engine knows it once it exists). */
    public String name() {
        TargetGroup tg = describe();
        return tg == null ? nameOrArn : tg.targetGroupName();
    }

    /** The target group's ARN, or null while it does not exist. */
    public String arn() {
        TargetGroup tg = describe();
        return tg == null ? null : tg.targetGroupArn();
    }

    /** Whether the target group exists. */
    public boolean exists() {
        return describe() != null;
    }

    /**
     * The target group as DescribeTargetGroups shows it (settings, load balancer ARNs), or null if it does not
     * exist.
     *
     * <pre>{@code web.describe().healthCheckPath(); }</pre>
     */
    public TargetGroup describe() {
        return inspector().targetGroup(region, nameOrArn);
    }

    /**
     * Every registered target with its health, as DescribeTargetHealth shows them (draining ones included);
     * empty while the group does not exist.
     *
     * <pre>{@code web.targets().stream().map(t -> t.targetHealth().stateAsString()).toList(); }</pre>
     */
    public List<TargetHealthDescription> targets() {
        return inspector().read(() -> {
            TargetGroup tg = describe();
            return tg == null ? List.of() : inspector().targetHealth(region, tg.targetGroupArn());
        });
    }

    /** The targets in one state ({@code initial}, {@code healthy}, {@code unhealthy}, {@code draining}, {@code unused}...). */
    public List<TargetHealthDescription> targetsInState(String state) {
        return targets().stream().filter(t -> state.equals(t.targetHealth().stateAsString())).toList();
    }

    /**
     * The target group's traffic per virtual minute, oldest first (a day is kept): requests, target and load
     * balancer 5XX, healthy and unhealthy hosts, added up over the load balancers that forward to it. The
     * requests are the load the services behind it offer ({@code loadCurve(...)}); empty while the group does not
     * exist or no load balancer forwards to it.
     *
     * <pre>{@code web.traffic().stream().mapToLong(LoadBalancerMinute::requestCount).sum(); }</pre>
     */
    public List<LoadBalancerMinute> traffic() {
        return inspector().targetGroupTraffic(region, nameOrArn);
    }

    EngineInspector inspector() {
        return EngineInspector.of(ecs);
    }

    @Override
    public String toString() {
        return "target group " + nameOrArn + " (" + region + ")";
    }
}
