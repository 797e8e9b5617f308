package dev.fakeecs.internal.capacity;

import software.amazon.awssdk.services.ecs.model.AutoRepairActionsStatus;
import software.amazon.awssdk.services.ecs.model.CapacityOptionType;
import software.amazon.awssdk.services.ecs.model.InstanceLaunchTemplate;
import software.amazon.awssdk.services.ecs.model.InstanceRequirementsRequest;
import software.amazon.awssdk.services.ecs.model.ManagedInstancesMonitoringOptions;
import software.amazon.awssdk.services.ecs.model.ManagedInstancesProvider;

import java.time.Duration;
import java.util.List;

/**
 * The configuration of an ECS Managed Instances capacity provider as ECS stores and returns it
 * ({@code managedInstancesProvider}, with ECS's defaults filled in: monitoring BASIC, capacityOptionType
 * ON_DEMAND), and what the simulation reads from it. Immutable; UpdateCapacityProvider replaces it.
 *
 * <pre>{@code
 * ManagedInstancesSettings s = provider.managedInstances();
 * s.subnets();            // [subnet-us-east-1a, subnet-us-east-1b]
 * s.scaleInAfter();       // PT5M when the request left it null
 * }</pre>
 *
 * @param cluster  the cluster the provider belongs to
 * @param provider the stored configuration
 */
public record ManagedInstancesSettings(String cluster, ManagedInstancesProvider provider) {

    /** The idle delay when {@code infrastructureOptimization.scaleInAfter} is null (UNCONFIRMED rule). */
    public static final Duration DEFAULT_SCALE_IN_AFTER = Duration.ofSeconds(300);

    /** The provider's subnets, in request order. */
    public List<String> subnets() {
        InstanceLaunchTemplate t = provider.instanceLaunchTemplate();
        return t.networkConfiguration() == null || !t.networkConfiguration().hasSubnets() ? List.of()
                : t.networkConfiguration().subnets();
    }

    /** The instance requirements (vCPU and memory ranges at least). */
    public InstanceRequirementsRequest requirements() {
        return provider.instanceLaunchTemplate().instanceRequirements();
    }

    /** True when instances are launched as Spot. */
    public boolean spot() {
        return provider.instanceLaunchTemplate().capacityOptionType() == CapacityOptionType.SPOT;
    }

    /** How long an instance without tasks lives, or null when infrastructure optimization is off (-1). */
    public Duration scaleInAfter() {
        Integer seconds = provider.infrastructureOptimization() == null ? null
                : provider.infrastructureOptimization().scaleInAfter();
        if (seconds == null) {
            return DEFAULT_SCALE_IN_AFTER;
        }
        return seconds < 0 ? null : Duration.ofSeconds(seconds);
    }

    /** True unless {@code autoRepairConfiguration.actionsStatus} is DISABLED. */
    public boolean autoRepair() {
        return provider.autoRepairConfiguration() == null
                || provider.autoRepairConfiguration().actionsStatus() != AutoRepairActionsStatus.DISABLED;
    }

    /** The configuration with ECS's defaults filled in. */
    static ManagedInstancesProvider withDefaults(ManagedInstancesProvider p) {
        InstanceLaunchTemplate t = p.instanceLaunchTemplate();
        InstanceLaunchTemplate.Builder b = t.toBuilder();
        if (t.monitoring() == null) {
            b.monitoring(ManagedInstancesMonitoringOptions.BASIC);
        }
        if (t.capacityOptionType() == null) {
            b.capacityOptionType(CapacityOptionType.ON_DEMAND);
        }
        return p.toBuilder().instanceLaunchTemplate(b.build()).build();
    }
}
