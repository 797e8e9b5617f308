package dev.fakeecs.internal.elbv2;

import dev.fakeecs.internal.targets.ForwardRule;
import dev.fakeecs.internal.targets.Target;
import dev.fakeecs.internal.targets.TargetGroupDirectory;
import dev.fakeecs.internal.targets.TargetGroupInfo;
import dev.fakeecs.internal.targets.TargetHealth;
import dev.fakeecs.internal.targets.TargetHealthListener;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;

/**
 * The region's target groups as ECS sees them ({@link TargetGroupDirectory}): the same registrations, drains
 * and health as the ELB API's, without its request validation (ECS registers the targets it runs), and the
 * forward weights of listener rules ({@link ForwardWeights}) that blue/green-family deployments shift. Called
 * by ECS under the engine lock.
 *
 * <pre>{@code
 * ecs.publishTargetGroups(new TargetGroupsOfRegion(resources, health));
 * }</pre>
 */
final class TargetGroupsOfRegion implements TargetGroupDirectory {

    private final ElbResources resources;
    private final TargetHealthChecker health;
    private final ForwardWeights weights;

    TargetGroupsOfRegion(ElbResources resources, TargetHealthChecker health) {
        this.resources = resources;
        this.health = health;
        this.weights = new ForwardWeights(resources);
    }

    @Override
    public TargetGroupInfo find(String targetGroupArn) {
        TargetGroupRecord tg = targetGroupArn == null ? null : resources.targetGroups.get(targetGroupArn);
        if (tg == null) {
            return null;
        }
        return new TargetGroupInfo(tg.arn, tg.name, tg.targetType,
                new ArrayList<>(resources.loadBalancersUsing(tg.arn)), tg.deregistrationDelay());
    }

    @Override
    public void register(String targetGroupArn, Target target) {
        TargetGroupRecord tg = resources.targetGroups.get(targetGroupArn);
        if (tg == null) {
            throw ElbErrors.targetGroupNotFound(targetGroupArn);
        }
        String zone = "instance".equals(tg.targetType) ? health.applications().instanceZone(target.id())
                : health.applications().answer(target).availabilityZone();
        health.register(tg, target, zone);
    }

    @Override
    public Instant deregister(String targetGroupArn, Target target) {
        TargetGroupRecord tg = resources.targetGroups.get(targetGroupArn);
        return tg == null ? null : health.deregister(tg, target);
    }

    @Override
    public TargetHealth health(String targetGroupArn, Target target) {
        TargetGroupRecord tg = resources.targetGroups.get(targetGroupArn);
        RegisteredTarget t = tg == null ? null : tg.targets.get(target);
        return t == null ? TargetHealth.NOT_REGISTERED : health.reported(tg, t);
    }

    @Override
    public void addListener(TargetHealthListener listener) {
        health.addListener(listener);
    }

    @Override
    public ForwardRule forwardRule(String ruleOrListenerArn) {
        return weights.find(ruleOrListenerArn);
    }

    @Override
    public void forwardWeights(String ruleOrListenerArn, Map<String, Integer> weights) {
        this.weights.rewrite(ruleOrListenerArn, weights);
    }
}
