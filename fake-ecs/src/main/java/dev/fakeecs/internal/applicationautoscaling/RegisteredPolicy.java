package dev.fakeecs.internal.applicationautoscaling;

import software.amazon.awssdk.services.applicationautoscaling.model.StepScalingPolicyConfiguration;
import software.amazon.awssdk.services.applicationautoscaling.model.TargetTrackingScalingPolicyConfiguration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One scaling policy of a scalable target: target tracking (with the two alarms it created and owns) or step
 * scaling (invoked by the user's alarms that name its ARN in their actions). Mutable, under the engine lock.
 *
 * <pre>{@code
 * RegisteredPolicy p = new RegisteredPolicy("cpu60", arn, "TargetTrackingScaling", now);
 * p.targetTracking = config;
 * }</pre>
 */
final class RegisteredPolicy {

    final String name;
    final String arn;
    final String type;
    final Instant created;
    TargetTrackingScalingPolicyConfiguration targetTracking;
    StepScalingPolicyConfiguration step;
    /** The target tracking alarms: high first, then low (empty for step scaling). */
    final List<String> alarmNames = new ArrayList<>();
    Instant lastStepAt;

    RegisteredPolicy(String name, String arn, String type, Instant created) {
        this.name = name;
        this.arn = arn;
        this.type = type;
        this.created = created;
    }

    boolean isTargetTracking() {
        return "TargetTrackingScaling".equals(type);
    }

    String highAlarm() {
        return alarmNames.isEmpty() ? null : alarmNames.get(0);
    }

    String lowAlarm() {
        return alarmNames.size() < 2 ? null : alarmNames.get(1);
    }

    boolean scaleInDisabled() {
        return targetTracking != null && Boolean.TRUE.equals(targetTracking.disableScaleIn());
    }

    int scaleOutCooldown() {
        return targetTracking != null && targetTracking.scaleOutCooldown() != null
                ? targetTracking.scaleOutCooldown() : ApplicationAutoScaling.DEFAULT_COOLDOWN;
    }

    int scaleInCooldown() {
        return targetTracking != null && targetTracking.scaleInCooldown() != null
                ? targetTracking.scaleInCooldown() : ApplicationAutoScaling.DEFAULT_COOLDOWN;
    }

    int stepCooldown() {
        return step != null && step.cooldown() != null ? step.cooldown() : ApplicationAutoScaling.DEFAULT_COOLDOWN;
    }
}
