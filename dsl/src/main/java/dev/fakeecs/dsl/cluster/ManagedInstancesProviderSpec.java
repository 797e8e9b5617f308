package dev.fakeecs.dsl.cluster;

import dev.fakeecs.dsl.internal.Check;
import software.amazon.awssdk.services.ecs.model.CapacityOptionType;
import software.amazon.awssdk.services.ecs.model.CreateCapacityProviderRequest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An ECS Managed Instances capacity provider of a cluster: the subnets its instances go to, the vCPU and memory
 * ranges of its instance requirements, On-Demand or Spot, and how long an idle instance lives. ECS launches the
 * instances itself when tasks need room (see docs/managed-instances.md). Immutable.
 *
 * <pre>{@code
 * ManagedInstancesProviderSpec mi = ManagedInstancesProviderSpec.builder("mi")
 *     .subnets("subnet-us-east-1a", "subnet-us-east-1b").vCpus(2, 8).memoryMiB(4096, 32768)
 *     .spot().scaleInAfterSeconds(600)
 *     .build();
 * }</pre>
 */
public final class ManagedInstancesProviderSpec {

    private final String name;
    private final List<String> subnets;
    private final int minVCpus;
    private final Integer maxVCpus;
    private final int minMemoryMiB;
    private final Integer maxMemoryMiB;
    private final boolean spot;
    private final Integer scaleInAfterSeconds;
    private final String infrastructureRoleArn;
    private final String instanceProfileArn;

    private ManagedInstancesProviderSpec(Builder b) {
        this.name = b.name;
        this.subnets = List.copyOf(b.subnets);
        this.minVCpus = b.minVCpus;
        this.maxVCpus = b.maxVCpus;
        this.minMemoryMiB = b.minMemoryMiB;
        this.maxMemoryMiB = b.maxMemoryMiB;
        this.spot = b.spot;
        this.scaleInAfterSeconds = b.scaleInAfterSeconds;
        this.infrastructureRoleArn = b.infrastructureRoleArn;
        this.instanceProfileArn = b.instanceProfileArn;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() { return name; }
    public List<String> subnets() { return subnets; }
    public boolean spot() { return spot; }
    /** Seconds an idle instance lives; null: ECS's default; -1: never scaled in. */
    public Integer scaleInAfterSeconds() { return scaleInAfterSeconds; }

    /** The CreateCapacityProvider request for {@code cluster} (roles default to ones of {@code accountId}). */
    public CreateCapacityProviderRequest toRequest(String cluster, String accountId) {
        String role = infrastructureRoleArn != null ? infrastructureRoleArn
                : "arn:aws:iam::" + accountId + ":role/ecsInfrastructureRole";
        String profile = instanceProfileArn != null ? instanceProfileArn
                : "arn:aws:iam::" + accountId + ":instance-profile/ecsInstanceRole";
        return CreateCapacityProviderRequest.builder().name(name).cluster(cluster)
                .managedInstancesProvider(p -> p.infrastructureRoleArn(role)
                        .instanceLaunchTemplate(t -> t.ec2InstanceProfileArn(profile)
                                .networkConfiguration(n -> n.subnets(subnets))
                                .capacityOptionType(spot ? CapacityOptionType.SPOT : CapacityOptionType.ON_DEMAND)
                                .instanceRequirements(q -> q.vCpuCount(v -> v.min(minVCpus).max(maxVCpus))
                                        .memoryMiB(m -> m.min(minMemoryMiB).max(maxMemoryMiB))))
                        .infrastructureOptimization(o -> o.scaleInAfter(scaleInAfterSeconds)))
                .build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ManagedInstancesProviderSpec s && s.name.equals(name) && s.subnets.equals(subnets)
                && s.minVCpus == minVCpus && Objects.equals(s.maxVCpus, maxVCpus) && s.minMemoryMiB == minMemoryMiB
                && Objects.equals(s.maxMemoryMiB, maxMemoryMiB) && s.spot == spot
                && Objects.equals(s.scaleInAfterSeconds, scaleInAfterSeconds)
                && Objects.equals(s.infrastructureRoleArn, infrastructureRoleArn)
                && Objects.equals(s.instanceProfileArn, instanceProfileArn);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, subnets, minVCpus, maxVCpus, minMemoryMiB, maxMemoryMiB, spot);
    }

    @Override
    public String toString() {
        return "ManagedInstancesProvider[" + name + " " + subnets + (spot ? " spot" : "") + "]";
    }

    /** Builds a {@link ManagedInstancesProviderSpec}; {@link #build()} validates. */
    public static final class Builder {
        private final String name;
        private final List<String> subnets = new ArrayList<>();
        private int minVCpus = 1;
        private Integer maxVCpus;
        private int minMemoryMiB = 1024;
        private Integer maxMemoryMiB;
        private boolean spot;
        private Integer scaleInAfterSeconds;
        private String infrastructureRoleArn;
        private String instanceProfileArn;

        private Builder(String name) {
            this.name = name;
        }

        /** The subnets instances are launched in (a subnet id ending with a zone name is in that zone). */
        public Builder subnets(String... values) {
            subnets.clear();
            subnets.addAll(Arrays.asList(values));
            return this;
        }

        /** The vCPU range of the instance requirements (max null: no upper bound). */
        public Builder vCpus(int min, Integer max) { this.minVCpus = min; this.maxVCpus = max; return this; }

        /** The memory range (MiB) of the instance requirements (max null: no upper bound). */
        public Builder memoryMiB(int min, Integer max) { this.minMemoryMiB = min; this.maxMemoryMiB = max; return this; }

        /** Spot instances ({@code capacityOptionType SPOT}). */
        public Builder spot() { this.spot = true; return this; }

        /** Seconds an idle instance lives (0-3600, or -1: never scaled in). */
        public Builder scaleInAfterSeconds(int seconds) { this.scaleInAfterSeconds = seconds; return this; }

        public Builder infrastructureRoleArn(String arn) { this.infrastructureRoleArn = arn; return this; }

        public Builder instanceProfileArn(String arn) { this.instanceProfileArn = arn; return this; }

        public ManagedInstancesProviderSpec build() {
            String spec = "managed instances provider " + name;
            Check.notBlank("managedInstancesProvider", "name", name);
            Check.that(name.matches("[A-Za-z0-9_-]{1,255}"), spec, "name", name,
                    "must be 1-255 letters, digits, hyphens or underscores");
            Check.that(!subnets.isEmpty(), spec, "subnets", subnets, "must name at least one subnet");
            Check.that(minVCpus >= 0 && (maxVCpus == null || maxVCpus >= minVCpus), spec, "vCpus",
                    minVCpus + ".." + maxVCpus, "min must be 0 or more and not above max");
            Check.that(minMemoryMiB >= 0 && (maxMemoryMiB == null || maxMemoryMiB >= minMemoryMiB), spec,
                    "memoryMiB", minMemoryMiB + ".." + maxMemoryMiB, "min must be 0 or more and not above max");
            if (scaleInAfterSeconds != null) {
                Check.that(scaleInAfterSeconds == -1 || (scaleInAfterSeconds >= 0 && scaleInAfterSeconds <= 3600),
                        spec, "scaleInAfterSeconds", scaleInAfterSeconds, "must be -1 or between 0 and 3600");
            }
            return new ManagedInstancesProviderSpec(this);
        }
    }
}
