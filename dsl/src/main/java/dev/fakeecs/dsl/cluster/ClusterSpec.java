package dev.fakeecs.dsl.cluster;

import dev.fakeecs.dsl.internal.Check;
import dev.fakeecs.dsl.spec.InvalidSpecException;
import dev.fakeecs.spi.EngineSetup;
import software.amazon.awssdk.services.ecs.model.ClusterSetting;
import software.amazon.awssdk.services.ecs.model.ClusterSettingName;
import software.amazon.awssdk.services.ecs.model.CreateClusterRequest;
import software.amazon.awssdk.services.ecs.model.Tag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A cluster as {@code aws ecs create-cluster} declares it, plus the capacity behind it: simulated
 * EC2 hosts, Auto Scaling groups (each with its capacity provider) and Spot draining. Immutable;
 * {@link #toBuilder()} makes variants.
 *
 * <pre>{@code
 * import static dev.fakeecs.dsl.Ecs.*;
 * ClusterSpec prod = ClusterSpec.builder("food-delivery-prod")
 *     .containerInsights(true)
 *     .capacityProviders(FARGATE, FARGATE_SPOT)
 *     .defaultStrategy(FARGATE.base(2).weight(1), FARGATE_SPOT.weight(4))
 *     .ec2Hosts("g4dn.xlarge", 2, "us-east-1a", "us-east-1b")
 *     .build();
 * }</pre>
 */
public final class ClusterSpec {

    private static final Set<String> INSIGHTS = Set.of("enabled", "disabled", "enhanced");

    private final String name;
    private final String region;
    private final String containerInsights;
    private final List<String> capacityProviders;
    private final List<StrategyItem> defaultStrategy;
    private final List<HostGroup> hostGroups;
    private final List<AutoScalingGroupSpec> autoScalingGroups;
    private final Boolean spotDraining;
    private final Map<String, String> tags;
    private final List<ManagedInstancesProviderSpec> managedInstancesProviders;
    private final List<DaemonSpec> daemons;

    private ClusterSpec(Builder b) {
        this.managedInstancesProviders = List.copyOf(b.managedInstancesProviders);
        this.daemons = List.copyOf(b.daemons);
        this.name = b.name;
        this.region = b.region;
        this.containerInsights = b.containerInsights;
        this.capacityProviders = List.copyOf(b.capacityProviders);
        this.defaultStrategy = List.copyOf(b.defaultStrategy);
        this.hostGroups = List.copyOf(b.hostGroups);
        this.autoScalingGroups = List.copyOf(b.autoScalingGroups);
        this.spotDraining = b.spotDraining;
        this.tags = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.tags));
    }

    /** A builder for a cluster of this name. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    public Builder toBuilder() {
        Builder b = new Builder(name);
        b.region = region;
        b.containerInsights = containerInsights;
        b.capacityProviders.addAll(capacityProviders);
        b.defaultStrategy.addAll(defaultStrategy);
        b.hostGroups.addAll(hostGroups);
        b.autoScalingGroups.addAll(autoScalingGroups);
        b.spotDraining = spotDraining;
        b.tags.putAll(tags);
        b.managedInstancesProviders.addAll(managedInstancesProviders);
        b.daemons.addAll(daemons);
        return b;
    }

    public String name() { return name; }
    /** The region, or null for the world's default region. */
    public String region() { return region; }
    /** {@code enabled}, {@code disabled}, {@code enhanced}, or null when not set. */
    public String containerInsights() { return containerInsights; }
    /** Declared providers followed by the Auto Scaling group providers, without duplicates. */
    public List<String> capacityProviders() {
        Set<String> all = new LinkedHashSet<>(capacityProviders);
        autoScalingGroups.forEach(g -> all.add(g.name()));
        managedInstancesProviders.forEach(p -> all.add(p.name()));
        return List.copyOf(all);
    }

    /** The ECS Managed Instances capacity providers (created after the cluster, which they belong to). */
    public List<ManagedInstancesProviderSpec> managedInstancesProviders() { return managedInstancesProviders; }

    /** The ECS Managed Daemons of the cluster. */
    public List<DaemonSpec> daemons() { return daemons; }
    public List<StrategyItem> defaultStrategy() { return defaultStrategy; }
    public List<HostGroup> hostGroups() { return hostGroups; }
    public List<AutoScalingGroupSpec> autoScalingGroups() { return autoScalingGroups; }
    /** Whether the ECS agent drains a Spot host on its interruption notice; null = engine default. */
    public Boolean spotDraining() { return spotDraining; }
    public Map<String, String> tags() { return tags; }

    /** The CreateCluster request (capacity providers of the Auto Scaling groups included). */
    public CreateClusterRequest toRequest() {
        CreateClusterRequest.Builder b = CreateClusterRequest.builder().clusterName(name);
        if (containerInsights != null) {
            b.settings(ClusterSetting.builder().name(ClusterSettingName.CONTAINER_INSIGHTS).value(containerInsights)
                    .build());
        }
        List<String> providers = new java.util.ArrayList<>(capacityProviders());
        List<String> managed = managedInstancesProviders.stream().map(ManagedInstancesProviderSpec::name).toList();
        providers.removeAll(managed);   // they need the cluster first; PutClusterCapacityProviders adds them
        if (!providers.isEmpty()) {
            b.capacityProviders(providers);
        }
        if (!defaultStrategy.isEmpty() && defaultStrategy.stream().noneMatch(i -> managed.contains(i.capacityProvider()))) {
            b.defaultCapacityProviderStrategy(defaultStrategy.stream().map(StrategyItem::toSdk).toList());
        }
        if (!tags.isEmpty()) {
            b.tags(tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                    .toList());
        }
        return b.build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClusterSpec c && c.name.equals(name) && Objects.equals(c.region, region)
                && Objects.equals(c.containerInsights, containerInsights)
                && c.capacityProviders.equals(capacityProviders) && c.defaultStrategy.equals(defaultStrategy)
                && c.hostGroups.equals(hostGroups) && c.autoScalingGroups.equals(autoScalingGroups)
                && Objects.equals(c.spotDraining, spotDraining) && c.tags.equals(tags)
                && c.managedInstancesProviders.equals(managedInstancesProviders) && c.daemons.equals(daemons);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, region, capacityProviders, defaultStrategy, hostGroups);
    }

    @Override
    public String toString() {
        return "Cluster[" + name + ", providers=" + capacityProviders() + ", strategy=" + defaultStrategy
                + ", hosts=" + hostGroups + "]";
    }

    /** Builds a {@link ClusterSpec}; {@link #build()} validates. */
    public static final class Builder {
        private final String name;
        private String region;
        private String containerInsights;
        private final List<String> capacityProviders = new ArrayList<>();
        private final List<StrategyItem> defaultStrategy = new ArrayList<>();
        private final List<HostGroup> hostGroups = new ArrayList<>();
        private final List<AutoScalingGroupSpec> autoScalingGroups = new ArrayList<>();
        private Boolean spotDraining;
        private final Map<String, String> tags = new LinkedHashMap<>();
        private final List<ManagedInstancesProviderSpec> managedInstancesProviders = new ArrayList<>();
        private final List<DaemonSpec> daemons = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        /** The region this cluster lives in (default: the world's first region). */
        public Builder region(String value) { this.region = value; return this; }

        /** The containerInsights cluster setting: {@code enabled} / {@code disabled}. */
        public Builder containerInsights(boolean enabled) {
            this.containerInsights = enabled ? "enabled" : "disabled";
            return this;
        }

        /** The containerInsights cluster setting: {@code enabled}, {@code disabled} or {@code enhanced}. */
        public Builder containerInsights(String value) { this.containerInsights = value; return this; }

        /** Replaces the cluster's capacity providers. */
        public Builder capacityProviders(CapacityProvider... providers) {
            capacityProviders.clear();
            Arrays.stream(providers).map(CapacityProvider::name).forEach(capacityProviders::add);
            return this;
        }

        /** Replaces the cluster's capacity providers, by name. */
        public Builder capacityProviders(String... providers) {
            capacityProviders.clear();
            capacityProviders.addAll(Arrays.asList(providers));
            return this;
        }

        /** Replaces the default capacity provider strategy. */
        public Builder defaultStrategy(StrategyItem... items) {
            defaultStrategy.clear();
            defaultStrategy.addAll(Arrays.asList(items));
            return this;
        }

        /**
         * Adds {@code count} EC2 hosts of {@code instanceType} in total, spread round-robin over the
         * listed zones in order (no zones: every zone of the region). {@code ec2Hosts("g4dn.xlarge", 2,
         * "us-east-1a", "us-east-1b")} launches one host in each zone; use {@link #ec2HostsPerZone} for
         * {@code count} hosts in each zone.
         */
        public Builder ec2Hosts(String instanceType, int count, String... zones) {
            hostGroups.add(new HostGroup(instanceType, count, List.of(zones), false));
            return this;
        }

        /** Adds {@code countPerZone} EC2 hosts of {@code instanceType} in each listed zone. */
        public Builder ec2HostsPerZone(String instanceType, int countPerZone, String... zones) {
            hostGroups.add(new HostGroup(instanceType, countPerZone, List.of(zones), true));
            return this;
        }

        /** Adds an Auto Scaling group; its capacity provider joins the cluster's providers. */
        public Builder autoScalingGroup(AutoScalingGroupSpec group) {
            autoScalingGroups.add(Objects.requireNonNull(group, "group"));
            return this;
        }

        /** Adds an Auto Scaling group declared in place. */
        public Builder autoScalingGroup(String name, Consumer<AutoScalingGroupSpec.Builder> group) {
            AutoScalingGroupSpec.Builder b = AutoScalingGroupSpec.builder(name);
            group.accept(b);
            return autoScalingGroup(b.build());
        }

        /** Adds an ECS Managed Instances capacity provider; it joins the cluster's providers. */
        public Builder managedInstancesProvider(ManagedInstancesProviderSpec provider) {
            managedInstancesProviders.add(Objects.requireNonNull(provider, "provider"));
            return this;
        }

        /** Adds an ECS Managed Instances capacity provider declared in place. */
        public Builder managedInstancesProvider(String name, Consumer<ManagedInstancesProviderSpec.Builder> provider) {
            ManagedInstancesProviderSpec.Builder b = ManagedInstancesProviderSpec.builder(name);
            provider.accept(b);
            return managedInstancesProvider(b.build());
        }

        /** Adds an ECS Managed Daemon on some of the cluster's Managed Instances providers. */
        public Builder daemon(DaemonSpec daemon) {
            daemons.add(Objects.requireNonNull(daemon, "daemon"));
            return this;
        }

        /** Adds an ECS Managed Daemon declared in place. */
        public Builder daemon(String name, Consumer<DaemonSpec.Builder> daemon) {
            DaemonSpec.Builder b = DaemonSpec.builder(name);
            daemon.accept(b);
            return daemon(b.build());
        }

        /** ECS_ENABLE_SPOT_INSTANCE_DRAINING on the cluster's hosts. */
        public Builder spotDraining(boolean enabled) { this.spotDraining = enabled; return this; }

        public Builder tag(String key, String value) { tags.put(key, value); return this; }

        public ClusterSpec build() {
            String spec = "cluster " + name;
            Check.notBlank("cluster", "clusterName", name);
            Check.that(name.matches("[A-Za-z0-9_-]{1,255}"), spec, "clusterName", name,
                    "must be 1-255 letters, digits, hyphens or underscores");
            if (containerInsights != null) {
                Check.that(INSIGHTS.contains(containerInsights), spec, "settings.containerInsights",
                        containerInsights, "must be one of enabled, disabled, enhanced");
            }
            Set<String> asgNames = new LinkedHashSet<>();
            for (int i = 0; i < autoScalingGroups.size(); i++) {
                String asg = autoScalingGroups.get(i).name();
                Check.that(asgNames.add(asg), spec, "autoScalingGroups[" + i + "].name", asg,
                        "each Auto Scaling group needs its own name");
            }
            Set<String> providers = new LinkedHashSet<>(capacityProviders);
            Check.that(providers.size() == capacityProviders.size(), spec, "capacityProviders", capacityProviders,
                    "must not contain duplicates");
            providers.addAll(asgNames);
            Set<String> managed = new LinkedHashSet<>();
            for (int i = 0; i < managedInstancesProviders.size(); i++) {
                String p = managedInstancesProviders.get(i).name();
                Check.that(managed.add(p) && !providers.contains(p), spec, "managedInstancesProviders[" + i + "].name",
                        p, "each capacity provider needs its own name");
            }
            providers.addAll(managed);
            Set<String> daemonNames = new LinkedHashSet<>();
            for (int i = 0; i < daemons.size(); i++) {
                DaemonSpec d = daemons.get(i);
                Check.that(daemonNames.add(d.name()), spec, "daemons[" + i + "].name", d.name(),
                        "each daemon needs its own name");
                for (String p : d.capacityProviders()) {
                    Check.that(managed.contains(p), spec, "daemons[" + i + "].capacityProviders", p,
                            "must be one of the cluster's Managed Instances providers " + managed);
                }
            }
            StrategyRules.check(spec, "defaultStrategy", defaultStrategy);
            for (int i = 0; i < defaultStrategy.size(); i++) {
                String p = defaultStrategy.get(i).capacityProvider();
                if (!providers.contains(p)) {
                    throw new InvalidSpecException(spec, "defaultStrategy[" + i + "].capacityProvider", p,
                            "must be one of the cluster's capacity providers " + providers);
                }
            }
            for (int i = 0; i < hostGroups.size(); i++) {
                HostGroup g = hostGroups.get(i);
                Check.that(g.instanceType() != null && EngineSetup.instanceTypes().contains(g.instanceType()), spec,
                        "ec2Hosts[" + i + "].instanceType", g.instanceType(),
                        "must be an EC2 instance type fake-ecs knows (see dev.fakeecs.spi.EngineSetup.instanceTypes())");
                Check.range(spec, "ec2Hosts[" + i + "].count", g.count(), 1, Integer.MAX_VALUE);
            }
            tags.forEach((k, v) -> Check.that(k != null && !k.isEmpty() && k.length() <= 128, spec, "tags.key", k,
                    "must be 1-128 characters"));
            return new ClusterSpec(this);
        }
    }
}
