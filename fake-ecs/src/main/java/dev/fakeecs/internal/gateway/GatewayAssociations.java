package dev.fakeecs.internal.gateway;

import dev.fakeecs.internal.cluster.Clusters;
import dev.fakeecs.internal.cluster.SimulatedCluster;
import dev.fakeecs.internal.engine.RegionContext;
import dev.fakeecs.internal.error.EcsErrors;
import dev.fakeecs.internal.paging.Page;
import dev.fakeecs.journal.JournalEventType;
import software.amazon.awssdk.services.ecs.model.AssociateGatewayWithClusterRequest;
import software.amazon.awssdk.services.ecs.model.AssociateGatewayWithClusterResponse;
import software.amazon.awssdk.services.ecs.model.DisassociateGatewayFromClusterRequest;
import software.amazon.awssdk.services.ecs.model.DisassociateGatewayFromClusterResponse;
import software.amazon.awssdk.services.ecs.model.GatewayClusterAssociationSummary;
import software.amazon.awssdk.services.ecs.model.ListGatewayClusterAssociationsRequest;
import software.amazon.awssdk.services.ecs.model.ListGatewayClusterAssociationsResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The associations between gateways and clusters, and AssociateGatewayWithCluster, DisassociateGatewayFromCluster
 * and ListGatewayClusterAssociations. The cluster must exist and be ACTIVE; a cluster holds at most 5 gateways
 * (associations ACTIVE or DISASSOCIATING), as AWS documents.
 *
 * <pre>{@code
 * api.associateGatewayWithCluster(r -> r.gateway("edge").cluster("prod"));      // status ACTIVE
 * api.disassociateGatewayFromCluster(r -> r.gateway("edge").cluster("prod"));   // DISASSOCIATING, INACTIVE 30 s later
 * }</pre>
 */
public final class GatewayAssociations {

    /** How many gateways one cluster can be associated with (AWS: "up to 5 gateways"). */
    public static final int GATEWAYS_PER_CLUSTER = 5;
    private static final int LIST_LIMIT = 100;

    private final RegionContext region;
    private final Clusters clusters;
    private final Gateways gateways;
    private final GatewayRoutes routes;
    /** By gateway ARN + " " + cluster ARN, in the order first associated. */
    private final Map<String, GatewayAssociation> byKey = new LinkedHashMap<>();

    GatewayAssociations(RegionContext region, Clusters clusters, Gateways gateways, GatewayRoutes routes) {
        this.region = region;
        this.clusters = clusters;
        this.gateways = gateways;
        this.routes = routes;
    }

    public AssociateGatewayWithClusterResponse associate(AssociateGatewayWithClusterRequest request) {
        SimulatedGateway g = gateways.existing(request.gateway());
        SimulatedCluster cluster = clusters.resolve(EcsErrors.require(request.cluster(), "cluster"));
        Instant now = region.now();
        GatewayAssociation a = byKey.get(key(g.arn, cluster.arn()));
        if (a != null && "DISASSOCIATING".equals(status(a, now))) {
            throw EcsErrors.clientException("The gateway " + g.name + " is being disassociated from cluster "
                    + cluster.name() + ". Wait until the association is INACTIVE before you associate them again.");
        }
        if (a == null || "INACTIVE".equals(status(a, now))) {
            long held = byKey.values().stream()
                    .filter(o -> o.clusterArn.equals(cluster.arn()) && !"INACTIVE".equals(status(o, now)))
                    .count();
            if (held >= GATEWAYS_PER_CLUSTER) {
                throw EcsErrors.clientException("The cluster " + cluster.name() + " is already associated with "
                        + GATEWAYS_PER_CLUSTER + " gateways, the most a cluster can be associated with.");
            }
            if (a == null) {
                a = new GatewayAssociation(g.arn, cluster.arn(), now);
                byKey.put(key(g.arn, cluster.arn()), a);
            }
            a.disassociatingSince = null;
            a.associatedAt = now;
            region.record(JournalEventType.API, g.arn, "gateway", "associated", "cluster", cluster.name());
        }
        return AssociateGatewayWithClusterResponse.builder().gatewayArn(g.arn).clusterArn(cluster.arn())
                .status(status(a, now)).build();
    }

    public DisassociateGatewayFromClusterResponse disassociate(DisassociateGatewayFromClusterRequest request) {
        SimulatedGateway g = gateways.existing(request.gateway());
        // a deleted (INACTIVE) cluster's association can still be ended, so its gateway can be deleted
        SimulatedCluster cluster = clusters.find(EcsErrors.require(request.cluster(), "cluster"));
        if (cluster == null) {
            throw EcsErrors.clusterNotFound();
        }
        Instant now = region.now();
        GatewayAssociation a = byKey.get(key(g.arn, cluster.arn()));
        if (a == null || "INACTIVE".equals(status(a, now))) {
            throw EcsErrors.resourceNotFound("The gateway " + g.name + " is not associated with cluster "
                    + cluster.name() + ".");
        }
        if (a.disassociatingSince == null) {
            a.disassociatingSince = now;
            region.record(JournalEventType.API, g.arn, "gateway", "DISASSOCIATING", "cluster", cluster.name());
        }
        return DisassociateGatewayFromClusterResponse.builder().gatewayArn(g.arn).clusterArn(cluster.arn())
                .status(status(a, now)).build();
    }

    public ListGatewayClusterAssociationsResponse list(ListGatewayClusterAssociationsRequest request) {
        String gatewayArn = null;
        if (request.gateway() != null) {
            SimulatedGateway g = gateways.find(request.gateway());
            if (g == null) {
                return ListGatewayClusterAssociationsResponse.builder().gatewayClusterAssociations(List.of()).build();
            }
            gatewayArn = g.arn;
        }
        String clusterArn = null;
        if (request.cluster() != null) {
            SimulatedCluster cluster = clusters.find(request.cluster());
            if (cluster == null) {
                return ListGatewayClusterAssociationsResponse.builder().gatewayClusterAssociations(List.of()).build();
            }
            clusterArn = cluster.arn();
        }
        List<String> statuses = request.hasStatus() ? request.statusAsStrings() : List.of();
        if (statuses.size() > 3) {
            throw EcsErrors.invalidParameter("status can contain at most 3 items.");
        }
        Instant now = region.now();
        List<GatewayClusterAssociationSummary> matching = new ArrayList<>();
        for (GatewayAssociation a : byKey.values()) {
            String status = status(a, now);
            if ((gatewayArn != null && !gatewayArn.equals(a.gatewayArn))
                    || (clusterArn != null && !clusterArn.equals(a.clusterArn))
                    || (!statuses.isEmpty() && !statuses.contains(status))) {
                continue;
            }
            matching.add(GatewayClusterAssociationSummary.builder().gatewayArn(a.gatewayArn)
                    .clusterArn(a.clusterArn).status(status).build());
        }
        Page<GatewayClusterAssociationSummary> page = Page.of(matching, request.nextToken(), request.maxResults(),
                LIST_LIMIT, "ListGatewayClusterAssociations");
        return ListGatewayClusterAssociationsResponse.builder().gatewayClusterAssociations(page.items())
                .nextToken(page.nextToken()).build();
    }

    /** The names of the clusters whose association with the gateway is ACTIVE or DISASSOCIATING. */
    List<String> heldClusters(String gatewayArn) {
        Instant now = region.now();
        List<String> held = new ArrayList<>();
        for (GatewayAssociation a : byKey.values()) {
            if (a.gatewayArn.equals(gatewayArn) && !"INACTIVE".equals(status(a, now))) {
                held.add(dev.fakeecs.internal.arn.Arns.lastSegment(a.clusterArn));
            }
        }
        return held;
    }

    /** The associations whose gateway still serves the cluster: ACTIVE, or DISASSOCIATING with routes left. */
    List<GatewayAssociation> serving() {
        List<GatewayAssociation> serving = new ArrayList<>();
        Instant now = region.now();
        for (GatewayAssociation a : byKey.values()) {
            if (!"INACTIVE".equals(status(a, now))) {
                serving.add(a);
            }
        }
        return serving;
    }

    /** A deleted gateway's associations (all INACTIVE) are gone with it. */
    void forget(String gatewayArn) {
        byKey.values().removeIf(a -> a.gatewayArn.equals(gatewayArn));
    }

    private String status(GatewayAssociation a, Instant now) {
        return a.status(now, routes.holdsCluster(a.gatewayArn, a.clusterArn));
    }

    private static String key(String gatewayArn, String clusterArn) {
        return gatewayArn + " " + clusterArn;
    }
}
