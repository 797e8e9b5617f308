/**
 * The AssertJ assertions behind {@link dev.fakeecs.junit.EcsAssertions#assertThat}: one class per
 * subject ({@link dev.fakeecs.junit.assertions.WorldAssert}, {@code ClusterAssert},
 * {@code ServiceAssert}, {@code TasksAssert}, {@code TaskAssert}, {@code DeploymentAssert},
 * {@code ContainerInstanceAssert}, {@code TargetGroupAssert}, {@code JournalAssert}, {@code ServiceDeploymentAssert}
 * (the latest DescribeServiceDeployments entry: lifecycle stage, status, traffic weight, alarms, rollback),
 * {@code AlarmAssert}, {@code ListenerRuleAssert}, {@code LifecycleHooksAssert}), with navigation between them
 * ({@code service(..)}, {@code hasPrimaryDeployment()}, {@code deployment()}, {@code tasks()}, {@code returnTo...()}).
 * Most users only need the static import of {@code EcsAssertions}.
 *
 * <p>Checks read the subject as the ECS API describes it, under the engine lock and without an API
 * call; {@code eventually(within(..))} re-checks after every event while moving the virtual clock up
 * to the deadline. Failure messages add the virtual time, the seed and the recent journal lines
 * about the subject. The classes are non-final with public constructors, for soft assertions and
 * your own subclasses ({@link dev.fakeecs.junit.assertions.AbstractEcsAssert}).
 *
 * <pre>{@code
 * import static dev.fakeecs.junit.EcsAssertions.*;
 *
 * assertThat(prod).service("orders").eventually(within(Duration.ofMinutes(5))).hasRunningCount(4).isSteady()
 *     .hasPrimaryDeployment().withRolloutState(DeploymentRolloutState.COMPLETED);
 * assertThat(prod.changesSince(mark)).hasStopped(2).withStopCode(TaskStopCode.SPOT_INTERRUPTION);
 * assertThat(prod.service("shop")).deployment().eventually().isInStage(ServiceDeploymentLifecycleStage.POST_TEST_TRAFFIC_SHIFT);
 * assertThat(prod.alarm("shop-5xx")).eventually(within(Duration.ofMinutes(10))).isInAlarm();
 * }</pre>
 */
package dev.fakeecs.junit.assertions;
