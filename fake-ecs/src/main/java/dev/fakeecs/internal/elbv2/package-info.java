/**
 * Elastic Load Balancing v2 simulated beside ECS: load balancers, target groups, listeners, rules, targets and
 * health checks, on the world's clock, lock, random source and journal. Entry point:
 * {@link dev.fakeecs.internal.elbv2.LoadBalancing} (the region's {@code ElasticLoadBalancingV2Client}); the
 * operations live in {@code LoadBalancers}, {@code TargetGroups}, {@code Listeners}, {@code Rules},
 * {@code Targets} and {@code ElbTags}, target health in {@code TargetHealthChecker}, ECS's view in
 * {@code TargetGroupsOfRegion}, traffic figures in {@link dev.fakeecs.internal.elbv2.LoadBalancerMetrics}.
 * See docs/fidelity.md ("Elastic Load Balancing v2") for what is simulated and what is only stored.
 */
package dev.fakeecs.internal.elbv2;
