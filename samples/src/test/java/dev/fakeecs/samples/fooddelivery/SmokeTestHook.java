package dev.fakeecs.samples.fooddelivery;

import dev.fakeecs.deployment.LifecycleHookFunction;
import java.util.Map;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

/**
 * A blue/green lifecycle hook as a team would write it for AWS Lambda: at POST_TEST_TRAFFIC_SHIFT it finds the
 * target group the test listener rule now sends all test traffic to and checks that at least {@code minHealthy}
 * (from the hook's {@code hookDetails}) of its targets are healthy; until they are it answers IN_PROGRESS (ECS asks
 * again after {@code callBackDelay}), after {@code maxAttempts} it answers FAILED, which rolls the deployment back.
 * It uses the Elastic Load Balancing v2 client it is given, so the same class runs against AWS and the fake.
 */
final class SmokeTestHook implements LifecycleHookFunction {

    private final ElasticLoadBalancingV2Client elb;
    private final String testRuleArn;
    private int attempts;

    SmokeTestHook(ElasticLoadBalancingV2Client elb, String testRuleArn) {
        this.elb = elb;
        this.testRuleArn = testRuleArn;
    }

    @Override
    public Map<String, Object> invoke(Map<String, Object> payload) {
        Map<?, ?> details = (Map<?, ?>) payload.get("hookDetails");
        int minHealthy = ((Number) details.get("minHealthy")).intValue();
        int maxAttempts = ((Number) details.get("maxAttempts")).intValue();
        attempts++;
        String testGroup = elb.describeRules(r -> r.ruleArns(testRuleArn)).rules().get(0).actions().get(0)
                .forwardConfig().targetGroups().stream().filter(t -> t.weight() != null && t.weight() > 0)
                .map(TargetGroupTuple::targetGroupArn).findFirst().orElse(null);
        if (testGroup == null) {
            return Map.of("hookStatus", "FAILED");
        }
        long healthy = elb.describeTargetHealth(r -> r.targetGroupArn(testGroup)).targetHealthDescriptions().stream()
                .filter(t -> "healthy".equals(t.targetHealth().stateAsString())).count();
        if (healthy >= minHealthy) {
            return Map.of("hookStatus", "SUCCEEDED");
        }
        return attempts >= maxAttempts ? Map.of("hookStatus", "FAILED")
                : Map.of("hookStatus", "IN_PROGRESS", "callBackDelay", 20);
    }

    int attempts() {
        return attempts;
    }
}
