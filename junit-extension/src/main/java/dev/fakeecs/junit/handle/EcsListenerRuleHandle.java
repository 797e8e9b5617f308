package dev.fakeecs.junit.handle;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.spi.EngineInspector;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A live handle on one load balancer listener rule (an ALB rule ARN, its listener's default rule included, or an
 * NLB listener ARN): its forward weights, re-read on every call, so the handle can be kept across virtual time and
 * passed to {@code EcsAssertions.assertThat}. What ECS blue/green, linear and canary deployments shift; a service's
 * rules come from {@link EcsServiceHandle#productionListenerRule()} and {@link EcsServiceHandle#testListenerRule()}.
 * Reads are not API calls.
 *
 * <pre>{@code
 * EcsListenerRuleHandle production = shop.productionListenerRule();
 * production.weights();   // {shop-blue=90, shop-green=10}
 * assertThat(production).eventually(within(ofMinutes(10))).hasWeights("shop-blue", 90, "shop-green", 10);
 * }</pre>
 */
public class EcsListenerRuleHandle {

    private final FakeEcs ecs;
    private final String region;
    private final String arn;

    /** A handle on rule {@code ruleOrListenerArn} of {@code region} in {@code ecs}. */
    public EcsListenerRuleHandle(FakeEcs ecs, String region, String ruleOrListenerArn) {
        this.ecs = Objects.requireNonNull(ecs, "ecs");
        this.region = Objects.requireNonNull(region, "region");
        this.arn = Objects.requireNonNull(ruleOrListenerArn, "ruleOrListenerArn");
    }

    /** The world the rule lives in. */
    public FakeEcs ecs() {
        return ecs;
    }

    /** The rule's ARN (or the NLB listener's). */
    public String arn() {
        return arn;
    }

    /** Whether the rule exists and forwards. */
    public boolean exists() {
        return !weightsByArn().isEmpty();
    }

    /** The forward weights, target group ARN to weight, in the forward action's order; empty when there is no such rule. */
    public Map<String, Integer> weightsByArn() {
        return EngineInspector.of(ecs).listenerRuleWeights(region, arn);
    }

    /** The forward weights by target group name ({@code shop-blue=90}), in the forward action's order. */
    public Map<String, Integer> weights() {
        Map<String, Integer> byName = new LinkedHashMap<>();
        weightsByArn().forEach((tg, w) -> byName.put(targetGroupName(tg), w));
        return byName;
    }

    /** {@code web-tg} for {@code arn:aws:elasticloadbalancing:...:targetgroup/web-tg/0123}; the value itself otherwise. */
    static String targetGroupName(String arn) {
        int at = arn.indexOf(":targetgroup/");
        if (at < 0) {
            return arn;
        }
        String rest = arn.substring(at + ":targetgroup/".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    @Override
    public String toString() {
        return "listener rule " + arn.substring(arn.lastIndexOf(':') + 1) + " (" + region + ")";
    }
}
