package dev.fakeecs.internal.capacity;

import software.amazon.awssdk.services.ecs.model.CapacityProvider;
import dev.fakeecs.clock.ScheduledEvent;
import software.amazon.awssdk.services.ecs.model.AutoScalingGroupProvider;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStatus;
import software.amazon.awssdk.services.ecs.model.CapacityProviderType;
import software.amazon.awssdk.services.ecs.model.ManagedDraining;
import software.amazon.awssdk.services.ecs.model.ManagedScaling;
import software.amazon.awssdk.services.ecs.model.ManagedScalingStatus;
import software.amazon.awssdk.services.ecs.model.ManagedTerminationProtection;
import software.amazon.awssdk.services.ecs.model.Tag;

import java.time.Instant;
import java.util.List;

/**
 * One capacity provider: FARGATE, FARGATE_SPOT (built in, reserved) or an Auto Scaling group
 * provider backed by a simulated {@link AutoScalingGroup}. Mutable engine state, changed only under
 * the engine lock.
 *
 * <pre>{@code
 * SimulatedCapacityProvider cp = capacityProviders.find("web-asg");
 * cp.isFargate();              // false
 * cp.targetCapacity();         // 100
 * cp.autoScalingGroup().desired();
 * }</pre>
 */
public final class SimulatedCapacityProvider {

    /** The managedScaling defaults ECS fills in. */
    public static final int DEFAULT_TARGET_CAPACITY = 100;
    public static final int DEFAULT_MIN_STEP = 1;
    public static final int DEFAULT_MAX_STEP = 10_000;
    public static final int DEFAULT_WARMUP_SECONDS = 300;

    private final String name;
    private final String arn;
    private final CapacityProviderType type;
    private final AutoScalingGroup autoScalingGroup;
    private final Instant createdAt;
    private String status = "ACTIVE";
    private String updateStatus;
    private String updateStatusReason;
    private boolean managedScaling;
    private int targetCapacity = DEFAULT_TARGET_CAPACITY;
    private int minimumScalingStepSize = DEFAULT_MIN_STEP;
    private int maximumScalingStepSize = DEFAULT_MAX_STEP;
    private int instanceWarmupPeriod = DEFAULT_WARMUP_SECONDS;
    private boolean managedTerminationProtection;
    private boolean managedDraining = true;
    private ScheduledEvent scaling;
    private ManagedInstancesSettings managedInstances;

    public SimulatedCapacityProvider(String name, String arn, CapacityProviderType type, AutoScalingGroup autoScalingGroup,
                            Instant createdAt) {
        this.name = name;
        this.arn = arn;
        this.type = type;
        this.autoScalingGroup = autoScalingGroup;
        this.createdAt = createdAt;
    }

    public String name() { return name; }
    public String arn() { return arn; }
    public CapacityProviderType type() { return type; }
    public Instant createdAt() { return createdAt; }

    /** FARGATE or FARGATE_SPOT. */
    public boolean isFargate() {
        return type == CapacityProviderType.FARGATE || type == CapacityProviderType.FARGATE_SPOT;
    }

    /** True for FARGATE_SPOT (and, for ASG providers, an ASG that launches Spot instances). */
    public boolean isSpot() {
        return type == CapacityProviderType.FARGATE_SPOT || (autoScalingGroup != null && autoScalingGroup.spot())
                || (managedInstances != null && managedInstances.spot());
    }

    /** True for an ECS Managed Instances provider. */
    public boolean isManagedInstances() {
        return type == CapacityProviderType.MANAGED_INSTANCES;
    }

    /** The configuration of a MANAGED_INSTANCES provider, or null for other types. */
    public ManagedInstancesSettings managedInstances() { return managedInstances; }
    void managedInstances(ManagedInstancesSettings settings) { this.managedInstances = settings; }

    /** The launch type of tasks on this provider: FARGATE, MANAGED_INSTANCES or EC2. */
    public String launchType() {
        if (isFargate()) {
            return "FARGATE";
        }
        return isManagedInstances() ? "MANAGED_INSTANCES" : "EC2";
    }

    /** The simulated ASG behind an EC2_AUTOSCALING provider, or null for Fargate. */
    public AutoScalingGroup autoScalingGroup() { return autoScalingGroup; }

    /** PROVISIONING, ACTIVE, DEPROVISIONING or INACTIVE. */
    public String status() { return status; }
    public void status(String status) { this.status = status; }
    public boolean isActive() { return "ACTIVE".equals(status); }

    public String updateStatus() { return updateStatus; }
    public String updateStatusReason() { return updateStatusReason; }
    public void updateStatus(String status, String reason) {
        this.updateStatus = status;
        this.updateStatusReason = reason;
    }

    public boolean managedScaling() { return managedScaling; }
    public void managedScaling(boolean enabled) { this.managedScaling = enabled; }
    public int targetCapacity() { return targetCapacity; }
    public void targetCapacity(int value) { this.targetCapacity = value; }
    public int minimumScalingStepSize() { return minimumScalingStepSize; }
    public void minimumScalingStepSize(int value) { this.minimumScalingStepSize = value; }
    public int maximumScalingStepSize() { return maximumScalingStepSize; }
    public void maximumScalingStepSize(int value) { this.maximumScalingStepSize = value; }
    public int instanceWarmupPeriod() { return instanceWarmupPeriod; }
    public void instanceWarmupPeriod(int seconds) { this.instanceWarmupPeriod = seconds; }
    public boolean managedTerminationProtection() { return managedTerminationProtection; }
    public void managedTerminationProtection(boolean enabled) { this.managedTerminationProtection = enabled; }
    public boolean managedDraining() { return managedDraining; }
    public void managedDraining(boolean enabled) { this.managedDraining = enabled; }

    /** The periodic managed-scaling evaluation, or null while managed scaling is off. */
    ScheduledEvent scalingEvent() { return scaling; }
    void scalingEvent(ScheduledEvent event) { this.scaling = event; }

    /** The SDK shape DescribeCapacityProviders returns. */
    public CapacityProvider toSdk(List<Tag> tags) {
        var builder = CapacityProvider.builder()
                .capacityProviderArn(arn)
                .name(name)
                .status(CapacityProviderStatus.fromValue(status))
                .type(type)
                .updateStatus(updateStatus)
                .updateStatusReason(updateStatusReason);
        if (autoScalingGroup != null) {
            builder.autoScalingGroupProvider(AutoScalingGroupProvider.builder()
                    .autoScalingGroupArn(autoScalingGroup.arn())
                    .managedScaling(ManagedScaling.builder()
                            .status(managedScaling ? ManagedScalingStatus.ENABLED : ManagedScalingStatus.DISABLED)
                            .targetCapacity(targetCapacity)
                            .minimumScalingStepSize(minimumScalingStepSize)
                            .maximumScalingStepSize(maximumScalingStepSize)
                            .instanceWarmupPeriod(instanceWarmupPeriod)
                            .build())
                    .managedTerminationProtection(managedTerminationProtection
                            ? ManagedTerminationProtection.ENABLED : ManagedTerminationProtection.DISABLED)
                    .managedDraining(managedDraining ? ManagedDraining.ENABLED : ManagedDraining.DISABLED)
                    .build());
        }
        if (managedInstances != null) {
            builder.cluster(managedInstances.cluster()).managedInstancesProvider(managedInstances.provider());
        }
        if (tags != null) {
            builder.tags(tags);
        }
        return builder.build();
    }

    @Override
    public String toString() {
        return "CapacityProvider[" + name + " " + type + " " + status + "]";
    }
}
