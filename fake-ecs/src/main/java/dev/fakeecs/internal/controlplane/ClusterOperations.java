package dev.fakeecs.internal.controlplane;

import software.amazon.awssdk.services.ecs.model.ClusterServiceConnectDefaults;
import software.amazon.awssdk.services.ecs.model.Cluster;
import dev.fakeecs.internal.arn.Arns;
import dev.fakeecs.internal.capacity.CapacityProviders;
import dev.fakeecs.internal.cluster.SimulatedCluster;
import dev.fakeecs.internal.cluster.ClusterSettingsValidator;
import dev.fakeecs.internal.cluster.Clusters;
import dev.fakeecs.internal.containerinstance.ContainerInstances;
import dev.fakeecs.internal.error.EcsErrors;
import dev.fakeecs.journal.JournalEventType;
import dev.fakeecs.internal.paging.Page;
import dev.fakeecs.internal.service.Services;
import dev.fakeecs.internal.tag.Tags;
import dev.fakeecs.internal.task.Tasks;
import dev.fakeecs.internal.engine.RegionContext;
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
import java.util.List;
import java.util.Set;

/**
 * The cluster API of one region: CreateCluster, DescribeClusters, ListClusters, UpdateCluster,
 * UpdateClusterSettings, PutClusterCapacityProviders and DeleteCluster. DeleteCluster and
 * DescribeClusters read what the cluster holds from the container instance, task and service registries.
 *
 * <pre>{@code
 * ecs.api().createCluster(r -> r.clusterName("prod").capacityProviders("FARGATE", "FARGATE_SPOT"));
 * ecs.api().describeClusters(r -> r.clusters("prod").include(ClusterField.STATISTICS));
 * }</pre>
 */
public final class ClusterOperations {

    private final RegionContext region;
    private final Clusters clusters;
    private final Tags tags;
    private final CapacityProviders capacityProviders;
    private final ContainerInstances containerInstances;
    private final Tasks tasks;
    private final Services services;
    private final ClusterRenderer renderer;

    public ClusterOperations(RegionContext region, Clusters clusters, Tags tags, CapacityProviders capacityProviders,
                             ContainerInstances containerInstances, Tasks tasks, Services services) {
        this.region = region;
        this.clusters = clusters;
        this.tags = tags;
        this.capacityProviders = capacityProviders;
        this.containerInstances = containerInstances;
        this.tasks = tasks;
        this.services = services;
        this.renderer = new ClusterRenderer(tags, capacityProviders, containerInstances, tasks, services);
    }

    public CreateClusterResponse createCluster(CreateClusterRequest request) {
        String name = request.clusterName() == null || request.clusterName().isEmpty()
                ? Clusters.DEFAULT_CLUSTER : request.clusterName();
        SimulatedCluster existing = clusters.named(name);
        if (existing != null && existing.isActive()) {
            // Real ECS answers CreateCluster for an existing ACTIVE cluster with that cluster, unchanged.
            return CreateClusterResponse.builder().cluster(renderer.render(existing, EnumSet.noneOf(ClusterField.class)))
                    .build();
        }
        tags.validate(request.tags());
        ClusterSettingsValidator.validate(request.settings());
        List<String> providers = request.hasCapacityProviders() ? request.capacityProviders() : List.of();
        List<CapacityProviderStrategyItem> strategy = request.hasDefaultCapacityProviderStrategy()
                ? request.defaultCapacityProviderStrategy() : List.of();
        ClusterCapacityValidator.validate(region, capacityProviders, providers, strategy);
        SimulatedCluster cluster = clusters.create(name);
        if (request.hasSettings()) {
            cluster.settings(ClusterSettingsValidator.merge(cluster.settings(), request.settings()));
        }
        cluster.configuration(request.configuration());
        cluster.capacityProviders(providers);
        cluster.defaultStrategy(strategy);
        if (request.serviceConnectDefaults() != null) {
            cluster.serviceConnectDefaults(ClusterServiceConnectDefaults
                    .builder().namespace(request.serviceConnectDefaults().namespace()).build());
        }
        if (request.hasTags()) {
            tags.put(cluster.arn(), request.tags());
        }
        return CreateClusterResponse.builder()
                .cluster(renderer.render(cluster, EnumSet.of(ClusterField.SETTINGS, ClusterField.CONFIGURATIONS,
                        ClusterField.TAGS)))
                .build();
    }

    public DeleteClusterResponse deleteCluster(DeleteClusterRequest request) {
        EcsErrors.require(request.cluster(), "cluster");
        SimulatedCluster cluster = clusters.resolve(request.cluster());
        if (!containerInstances.inCluster(cluster.name()).isEmpty()) {
            throw EcsErrors.of("ClusterContainsContainerInstancesException",
                    "The Cluster cannot be deleted while Container Instances are active or draining.");
        }
        if (services.activeServiceCount(cluster.name(), null) > 0
                || services.drainingServiceCount(cluster.name(), null) > 0) {
            throw EcsErrors.of("ClusterContainsServicesException",
                    "The Cluster cannot be deleted while Services are active.");
        }
        if (!tasks.activeInCluster(cluster.name()).isEmpty()) {
            throw EcsErrors.of("ClusterContainsTasksException",
                    "The Cluster cannot be deleted while Tasks are active.");
        }
        cluster.status("INACTIVE");
        region.record(JournalEventType.CLUSTER, cluster.arn(), "status", "INACTIVE");
        return DeleteClusterResponse.builder()
                .cluster(renderer.render(cluster, EnumSet.of(ClusterField.SETTINGS, ClusterField.CONFIGURATIONS)))
                .build();
    }

    public DescribeClustersResponse describeClusters(DescribeClustersRequest request) {
        List<String> names = request.hasClusters() && !request.clusters().isEmpty()
                ? request.clusters() : List.of(Clusters.DEFAULT_CLUSTER);
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
        List<Cluster> found = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String requested : names) {
            SimulatedCluster cluster = clusters.find(requested);
            if (cluster == null) {
                String arn = Arns.isArn(requested) ? requested : region.arns().cluster(requested);
                failures.add(Failure.builder().arn(arn).reason("MISSING").build());
            } else {
                found.add(renderer.render(cluster, include));
            }
        }
        return DescribeClustersResponse.builder().clusters(found).failures(failures).build();
    }

    /**
     * A cluster as DescribeClusters with {@code include=TAGS} shows it, for Java-level readers (the
     * engine's SPI); call it under the engine lock.
     */
    public Cluster describe(SimulatedCluster cluster) {
        return renderer.render(cluster, EnumSet.of(ClusterField.TAGS));
    }

    public ListClustersResponse listClusters(ListClustersRequest request) {
        List<String> arns = clusters.activeArns();
        Page<String> page = Page.of(arns, request.nextToken(), request.maxResults(), 100, "ListClusters");
        return ListClustersResponse.builder().clusterArns(page.items()).nextToken(page.nextToken()).build();
    }

    public UpdateClusterResponse updateCluster(UpdateClusterRequest request) {
        EcsErrors.require(request.cluster(), "cluster");
        SimulatedCluster cluster = clusters.resolve(request.cluster());
        if (request.hasSettings()) {
            ClusterSettingsValidator.validate(request.settings());
            cluster.settings(ClusterSettingsValidator.merge(cluster.settings(), request.settings()));
        }
        if (request.configuration() != null) {
            cluster.configuration(request.configuration());
        }
        if (request.serviceConnectDefaults() != null) {
            cluster.serviceConnectDefaults(ClusterServiceConnectDefaults
                    .builder().namespace(request.serviceConnectDefaults().namespace()).build());
        }
        region.record(JournalEventType.CLUSTER, cluster.arn(), "updated", "configuration");
        return UpdateClusterResponse.builder()
                .cluster(renderer.render(cluster, EnumSet.of(ClusterField.SETTINGS, ClusterField.CONFIGURATIONS)))
                .build();
    }

    public UpdateClusterSettingsResponse updateClusterSettings(UpdateClusterSettingsRequest request) {
        EcsErrors.require(request.cluster(), "cluster");
        if (!request.hasSettings() || request.settings().isEmpty()) {
            throw EcsErrors.invalidParameter("settings can not be null or empty.");
        }
        SimulatedCluster cluster = clusters.resolve(request.cluster());
        ClusterSettingsValidator.validate(request.settings());
        cluster.settings(ClusterSettingsValidator.merge(cluster.settings(), request.settings()));
        for (ClusterSetting s : request.settings()) {
            region.record(JournalEventType.CLUSTER, cluster.arn(), "setting", s.nameAsString(), "value", s.value());
        }
        return UpdateClusterSettingsResponse.builder()
                .cluster(renderer.render(cluster, EnumSet.of(ClusterField.SETTINGS)))
                .build();
    }

    /** Whether a service of the cluster that is not INACTIVE names the provider in its capacity provider strategy. */
    private boolean serviceUses(String clusterName, String provider) {
        for (var service : services.inCluster(clusterName)) {
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
        SimulatedCluster cluster = clusters.resolve(request.cluster());
        ClusterCapacityValidator.validate(region, capacityProviders, request.capacityProviders(), request.defaultCapacityProviderStrategy());
        for (String removed : cluster.capacityProviders()) {
            if (!request.capacityProviders().contains(removed) && (tasks.usesCapacityProvider(cluster.name(),
                    removed) || serviceUses(cluster.name(), removed))) {
                throw EcsErrors.resourceInUse("The specified capacity provider is in use and cannot be removed.");
            }
        }
        cluster.capacityProviders(request.capacityProviders());
        cluster.defaultStrategy(request.defaultCapacityProviderStrategy());
        region.record(JournalEventType.CLUSTER, cluster.arn(), "capacityProviders",
                String.join(",", request.capacityProviders()));
        return PutClusterCapacityProvidersResponse.builder()
                .cluster(renderer.render(cluster, EnumSet.noneOf(ClusterField.class)))
                .build();
    }
}
