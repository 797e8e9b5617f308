package dev.fakeecs.internal.capacity;

import dev.fakeecs.internal.error.EcsErrors;
import software.amazon.awssdk.services.ecs.model.CreateManagedInstancesProviderConfiguration;
import software.amazon.awssdk.services.ecs.model.InstanceLaunchTemplate;
import software.amazon.awssdk.services.ecs.model.InstanceLaunchTemplateUpdate;
import software.amazon.awssdk.services.ecs.model.InstanceRequirementsRequest;
import software.amazon.awssdk.services.ecs.model.ManagedInstancesNetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.ManagedInstancesProvider;
import software.amazon.awssdk.services.ecs.model.UpdateManagedInstancesProviderConfiguration;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of a {@code managedInstancesProvider} block (CreateCapacityProvider and UpdateCapacityProvider):
 * required members ({@code infrastructureRoleArn}, {@code instanceLaunchTemplate.ec2InstanceProfileArn},
 * {@code networkConfiguration} with subnets, {@code instanceRequirements.vCpuCount.min} and {@code memoryMiB.min}),
 * IAM ARN forms, ranges (vCPU and memory min not above max, {@code scaleInAfter} -1 or 0-3600, at most 400
 * allowed or excluded instance types, not both, at most 16 subnets and 5 security groups). Each answer is an
 * InvalidParameterException naming the member.
 *
 * <pre>{@code
 * ManagedInstancesProvider stored = ManagedInstancesValidation.create(request.managedInstancesProvider(), "123456789012");
 * }</pre>
 */
final class ManagedInstancesValidation {

    private static final Pattern ROLE = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/.+");
    private static final Pattern PROFILE = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:instance-profile/.+");
    private static final String P = "managedInstancesProvider.";
    private static final String T = P + "instanceLaunchTemplate.";

    private ManagedInstancesValidation() {
    }

    /** Checks a create block and returns it as ECS stores it (defaults filled in). */
    static ManagedInstancesProvider create(CreateManagedInstancesProviderConfiguration c) {
        role(c.infrastructureRoleArn());
        InstanceLaunchTemplate t = EcsErrors.require(c.instanceLaunchTemplate(), P + "instanceLaunchTemplate");
        profile(t.ec2InstanceProfileArn());
        network(EcsErrors.require(t.networkConfiguration(), T + "networkConfiguration"));
        requirements(EcsErrors.require(t.instanceRequirements(), T + "instanceRequirements"));
        scaleInAfter(c.infrastructureOptimization() == null ? null : c.infrastructureOptimization().scaleInAfter());
        return ManagedInstancesSettings.withDefaults(ManagedInstancesProvider.builder()
                .infrastructureRoleArn(c.infrastructureRoleArn())
                .instanceLaunchTemplate(t)
                .propagateTags(c.propagateTags())
                .infrastructureOptimization(c.infrastructureOptimization())
                .autoRepairConfiguration(c.autoRepairConfiguration())
                .build());
    }

    /** Checks an update block and returns the stored configuration with the update applied. */
    static ManagedInstancesProvider update(ManagedInstancesProvider current, UpdateManagedInstancesProviderConfiguration u) {
        role(u.infrastructureRoleArn());
        InstanceLaunchTemplateUpdate t = EcsErrors.require(u.instanceLaunchTemplate(), P + "instanceLaunchTemplate");
        InstanceLaunchTemplate.Builder merged = current.instanceLaunchTemplate().toBuilder();
        if (t.ec2InstanceProfileArn() != null) {
            profile(t.ec2InstanceProfileArn());
            merged.ec2InstanceProfileArn(t.ec2InstanceProfileArn());
        }
        if (t.networkConfiguration() != null) {
            network(t.networkConfiguration());
            merged.networkConfiguration(t.networkConfiguration());
        }
        if (t.instanceRequirements() != null) {
            requirements(t.instanceRequirements());
            merged.instanceRequirements(t.instanceRequirements());
        }
        if (t.storageConfiguration() != null) {
            merged.storageConfiguration(t.storageConfiguration());
        }
        if (t.localStorageConfiguration() != null) {
            merged.localStorageConfiguration(t.localStorageConfiguration());
        }
        if (t.monitoring() != null) {
            merged.monitoring(t.monitoring());
        }
        if (t.instanceMetadataTagsPropagation() != null) {
            merged.instanceMetadataTagsPropagation(t.instanceMetadataTagsPropagation());
        }
        if (t.capacityReservations() != null) {
            merged.capacityReservations(t.capacityReservations());
        }
        ManagedInstancesProvider.Builder b = current.toBuilder().infrastructureRoleArn(u.infrastructureRoleArn())
                .instanceLaunchTemplate(merged.build());
        if (u.propagateTags() != null) {
            b.propagateTags(u.propagateTags());
        }
        if (u.infrastructureOptimization() != null) {
            scaleInAfter(u.infrastructureOptimization().scaleInAfter());
            b.infrastructureOptimization(u.infrastructureOptimization());
        }
        if (u.autoRepairConfiguration() != null) {
            b.autoRepairConfiguration(u.autoRepairConfiguration());
        }
        return b.build();
    }

    private static void role(String arn) {
        EcsErrors.require(arn, P + "infrastructureRoleArn");
        if (!ROLE.matcher(arn).matches()) {
            throw EcsErrors.invalidParameter(P + "infrastructureRoleArn is not a valid IAM role ARN: " + arn + ".");
        }
    }

    private static void profile(String arn) {
        EcsErrors.require(arn, T + "ec2InstanceProfileArn");
        if (!PROFILE.matcher(arn).matches()) {
            throw EcsErrors.invalidParameter(T + "ec2InstanceProfileArn is not a valid IAM instance profile ARN: "
                    + arn + ".");
        }
    }

    private static void network(ManagedInstancesNetworkConfiguration n) {
        List<String> subnets = n.hasSubnets() ? n.subnets() : List.of();
        if (subnets.isEmpty()) {
            throw EcsErrors.invalidParameter(T + "networkConfiguration.subnets can not be null or empty.");
        }
        if (subnets.size() > 16) {
            throw EcsErrors.invalidParameter(T + "networkConfiguration.subnets can have at most 16 items.");
        }
        if (n.hasSecurityGroups() && n.securityGroups().size() > 5) {
            throw EcsErrors.invalidParameter(T + "networkConfiguration.securityGroups can have at most 5 items.");
        }
    }

    private static void requirements(InstanceRequirementsRequest r) {
        String base = T + "instanceRequirements.";
        EcsErrors.require(r.vCpuCount(), base + "vCpuCount");
        EcsErrors.require(r.memoryMiB(), base + "memoryMiB");
        range(base + "vCpuCount", r.vCpuCount().min(), r.vCpuCount().max());
        range(base + "memoryMiB", r.memoryMiB().min(), r.memoryMiB().max());
        int excluded = r.hasExcludedInstanceTypes() ? r.excludedInstanceTypes().size() : 0;
        int allowed = r.hasAllowedInstanceTypes() ? r.allowedInstanceTypes().size() : 0;
        if (excluded > 400) {
            throw EcsErrors.invalidParameter(base + "excludedInstanceTypes can have at most 400 items.");
        }
        if (allowed > 400) {
            throw EcsErrors.invalidParameter(base + "allowedInstanceTypes can have at most 400 items.");
        }
        if (excluded > 0 && allowed > 0) {
            throw EcsErrors.invalidParameter("You can specify either " + base + "allowedInstanceTypes or "
                    + base + "excludedInstanceTypes, but not both.");
        }
    }

    private static void range(String field, Integer min, Integer max) {
        if (min == null) {
            throw EcsErrors.invalidParameter(field + ".min can not be null or empty.");
        }
        if (min < 0) {
            throw EcsErrors.invalidParameter(field + ".min must be at least 0: " + min + ".");
        }
        if (max != null && max < min) {
            throw EcsErrors.invalidParameter(field + ".max must be greater than or equal to " + field + ".min.");
        }
    }

    private static void scaleInAfter(Integer seconds) {
        if (seconds != null && seconds != -1 && (seconds < 0 || seconds > 3600)) {
            throw EcsErrors.invalidParameter(P + "infrastructureOptimization.scaleInAfter must be -1 or between 0 "
                    + "and 3600: " + seconds + ".");
        }
    }
}
