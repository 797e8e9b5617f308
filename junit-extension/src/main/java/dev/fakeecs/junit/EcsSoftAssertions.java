package dev.fakeecs.junit;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.junit.assertions.ApiCallsAssert;
import dev.fakeecs.junit.assertions.ClusterAssert;
import dev.fakeecs.deployment.LifecycleHooks;
import dev.fakeecs.junit.assertions.AlarmAssert;
import dev.fakeecs.junit.assertions.LifecycleHooksAssert;
import dev.fakeecs.junit.assertions.ListenerRuleAssert;
import dev.fakeecs.junit.handle.EcsListenerRuleHandle;
import dev.fakeecs.junit.handle.EcsAlarmHandle;
import dev.fakeecs.junit.assertions.ContainerInstanceAssert;
import dev.fakeecs.junit.assertions.DeploymentAssert;
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
import org.assertj.core.api.SoftAssertions;

/**
 * Soft assertions for fake-ecs subjects (and everything {@link SoftAssertions} offers): every failed
 * check is collected and reported together.
 *
 * <pre>{@code
 * EcsSoftAssertions.softly(softly -> {
 *     softly.assertThat(orders).hasRunningCount(20);
 *     softly.assertThat(payments).isSteady();
 * });
 * }</pre>
 *
 * <p>Checks on the assertion returned by {@code assertThat} are soft; navigation
 * ({@code hasPrimaryDeployment()}, {@code tasks()}) returns ordinary, hard assertions.
 */
public class EcsSoftAssertions extends SoftAssertions {

    /** Runs {@code body} and fails with every collected error at the end. */
    public static void softly(java.util.function.Consumer<EcsSoftAssertions> body) {
        org.assertj.core.api.SoftAssertionsProvider.assertSoftly(EcsSoftAssertions.class, body);
    }

    public WorldAssert assertThat(FakeEcs actual) {
        return proxy(WorldAssert.class, FakeEcs.class, actual);
    }

    public ClusterAssert assertThat(EcsClusterHandle actual) {
        return proxy(ClusterAssert.class, EcsClusterHandle.class, actual);
    }

    public ServiceAssert assertThat(EcsServiceHandle actual) {
        return proxy(ServiceAssert.class, EcsServiceHandle.class, actual);
    }

    public TaskAssert assertThat(EcsTaskHandle actual) {
        return proxy(TaskAssert.class, EcsTaskHandle.class, actual);
    }

    public DeploymentAssert assertThat(EcsDeploymentHandle actual) {
        return proxy(DeploymentAssert.class, EcsDeploymentHandle.class, actual);
    }

    public ContainerInstanceAssert assertThat(EcsContainerInstanceHandle actual) {
        return proxy(ContainerInstanceAssert.class, EcsContainerInstanceHandle.class, actual);
    }

    public ApiCallsAssert assertThat(dev.fakeecs.junit.handle.EcsCallsHandle actual) {
        return proxy(ApiCallsAssert.class, dev.fakeecs.junit.handle.EcsCallsHandle.class, actual);
    }

    public JournalAssert assertThat(JournalWindow actual) {
        return proxy(JournalAssert.class, JournalWindow.class, actual);
    }

    public EcsEventsAssert assertThat(dev.fakeecs.events.EcsEvents actual) {
        return proxy(EcsEventsAssert.class, dev.fakeecs.events.EcsEvents.class, actual);
    }

    public TargetGroupAssert assertThat(EcsTargetGroupHandle actual) {
        return proxy(TargetGroupAssert.class, EcsTargetGroupHandle.class, actual);
    }
    public AlarmAssert assertThat(EcsAlarmHandle actual) {
        return proxy(AlarmAssert.class, EcsAlarmHandle.class, actual);
    }

    public LifecycleHooksAssert assertThat(LifecycleHooks actual) {
        return proxy(LifecycleHooksAssert.class, LifecycleHooks.class, actual);
    }
    public ListenerRuleAssert assertThat(EcsListenerRuleHandle actual) {
        return proxy(ListenerRuleAssert.class, EcsListenerRuleHandle.class, actual);
    }
}
