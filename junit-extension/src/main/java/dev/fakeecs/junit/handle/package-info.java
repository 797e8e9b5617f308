/**
 * Live handles on what a test's world holds: {@link dev.fakeecs.junit.handle.EcsClusterHandle} (injected
 * by {@code @EcsCluster}; setup helpers and the region's API) leads to
 * {@link dev.fakeecs.junit.handle.EcsServiceHandle}, {@link dev.fakeecs.junit.handle.EcsTaskHandle},
 * {@link dev.fakeecs.junit.handle.EcsDeploymentHandle} and
 * {@link dev.fakeecs.junit.handle.EcsContainerInstanceHandle}, and to the region's load balancer target
 * groups, {@link dev.fakeecs.junit.handle.EcsTargetGroupHandle}, listener rules
 * ({@link dev.fakeecs.junit.handle.EcsListenerRuleHandle}, their forward weights) and CloudWatch alarms
 * ({@link dev.fakeecs.junit.handle.EcsAlarmHandle}); plus the values they deal in,
 * {@link dev.fakeecs.junit.handle.Capacity} and {@link dev.fakeecs.junit.handle.JournalWindow}.
 *
 * <p>A handle names a resource and re-reads the engine on every call, so it stays valid while
 * virtual time moves. {@code describe()} answers with the AWS SDK's model object, as the matching
 * Describe call would (null when the resource does not exist); pass handles to
 * {@code EcsAssertions.assertThat} to check them, now or eventually.
 *
 * <pre>{@code
 * EcsServiceHandle orders = prod.fargateService("orders", "acme/orders:1", 2);  // FARGATE, 256 CPU, 512 MiB
 * prod.clock().advance(Duration.ofMinutes(2));
 * orders.describe().runningCount();                   // 2
 * orders.tasks().get(0).describe().availabilityZone();
 * assertThat(orders).isSteady();
 * }</pre>
 */
package dev.fakeecs.junit.handle;
