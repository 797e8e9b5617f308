package dev.fakeecs.internal.cluster;

import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.ClusterConfiguration;
import software.amazon.awssdk.services.ecs.model.ClusterServiceConnectDefaults;
import software.amazon.awssdk.services.ecs.model.ClusterSetting;

import java.util.ArrayList;
import java.util.List;

/**
 * One ECS cluster: its name, status, settings, configuration, capacity providers and default
 * capacity provider strategy. Counters (tasks, services, instances) are derived from the other
 * domains when the cluster is described. Mutable engine state, changed only under the engine lock.
 */
public final class SimulatedCluster {

    private final String name;
    private final String arn;
    private String status = "ACTIVE";
    private List<ClusterSetting> settings = new ArrayList<>();
    private ClusterConfiguration configuration;
    private ClusterServiceConnectDefaults serviceConnectDefaults;
    private List<String> capacityProviders = new ArrayList<>();
    private List<CapacityProviderStrategyItem> defaultStrategy = new ArrayList<>();
    private boolean spotInstanceDraining;

    public SimulatedCluster(String name, String arn) {
        this.name = name;
        this.arn = arn;
    }

    public String name() {
        return name;
    }

    public String arn() {
        return arn;
    }

    /** ACTIVE or INACTIVE (after DeleteCluster). */
    public String status() {
        return status;
    }

    public void status(String status) {
        this.status = status;
    }

    public boolean isActive() {
        return "ACTIVE".equals(status);
    }

    public List<ClusterSetting> settings() {
        return settings;
    }

    public void settings(List<ClusterSetting> settings) {
        this.settings = new ArrayList<>(settings);
    }

    public ClusterConfiguration configuration() {
        return configuration;
    }

    public void configuration(ClusterConfiguration configuration) {
        this.configuration = configuration;
    }

    public ClusterServiceConnectDefaults serviceConnectDefaults() {
        return serviceConnectDefaults;
    }

    public void serviceConnectDefaults(ClusterServiceConnectDefaults defaults) {
        this.serviceConnectDefaults = defaults;
    }

    /** Names of the capacity providers associated with the cluster, in the order given. */
    public List<String> capacityProviders() {
        return capacityProviders;
    }

    public void capacityProviders(List<String> names) {
        this.capacityProviders = new ArrayList<>(names);
    }

    public List<CapacityProviderStrategyItem> defaultStrategy() {
        return defaultStrategy;
    }

    public void defaultStrategy(List<CapacityProviderStrategyItem> strategy) {
        this.defaultStrategy = new ArrayList<>(strategy);
    }

    /**
     * Whether EC2 Spot interruption notices put this cluster's instances into DRAINING (the agent's
     * {@code ECS_ENABLE_SPOT_INSTANCE_DRAINING}; default false, as on a real agent).
     */
    public boolean spotInstanceDraining() {
        return spotInstanceDraining;
    }

    public void spotInstanceDraining(boolean enabled) {
        this.spotInstanceDraining = enabled;
    }

    @Override
    public String toString() {
        return "Cluster[" + name + " " + status + "]";
    }
}
