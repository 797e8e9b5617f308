package dev.fakeecs.internal.applicationautoscaling;

import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.applicationautoscaling.model.SuspendedState;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One ECS service registered as a scalable target ({@code service/{cluster}/{service}},
 * {@code ecs:service:DesiredCount}): bounds, suspended state, tags, its policies and scheduled actions, and when
 * it last scaled (for cooldowns). Mutable; the region's {@link ApplicationAutoScaling} guards it with the engine
 * lock.
 *
 * <pre>{@code
 * RegisteredTarget t = new RegisteredTarget("service/prod/orders", "prod", "orders", arn, now);
 * t.minCapacity = 2; t.maxCapacity = 20;
 * }</pre>
 */
final class RegisteredTarget {

    final String resourceId;
    final String cluster;
    final String service;
    final String arn;
    final Instant created;
    int minCapacity;
    int maxCapacity;
    String roleArn;
    boolean scalingInSuspended;
    boolean scalingOutSuspended;
    boolean scheduledSuspended;
    final Map<String, String> tags = new LinkedHashMap<>();
    final Map<String, RegisteredPolicy> policies = new LinkedHashMap<>();
    final Map<String, ScheduledActionRecord> scheduledActions = new LinkedHashMap<>();
    Instant lastScaleOut;
    int lastScaleOutTo;
    Instant lastScaleOutCooldownEnd;
    Instant lastScaleIn;
    Instant lastScaleInCooldownEnd;

    RegisteredTarget(String resourceId, String cluster, String service, String arn, Instant created) {
        this.resourceId = resourceId;
        this.cluster = cluster;
        this.service = service;
        this.arn = arn;
        this.created = created;
    }

    ScalableTarget render() {
        return ScalableTarget.builder()
                .serviceNamespace("ecs")
                .resourceId(resourceId)
                .scalableDimension(ApplicationAutoScaling.DIMENSION)
                .minCapacity(minCapacity)
                .maxCapacity(maxCapacity)
                .roleARN(roleArn)
                .creationTime(created)
                .suspendedState(SuspendedState.builder()
                        .dynamicScalingInSuspended(scalingInSuspended)
                        .dynamicScalingOutSuspended(scalingOutSuspended)
                        .scheduledScalingSuspended(scheduledSuspended).build())
                .scalableTargetARN(arn)
                .build();
    }
}
