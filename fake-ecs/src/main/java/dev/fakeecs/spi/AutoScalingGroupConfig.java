package dev.fakeecs.spi;

import java.util.List;

/**
 * A simulated EC2 Auto Scaling group as {@link EngineSetup#putAutoScalingGroup} creates it. The
 * fake has no Auto Scaling API: a group made here is what a capacity provider's
 * {@code autoScalingGroupArn} points at.
 *
 * <pre>{@code
 * AutoScalingGroupConfig gpu = new AutoScalingGroupConfig("gpu-pool", "g4dn.xlarge", 0, 8, 8,
 *         List.of("us-east-1a", "us-east-1b"), false, "food-delivery-prod");
 * String arn = EngineSetup.of(ecs).putAutoScalingGroup("us-east-1", gpu);
 * }</pre>
 *
 * @param name              the group name (1-255 characters, no spaces or colons)
 * @param instanceType      an EC2 instance type from {@link EngineSetup#instanceTypes()}
 * @param min               the minimum size
 * @param max               the maximum size
 * @param desired           the desired size (min..max); this many instances launch and boot for
 *                          {@link EngineSetup#AUTO_SCALING_GROUP_BOOT_DELAY}
 * @param availabilityZones the zones instances are spread over round-robin; empty means every zone
 *                          of the region
 * @param spot              true: Spot instances (interruptible); false: On-Demand
 * @param cluster           the cluster the hosts register with unless the group's capacity provider
 *                          is attached to another one; null: {@code default}
 */
public record AutoScalingGroupConfig(String name, String instanceType, int min, int max, int desired,
                                     List<String> availabilityZones, boolean spot, String cluster) {

    public AutoScalingGroupConfig {
        availabilityZones = availabilityZones == null ? List.of() : List.copyOf(availabilityZones);
    }
}
