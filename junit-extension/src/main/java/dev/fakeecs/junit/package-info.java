/**
 * JUnit Jupiter support for fake-ecs: {@link dev.fakeecs.junit.EcsCluster} (or the programmatic
 * {@link dev.fakeecs.junit.EcsClusterExtension}) gives each test a deterministic fake ECS world,
 * {@link dev.fakeecs.junit.EcsAssertions} asserts on its desired state, and failures leave a report
 * under {@code target/fake-ecs-reports/}. Tests receive handles on the world from
 * {@link dev.fakeecs.junit.handle} ({@code EcsClusterHandle}, {@code EcsServiceHandle}, ...,
 * {@code Capacity}); the assertion classes are in {@link dev.fakeecs.junit.assertions}.
 *
 * <p>Most tests need three imports: {@code dev.fakeecs.junit.EcsCluster}, the handles of
 * {@code dev.fakeecs.junit.handle}, and {@code static dev.fakeecs.junit.EcsAssertions.*}.
 *
 * <pre>{@code
 * @EcsCluster(name = "prod", seed = 42)
 * class OrdersTest {
 *     @Test
 *     void scales_out_for_dinner(EcsClusterHandle prod) {
 *         EcsServiceHandle orders = prod.fargateService("orders", "acme/orders:1", 2);
 *         prod.scale("orders", 20);
 *         assertThat(orders).eventually(within(Duration.ofMinutes(10))).hasRunningCount(20).isSteady();
 *     }
 * }
 * }</pre>
 *
 * <h2>Waiting</h2>
 * Code the test drives itself waits in virtual time, deterministically and at once:
 * {@code assertThat(service).eventually(within(...))} or {@code clock.advanceUntil(condition, max)}.
 *
 * <p>Code under test that runs on <em>its own threads</em> (a controller, a scheduler, a message
 * listener) needs real time to run, while the fake needs virtual time to move. Use Awaitility, and
 * let each evaluation of the condition move the world forward a step:
 * <pre>{@code
 * await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10))
 *     .conditionEvaluationListener(condition -> clock.advance(Duration.ofSeconds(10)))
 *     .until(() -> orders.describe().runningCount() == 4);
 * }</pre>
 * Pick the step to match how often the code under test looks (a step much larger than its poll
 * interval can skip states it would have reacted to). Awaitility has no clock hook of its own, so its
 * {@code atMost} stays real time. Alternatively, run the world's server in realtime clock mode.
 *
 * <p>Code that sleeps and reads the system clock itself (a deploy script polling every 15 s) can be
 * made to see virtual time without changing it: see {@link dev.fakeecs.junit.time.VirtualTime}.
 */
package dev.fakeecs.junit;
