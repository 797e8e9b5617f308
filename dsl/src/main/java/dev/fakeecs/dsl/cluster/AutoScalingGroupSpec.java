package dev.fakeecs.dsl.cluster;

import dev.fakeecs.dsl.internal.Check;
import dev.fakeecs.spi.EngineSetup;
import software.amazon.awssdk.services.ecs.model.AutoScalingGroupProvider;
import software.amazon.awssdk.services.ecs.model.CreateCapacityProviderRequest;
import software.amazon.awssdk.services.ecs.model.ManagedDraining;
import software.amazon.awssdk.services.ecs.model.ManagedScaling;
import software.amazon.awssdk.services.ecs.model.ManagedScalingStatus;
import software.amazon.awssdk.services.ecs.model.ManagedTerminationProtection;

import java.util.List;
import java.util.Objects;

/**
 * An EC2 Auto Scaling group and the capacity provider that fronts it (both named {@link #name()}).
 * Immutable; {@link #toBuilder()} makes variants.
 *
 * <pre>{@code
 * AutoScalingGroupSpec gpu = AutoScalingGroupSpec.builder("gpu-spot")
 *     .instanceType("g4dn.xlarge").spot().min(0).max(6).desired(2)
 *     .zones("us-east-1a", "us-east-1b").managedScaling(100)
 *     .build();
 * }</pre>
 */
public final class AutoScalingGroupSpec {

    private final String name;
    private final String instanceType;
    private final int min;
    private final int max;
    private final int desired;
    private final boolean spot;
    private final List<String> zones;
    private final Integer managedScalingTarget;
    private final boolean managedTerminationProtection;
    private final boolean managedDraining;

    private AutoScalingGroupSpec(Builder b) {
        this.name = b.name;
        this.instanceType = b.instanceType;
        this.min = b.min;
        this.max = b.max;
        this.desired = b.desired == null ? b.min : b.desired;
        this.spot = b.spot;
        this.zones = List.copyOf(b.zones);
        this.managedScalingTarget = b.managedScalingTarget;
        this.managedTerminationProtection = b.managedTerminationProtection;
        this.managedDraining = b.managedDraining;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public Builder toBuilder() {
        Builder b = new Builder(name);
        b.instanceType = instanceType;
        b.min = min;
        b.max = max;
        b.desired = desired;
        b.spot = spot;
        b.zones = zones;
        b.managedScalingTarget = managedScalingTarget;
        b.managedTerminationProtection = managedTerminationProtection;
        b.managedDraining = managedDraining;
        return b;
    }

    public String name() { return name; }
    public String instanceType() { return instanceType; }
    public int min() { return min; }
    public int max() { return max; }
    public int desired() { return desired; }
    /** True: Spot instances (interruptible); false: on-demand. */
    public boolean spot() { return spot; }
    /** The zones the group spans; empty means every zone of the region. */
    public List<String> zones() { return zones; }
    /** Managed scaling target capacity in percent, or null when managed scaling is off. */
    public Integer managedScalingTarget() { return managedScalingTarget; }
    public boolean managedTerminationProtection() { return managedTerminationProtection; }
    public boolean managedDraining() { return managedDraining; }

    /** The hosts launched when the world starts: {@link #desired()} spread over the zones. */
    public HostGroup initialHosts() {
        return new HostGroup(instanceType, desired, zones, false, name);
    }

    /** The CreateCapacityProvider request for this group, fronting the group with that ARN. */
    public CreateCapacityProviderRequest toRequest(String autoScalingGroupArn) {
        ManagedScaling scaling = managedScalingTarget == null
                ? ManagedScaling.builder().status(ManagedScalingStatus.DISABLED).build()
                : ManagedScaling.builder().status(ManagedScalingStatus.ENABLED).targetCapacity(managedScalingTarget)
                        .build();
        return CreateCapacityProviderRequest.builder()
                .name(name)
                .autoScalingGroupProvider(AutoScalingGroupProvider.builder()
                        .autoScalingGroupArn(autoScalingGroupArn)
                        .managedScaling(scaling)
                        .managedTerminationProtection(managedTerminationProtection
                                ? ManagedTerminationProtection.ENABLED : ManagedTerminationProtection.DISABLED)
                        .managedDraining(managedDraining ? ManagedDraining.ENABLED : ManagedDraining.DISABLED)
                        .build())
                .build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AutoScalingGroupSpec s && s.name.equals(name) && s.instanceType.equals(instanceType)
                && s.min == min && s.max == max && s.desired == desired && s.spot == spot && s.zones.equals(zones)
                && Objects.equals(s.managedScalingTarget, managedScalingTarget)
                && s.managedTerminationProtection == managedTerminationProtection
                && s.managedDraining == managedDraining;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, instanceType, min, max, desired, spot, zones, managedScalingTarget);
    }

    @Override
    public String toString() {
        return "AutoScalingGroup[" + name + ", " + instanceType + (spot ? " spot" : " on-demand") + ", min=" + min
                + ", desired=" + desired + ", max=" + max + "]";
    }

    /** Builds an {@link AutoScalingGroupSpec}; {@link #build()} validates. */
    public static final class Builder {
        private final String name;
        private String instanceType = "m5.large";
        private int min;
        private int max = 1;
        private Integer desired;
        private boolean spot;
        private List<String> zones = List.of();
        private Integer managedScalingTarget = 100;
        private boolean managedTerminationProtection;
        private boolean managedDraining = true;

        private Builder(String name) {
            this.name = name;
        }

        public Builder instanceType(String value) { this.instanceType = value; return this; }
        public Builder min(int value) { this.min = value; return this; }
        public Builder max(int value) { this.max = value; return this; }
        public Builder desired(int value) { this.desired = value; return this; }
        /** Spot instances. */
        public Builder spot() { this.spot = true; return this; }
        /** On-demand instances (the default). */
        public Builder onDemand() { this.spot = false; return this; }
        public Builder zones(String... value) { this.zones = List.of(value); return this; }
        /** Managed scaling on, keeping the group at {@code targetCapacityPercent} utilisation (default 100). */
        public Builder managedScaling(int targetCapacityPercent) { this.managedScalingTarget = targetCapacityPercent; return this; }
        /** Managed scaling off: the group stays at its desired size unless a test changes it. */
        public Builder noManagedScaling() { this.managedScalingTarget = null; return this; }
        public Builder managedTerminationProtection(boolean value) { this.managedTerminationProtection = value; return this; }
        public Builder managedDraining(boolean value) { this.managedDraining = value; return this; }

        public AutoScalingGroupSpec build() {
            String spec = "autoScalingGroup " + name;
            Check.notBlank("autoScalingGroup", "name", name);
            Check.that(name.matches("[A-Za-z0-9_-]{1,255}") && !name.startsWith("aws") && !name.startsWith("ecs")
                            && !name.startsWith("fargate") && !name.startsWith("FARGATE"),
                    spec, "name", name, "must be 1-255 letters, digits, '-' or '_' and not start with aws, ecs or fargate");
            Check.that(instanceType != null && EngineSetup.instanceTypes().contains(instanceType), spec, "instanceType", instanceType,
                    "must be an EC2 instance type fake-ecs knows (see dev.fakeecs.spi.EngineSetup.instanceTypes())");
            Check.range(spec, "min", min, 0, Integer.MAX_VALUE);
            Check.that(max >= min, spec, "max", max, "must be at least min (" + min + ")");
            if (desired != null) {
                Check.that(desired >= min && desired <= max, spec, "desired", desired,
                        "must be between min (" + min + ") and max (" + max + ")");
            }
            if (managedScalingTarget != null) {
                Check.range(spec, "managedScaling.targetCapacity", managedScalingTarget, 1, 100);
            }
            Check.that(!managedTerminationProtection || managedScalingTarget != null, spec,
                    "managedTerminationProtection", true, "requires managed scaling to be enabled");
            return new AutoScalingGroupSpec(this);
        }
    }
}
