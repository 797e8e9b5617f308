package dev.fakeecs.internal.cluster;

import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import dev.fakeecs.internal.arn.Arns;
import dev.fakeecs.internal.error.EcsErrors;
import dev.fakeecs.journal.JournalEventType;
import dev.fakeecs.internal.tag.Tags;
import dev.fakeecs.internal.engine.RegionContext;
import software.amazon.awssdk.services.ecs.model.ClusterSetting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The clusters of one region and the lookup every other domain uses ({@link #resolve(String)}; an
 * omitted cluster means {@code default}). The cluster API operations live in
 * {@code controlplane.ClusterOperations}.
 *
 * <pre>{@code
 * Clusters clusters = new Clusters(region, tags);
 * SimulatedCluster prod = clusters.create("prod");
 * clusters.resolve("arn:aws:ecs:us-east-1:123456789012:cluster/prod");   // the same cluster
 * }</pre>
 */
public final class Clusters {

    /** The cluster an omitted {@code cluster} parameter means. */
    public static final String DEFAULT_CLUSTER = "default";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");

    private final RegionContext region;
    private final Map<String, SimulatedCluster> byName = new LinkedHashMap<>();

    public Clusters(RegionContext region, Tags tags) {
        this.region = region;
        tags.registerResourceType("cluster", arn -> {
            SimulatedCluster cluster = find(arn);
            return cluster != null && cluster.isActive();
        });
    }

    /**
     * The ACTIVE cluster a request names (name or ARN; null or empty means {@code default}).
     *
     * @throws software.amazon.awssdk.services.ecs.model.ClusterNotFoundException if there is none
     */
    public SimulatedCluster resolve(String nameOrArn) {
        SimulatedCluster cluster = find(nameOrArn);
        if (cluster == null || !cluster.isActive()) {
            throw EcsErrors.clusterNotFound();
        }
        return cluster;
    }

    /** The cluster of that name or ARN in any status, or null. */
    public SimulatedCluster find(String nameOrArn) {
        String name = nameOf(nameOrArn);
        return byName.get(name);
    }

    /** The cluster, created ACTIVE if it does not exist yet (how the ECS agent joins {@code default}). */
    public SimulatedCluster getOrCreate(String nameOrArn) {
        SimulatedCluster cluster = find(nameOrArn);
        if (cluster != null && cluster.isActive()) {
            return cluster;
        }
        return create(nameOf(nameOrArn));
    }

    /** All clusters ever created in this region, ACTIVE and INACTIVE, in creation order. */
    public List<SimulatedCluster> all() {
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

    /** The cluster of exactly that name (no ARN parsing) in any status, or null. */
    public SimulatedCluster named(String name) {
        return byName.get(name);
    }

    /** Every ACTIVE cluster's ARN, in creation order. */
    public List<String> activeArns() {
        return byName.values().stream().filter(SimulatedCluster::isActive).map(SimulatedCluster::arn).toList();
    }

    /**
     * Creates the cluster ACTIVE (replacing an INACTIVE one of the same name), within the clusters-per-region
     * quota; ClientException-style InvalidParameterException for a bad name.
     */
    public SimulatedCluster create(String name) {
        if (!NAME.matcher(name).matches()) {
            throw EcsErrors.invalidParameter("clusterName: Cluster name can only contain letters, numbers, "
                    + "hyphens and underscores, and be 1-255 characters long. Got: " + name);
        }
        long active = byName.values().stream().filter(SimulatedCluster::isActive).count();
        if (active >= region.engine().quotas().clustersPerRegion()) {
            throw EcsErrors.limitExceeded("The maximum number of clusters (" + region.engine().quotas()
                    .clustersPerRegion() + ") has been reached for this account in " + region.name() + ".");
        }
        SimulatedCluster cluster = new SimulatedCluster(name, region.arns().cluster(name));
        cluster.settings(List.of(ClusterSetting.builder().name("containerInsights").value("disabled").build()));
        byName.remove(name);
        byName.put(name, cluster);
        region.record(JournalEventType.CLUSTER, cluster.arn(), "status", "ACTIVE");
        return cluster;
    }
}
