package dev.fakeecs.junit;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.junit.assertions.ApiCallsAssert;
import dev.fakeecs.junit.assertions.ClusterAssert;
import dev.fakeecs.junit.handle.EcsCallsHandle;
import dev.fakeecs.deployment.LifecycleHooks;
import dev.fakeecs.junit.assertions.AlarmAssert;
import dev.fakeecs.junit.assertions.LifecycleHooksAssert;
import dev.fakeecs.junit.assertions.ListenerRuleAssert;
import dev.fakeecs.junit.handle.EcsListenerRuleHandle;
import dev.fakeecs.junit.handle.EcsAlarmHandle;
import dev.fakeecs.junit.assertions.ContainerInstanceAssert;
import dev.fakeecs.junit.assertions.DeploymentAssert;
import dev.fakeecs.junit.assertions.EcsEventMatcher;
import dev.fakeecs.junit.assertions.EcsEventsAssert;
import dev.fakeecs.junit.assertions.JournalAssert;
import dev.fakeecs.junit.assertions.ServiceAssert;
import dev.fakeecs.junit.assertions.TargetGroupAssert;
import dev.fakeecs.junit.assertions.TaskAssert;
import dev.fakeecs.junit.assertions.WorldAssert;
import dev.fakeecs.junit.handle.EcsClusterHandle;
import dev.fakeecs.junit.handle.EcsContainerInstanceHandle;
import dev.fakeecs.junit.handle.EcsDeploymentHandle;
import dev.fakeecs.junit.handle.EcsServiceHandle;
import dev.fakeecs.junit.handle.EcsTargetGroupHandle;
import dev.fakeecs.junit.handle.EcsTaskHandle;
import dev.fakeecs.junit.handle.JournalWindow;
import org.assertj.core.api.Assertions;
import org.assertj.core.util.CheckReturnValue;

/**
 * The entry point of fake-ecs's AssertJ assertions. It extends AssertJ's {@link Assertions}, so one
 * static import gives both (and importing both is never ambiguous, {@code within(Duration)} included).
 *
 * <pre>{@code
 * import static dev.fakeecs.junit.EcsAssertions.*;
 *
 * assertThat(prod.service("orders"))
 *     .eventually(within(Duration.ofMinutes(10))).hasRunningCount(20)
 *     .isSteady().hasEvent("has reached a steady state.")
 *     .hasPrimaryDeployment().withRolloutState(DeploymentRolloutState.COMPLETED);
 * assertThat(prod.changesSince(mark)).hasStopped(3).withStopCode(TaskStopCode.SPOT_INTERRUPTION);
 * }</pre>
 *
 * <p>Every failure message follows AssertJ's layout ("Expecting ... but was: ...") and adds the
 * world's virtual time, its seed and the most recent journal lines about the subject. For soft
 * assertions use {@link EcsSoftAssertions}.
 */
public class EcsAssertions extends Assertions {

    protected EcsAssertions() {
    }

    /** Assertions on a whole world. */
    @CheckReturnValue
    public static WorldAssert assertThat(FakeEcs actual) {
        return new WorldAssert(actual);
    }

    /** Assertions on a cluster. */
    @CheckReturnValue
    public static ClusterAssert assertThat(EcsClusterHandle actual) {
        return new ClusterAssert(actual);
    }

    /** Assertions on a service. */
    @CheckReturnValue
    public static ServiceAssert assertThat(EcsServiceHandle actual) {
        return new ServiceAssert(actual);
    }

    /** Assertions on a task. */
    @CheckReturnValue
    public static TaskAssert assertThat(EcsTaskHandle actual) {
        return new TaskAssert(actual);
    }

    /** Assertions on a deployment. */
    @CheckReturnValue
    public static DeploymentAssert assertThat(EcsDeploymentHandle actual) {
        return new DeploymentAssert(actual);
    }

    /** Assertions on a container instance. */
    @CheckReturnValue
    public static ContainerInstanceAssert assertThat(EcsContainerInstanceHandle actual) {
        return new ContainerInstanceAssert(actual);
    }

    /**
     * Assertions on a world's ECS events in EventBridge's format ({@code ecs.events()}, or an injected
     * {@link dev.fakeecs.events.EcsEvents}).
     *
     * <pre>{@code assertThat(events).contains(taskStateChange().withStopCode("SpotInterruption")); }</pre>
     */
    @CheckReturnValue
    public static EcsEventsAssert assertThat(dev.fakeecs.events.EcsEvents actual) {
        return new EcsEventsAssert(actual);
    }

    /** Matches an {@code ECS Task State Change}; narrow it with {@code withStopCode}, {@code withLastStatus}, ... */
    public static EcsEventMatcher taskStateChange() {
        return EcsEventMatcher.taskStateChange();
    }

    /** Matches an {@code ECS Container Instance State Change}; narrow it with {@code withStatus}, ... */
    public static EcsEventMatcher containerInstanceStateChange() {
        return EcsEventMatcher.containerInstanceStateChange();
    }

    /** Matches an {@code ECS Service Action} with this {@code eventName}. */
    public static EcsEventMatcher serviceAction(String eventName) {
        return EcsEventMatcher.serviceAction(eventName);
    }

    /** Matches an {@code ECS Deployment State Change}; narrow it with {@code withEventName}, ... */
    public static EcsEventMatcher deploymentStateChange() {
        return EcsEventMatcher.deploymentStateChange();
    }

    /** Matches an {@code ECS Hook State Change}; narrow it with {@code withEventName}, ... */
    public static EcsEventMatcher hookStateChange() {
        return EcsEventMatcher.hookStateChange();
    }

    /**
     * Verifications of the API calls a world received (WireMock's {@code verify}).
     *
     * <pre>{@code
     * assertThat(prod.calls()).hasCalled(UpdateServiceRequest.class).withRequest(r -> r.desiredCount() == 4).once();
     * }</pre>
     */
    @CheckReturnValue
    public static ApiCallsAssert assertThat(EcsCallsHandle actual) {
        return new ApiCallsAssert(actual);
    }

    /** Assertions on the journal, whole or since a mark. */
    @CheckReturnValue
    public static JournalAssert assertThat(JournalWindow actual) {
        return new JournalAssert(actual);
    }

    /**
     * Assertions on a load balancer target group.
     *
     * <pre>{@code assertThat(prod.targetGroup("web-tg")).eventually(within(ofMinutes(5))).hasHealthyTargets(4); }</pre>
     */
    @CheckReturnValue
    public static TargetGroupAssert assertThat(EcsTargetGroupHandle actual) {
        return new TargetGroupAssert(actual);
    }
    /**
     * Assertions on a CloudWatch metric alarm.
     *
     * <pre>{@code assertThat(prod.alarm("shop-5xx")).eventually(within(ofMinutes(10))).isInAlarm(); }</pre>
     */
    @CheckReturnValue
    public static AlarmAssert assertThat(EcsAlarmHandle actual) {
        return new AlarmAssert(actual);
    }

    /**
     * Assertions on a world's lifecycle hook invocations.
     *
     * <pre>{@code assertThat(ecs.lifecycleHooks()).invoked(SMOKE_ARN).atStage("POST_SCALE_UP"); }</pre>
     */
    @CheckReturnValue
    public static LifecycleHooksAssert assertThat(LifecycleHooks actual) {
        return new LifecycleHooksAssert(actual);
    }
    /**
     * Assertions on a listener rule's forward weights.
     *
     * <pre>{@code assertThat(shop.productionListenerRule()).hasWeights("shop-blue", 90, "shop-green", 10); }</pre>
     */
    @CheckReturnValue
    public static ListenerRuleAssert assertThat(EcsListenerRuleHandle actual) {
        return new ListenerRuleAssert(actual);
    }
}
