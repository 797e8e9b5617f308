/**
 * Clusters and their capacity: {@link dev.fakeecs.dsl.cluster.ClusterSpec} (settings, capacity providers,
 * default strategy, EC2 host groups), {@link dev.fakeecs.dsl.cluster.CapacityProvider} (FARGATE,
 * FARGATE_SPOT or an Auto Scaling group provider) and {@link dev.fakeecs.dsl.cluster.AutoScalingGroupSpec}.
 *
 * <pre>{@code
 * world().cluster("prod", c -> c.capacityProviders(FARGATE, FARGATE_SPOT)
 *     .defaultStrategy(FARGATE.base(2).weight(1), FARGATE_SPOT.weight(4))
 *     .ec2Hosts("g4dn.xlarge", 2, "us-east-1a", "us-east-1b")
 *     .autoScalingGroup("pool", g -> g.instanceType("m5.large").min(0).max(10).managedScaling(100)))
 * }</pre>
 */
package dev.fakeecs.dsl.cluster;
