/**
 * Elastic Load Balancing v2 simulated beside ECS: load balancers, target groups, listeners, rules, targets and
 * health checks, on the world's clock, lock, random source and journal. Entry point:
 * {@link dev.fakeecs.internal.elbv2.LoadBalancing}.
 */
package dev.fakeecs.internal.elbv2;
