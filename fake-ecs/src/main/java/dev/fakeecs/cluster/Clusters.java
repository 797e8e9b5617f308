package dev.fakeecs.cluster;

import dev.fakeecs.arn.Arns;
import dev.fakeecs.error.EcsErrors;
import dev.fakeecs.journal.JournalEventType;
import dev.fakeecs.paging.Page;
import dev.fakeecs.region.RegionState;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.ClusterSetting;
import software.amazon.awssdk.services.ecs.model.CreateClusterRequest;
import software.amazon.awssdk.services.ecs.model.CreateClusterResponse;
import software.amazon.awssdk.services.ecs.model.DeleteClusterRequest;
import software.amazon.awssdk.services.ecs.model.DeleteClusterResponse;
import software.amazon.awssdk.services.ecs.model.DescribeClustersRequest;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.ListClustersRequest;
import software.amazon.awssdk.services.ecs.model.ListClustersResponse;
import software.amazon.awssdk.services.ecs.model.PutClusterCapacityProvidersRequest;
import software.amazon.awssdk.services.ecs.model.PutClusterCapacityProvidersResponse;
import software.amazon.awssdk.services.ecs.model.UpdateClusterRequest;
import software.amazon.awssdk.services.ecs.model.UpdateClusterResponse;
import software.amazon.awssdk.services.ecs.model.UpdateClusterSettingsRequest;
import software.amazon.awssdk.services.ecs.model.UpdateClusterSettingsResponse;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The clusters of one region: CreateCluster, DescribeClusters, ListClusters, UpdateCluster,
 * UpdateClusterSettings, PutClusterCapacityProviders and DeleteCluster, and the lookup every
 * other domain uses ({@link #resolve(String)}; an omitted cluster means {@code default}).
 *
 * <pre>{@code
 * ecs.api().createCluster(r -> r.clusterName("prod").capacityProviders("FARGATE", "FARGATE_SPOT"));
 * Cluster prod = ecs.defaultRegion().state().clusters().resolve("prod");
 * }</pre>
 */
public final class Clusters {

    /** The cluster an omitted {@code cluster} parameter means. */
    public static final String DEFAULT_CLUSTER = "default";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");

    private final RegionState state;
    private final Map<String, Cluster> byName = new LinkedHashMap<>();
    private final ClusterRenderer renderer;

    public Clusters(RegionState state) {
        this.state = state;
        this.renderer = new ClusterRenderer(state);
    }

    /**
     * The ACTIVE cluster a request names (name or ARN; null or empty means {@code default}).
     *
     * @throws software.amazon.awssdk.services.ecs.model.ClusterNotFoundException if there is none
     */
    public Cluster resolve(String nameOrArn) {
        Cluster cluster = find(nameOrArn);
        if (cluster == null || !cluster.isActive()) {
            throw EcsErrors.clusterNotFound();
        }
        return cluster;
    }

    /** The cluster of that name or ARN in any status, or null. */
    public Cluster find(String nameOrArn) {
        String name = nameOf(nameOrArn);
        return byName.get(name);
    }

    /** The cluster, created ACTIVE if it does not exist yet (how the ECS agent joins {@code default}). */
    public Cluster getOrCreate(String nameOrArn) {
        Cluster cluster = find(nameOrArn);
        if (cluster != null && cluster.isActive()) {
            return cluster;
        }
        return create(nameOf(nameOrArn));
    }

    /** All clusters ever created in this region, ACTIVE and INACTIVE, in creation order. */
    public List<Cluster> all() {
        return List.copyOf(byName.values());
    }

    private String nameOf(String nameOrArn) {
        if (nameOrArn == null || nameOrArn.isBlank()) {
            return DEFAULT_CLUSTER;
        }
        if (Arns.isArn(nameOrArn)) {
            if (!"cluster".equals(Arns.resourceType(nameOrArn))) {
                throw EcsErrors.invalidParameter("Invalid cluster ARN: " + nameOrArn);
            }
            return Arns.lastSegment(nameOrArn);
        }
        return nameOrArn;
    }

    private Cluster create(String name) {
        if (!NAME.matcher(name).matches()) {
            throw EcsErrors.invalidParameter("clusterName: Cluster name can only contain letters, numbers, "
                    + "hyphens and underscores, and be 1-255 characters long. Got: " + name);
        }
        long active = byName.values().stream().filter(Cluster::isActive).count();
        if (active >= state.world().quotas().clustersPerRegion()) {
            throw EcsErrors.limitExceeded("The maximum number of clusters (" + state.world().quotas()
                    .clustersPerRegion() + ") has been reached for this account in " + state.name() + ".");
        }
        Cluster cluster = new Cluster(name, state.arns().cluster(name));
        cluster.settings(List.of(ClusterSetting.builder().name("containerInsights").value("disabled").build()));
        byName.remove(name);
        byName.put(name, cluster);
        state.record(JournalEventType.CLUSTER, cluster.arn(), "status", "ACTIVE");
        return cluster;
    }

    public CreateClusterResponse createCluster(CreateClusterRequest request) {
        String name = request.clusterName() == null || request.clusterName().isEmpty()
                ? DEFAULT_CLUSTER : request.clusterName();
        Cluster existing = byName.get(name);
        if (existing != null && existing.isActive()) {
            // Real ECS answers CreateCluster for an existing ACTIVE cluster with that cluster, unchanged.
            return CreateClusterResponse.builder().cluster(renderer.render(existing, EnumSet.noneOf(ClusterField.class)))
                    .build();
        }
        state.tags().validate(request.tags());
        ClusterSettingsValidator.validate(request.settings());
        List<String> providers = request.hasCapacityProviders() ? request.capacityProviders() : List.of();
        List<CapacityProviderStrategyItem> strategy = request.hasDefaultCapacityProviderStrategy()
                ? request.defaultCapacityProviderStrategy() : List.of();
        ClusterCapacityValidator.validate(state, providers, strategy);
        Cluster cluster = create(name);
        if (request.hasSettings()) {
            cluster.settings(ClusterSettingsValidator.merge(cluster.settings(), request.settings()));
        }
        cluster.configuration(request.configuration());
        cluster.capacityProviders(providers);
        cluster.defaultStrategy(strategy);
        if (request.serviceConnectDefaults() != null) {
            cluster.serviceConnectDefaults(software.amazon.awssdk.services.ecs.model.ClusterServiceConnectDefaults
                    .builder().namespace(request.serviceConnectDefaults().namespace()).build());
        }
        if (request.hasTags()) {
            state.tags().put(cluster.arn(), request.tags());
        }
        return CreateClusterResponse.builder()
                .cluster(renderer.render(cluster, EnumSet.of(ClusterField.SETTINGS, ClusterField.CONFIGURATIONS,
                        ClusterField.TAGS)))
                .build();
    }

    public DeleteClusterResponse deleteCluster(DeleteClusterRequest request) {
        EcsErrors.require(request.cluster(), "cluster");
        Cluster cluster = resolve(request.cluster());
        if (!state.containerInstances().inCluster(cluster.name()).isEmpty()) {
            throw EcsErrors.of("ClusterContainsContainerInstancesException",
                    "The Cluster cannot be deleted while Container Instances are active or draining.");
        }
        if (state.services().activeServiceCount(cluster.name(), null) > 0
                || state.services().drainingServiceCount(cluster.name(), null) > 0) {
            throw EcsErrors.of("ClusterContainsServicesException",
                    "The Cluster cannot be deleted while Services are active.");
        }
        if (!state.tasks().activeInCluster(cluster.name()).isEmpty()) {
            throw EcsErrors.of("ClusterContainsTasksException",
                    "The Cluster cannot be deleted while Tasks are active.");
        }
        cluster.status("INACTIVE");
        state.record(JournalEventType.CLUSTER, cluster.arn(), "status", "INACTIVE");
        return DeleteClusterResponse.builder()
                .cluster(renderer.render(cluster, EnumSet.of(ClusterField.SETTINGS, ClusterField.CONFIGURATIONS)))
                .build();
    }

    public DescribeClustersResponse describeClusters(DescribeClustersRequest request) {
        List<String> names = request.hasClusters() && !request.clusters().isEmpty()
                ? request.clusters() : List.of(DEFAULT_CLUSTER);
        if (names.size() > 100) {
            throw EcsErrors.invalidParameter("clusters can have at most 100 items.");
        }
        Set<ClusterField> include = EnumSet.noneOf(ClusterField.class);
        if (request.hasInclude()) {
            for (String field : request.includeAsStrings()) {
                ClusterField f = ClusterField.fromValue(field);
                if (f == ClusterField.UNKNOWN_TO_SDK_VERSION) {
                    throw EcsErrors.invalidParameter("include: unknown value " + field + "; valid values are "
                            + ClusterField.knownValues());
                }
                include.add(f);
            }
        }
        List<software.amazon.awssdk.services.ecs.model.Cluster> found = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String requested : names) {
            Cluster cluster = find(requested);
            if (cluster == null) {
                String arn = Arns.isArn(requested) ? requested : state.arns().cluster(requested);
                failures.add(Failure.builder().arn(arn).reason("MISSING").build());
            } else {
                found.add(renderer.render(cluster, include));
            }
        }
        return DescribeClustersResponse.builder().clusters(found).failures(failures).build();
    }

    public ListClustersResponse listClusters(ListClustersRequest request) {
        List<String> arns = byName.values().stream().filter(Cluster::isActive).map(Cluster::arn).toList();
        Page<String> page = Page.of(arns, request.nextToken(), request.maxResults(), 100, "ListClusters");
        return ListClustersResponse.builder().clusterArns(page.items()).nextToken(page.nextToken()).build();
    }

    public UpdateClusterResponse updateCluster(UpdateClusterRequest request) {
        EcsErrors.require(request.cluster(), "cluster");
        Cluster cluster = resolve(request.cluster());
        if (request.hasSettings()) {
            ClusterSettingsValidator.validate(request.settings());
            cluster.settings(ClusterSettingsValidator.merge(cluster.settings(), request.settings()));
        }
        if (request.configuration() != null) {
            cluster.configuration(request.configuration());
        }
        if (request.serviceConnectDefaults() != null) {
            cluster.serviceConnectDefaults(software.amazon.awssdk.services.ecs.model.ClusterServiceConnectDefaults
                    .builder().namespace(request.serviceConnectDefaults().namespace()).build());
        }
        state.record(JournalEventType.CLUSTER, cluster.arn(), "updated", "configuration");
        return UpdateClusterResponse.builder()
                .cluster(renderer.render(cluster, EnumSet.of(ClusterField.SETTINGS, ClusterField.CONFIGURATIONS)))
                .build();
    }

    public UpdateClusterSettingsResponse updateClusterSettings(UpdateClusterSettingsRequest request) {
        EcsErrors.require(request.cluster(), "cluster");
        if (!request.hasSettings() || request.settings().isEmpty()) {
            throw EcsErrors.invalidParameter("settings can not be null or empty.");
        }
        Cluster cluster = resolve(request.cluster());
        ClusterSettingsValidator.validate(request.settings());
        cluster.settings(ClusterSettingsValidator.merge(cluster.settings(), request.settings()));
        for (ClusterSetting s : request.settings()) {
            state.record(JournalEventType.CLUSTER, cluster.arn(), "setting", s.nameAsString(), "value", s.value());
        }
        return UpdateClusterSettingsResponse.builder()
                .cluster(renderer.render(cluster, EnumSet.of(ClusterField.SETTINGS)))
                .build();
    }

    /** Whether a service of the cluster that is not INACTIVE names the provider in its capacity provider strategy. */
    private boolean serviceUses(String clusterName, String provider) {
        for (var service : state.services().inCluster(clusterName)) {
            for (CapacityProviderStrategyItem item : service.capacityProviderStrategy()) {
                if (provider.equals(item.capacityProvider())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * PutClusterCapacityProviders: replaces the cluster's providers and default strategy. A provider
     * may not be removed while a task runs on it or a service's strategy names it
     * ({@code ResourceInUseException}).
     */
    public PutClusterCapacityProvidersResponse putClusterCapacityProviders(PutClusterCapacityProvidersRequest request) {
        EcsErrors.require(request.cluster(), "cluster");
        if (!request.hasCapacityProviders()) {
            throw EcsErrors.invalidParameter("capacityProviders can not be null.");
        }
        if (!request.hasDefaultCapacityProviderStrategy()) {
            throw EcsErrors.invalidParameter("defaultCapacityProviderStrategy can not be null.");
        }
        Cluster cluster = resolve(request.cluster());
        ClusterCapacityValidator.validate(state, request.capacityProviders(), request.defaultCapacityProviderStrategy());
        for (String removed : cluster.capacityProviders()) {
            if (!request.capacityProviders().contains(removed) && (state.tasks().usesCapacityProvider(cluster.name(),
                    removed) || serviceUses(cluster.name(), removed))) {
                throw EcsErrors.resourceInUse("The specified capacity provider is in use and cannot be removed.");
            }
        }
        cluster.capacityProviders(request.capacityProviders());
        cluster.defaultStrategy(request.defaultCapacityProviderStrategy());
        state.record(JournalEventType.CLUSTER, cluster.arn(), "capacityProviders",
                String.join(",", request.capacityProviders()));
        return PutClusterCapacityProvidersResponse.builder()
                .cluster(renderer.render(cluster, EnumSet.noneOf(ClusterField.class)))
                .build();
    }
}
