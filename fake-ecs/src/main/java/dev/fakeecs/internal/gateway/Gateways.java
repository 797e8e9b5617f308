package dev.fakeecs.internal.gateway;

import dev.fakeecs.internal.arn.Arns;
import dev.fakeecs.internal.cluster.Clusters;
import dev.fakeecs.internal.engine.RegionContext;
import dev.fakeecs.internal.error.EcsErrors;
import dev.fakeecs.internal.paging.Page;
import dev.fakeecs.internal.service.Services;
import dev.fakeecs.internal.tag.Tags;
import dev.fakeecs.journal.JournalEventType;
import software.amazon.awssdk.services.ecs.model.CreateGatewayRequest;
import software.amazon.awssdk.services.ecs.model.CreateGatewayResponse;
import software.amazon.awssdk.services.ecs.model.DeleteGatewayRequest;
import software.amazon.awssdk.services.ecs.model.DeleteGatewayResponse;
import software.amazon.awssdk.services.ecs.model.DescribeGatewayAlbConfiguration;
import software.amazon.awssdk.services.ecs.model.DescribeGatewayRequest;
import software.amazon.awssdk.services.ecs.model.DescribeGatewayResponse;
import software.amazon.awssdk.services.ecs.model.GatewaySummary;
import software.amazon.awssdk.services.ecs.model.ListGatewaysRequest;
import software.amazon.awssdk.services.ecs.model.ListGatewaysResponse;
import software.amazon.awssdk.services.ecs.model.UpdateGatewayRequest;
import software.amazon.awssdk.services.ecs.model.UpdateGatewayResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The ECS Gateways of one region and the gateway operations: Create/Update/Delete/DescribeGateway and ListGateways
 * here, the cluster associations in {@link GatewayAssociations}, routes and managed infrastructure in
 * {@link GatewayRoutes}. Worlds without gateways never reach it.
 *
 * <pre>{@code
 * Gateways gateways = new Gateways(region, tags, clusters, services);
 * api.createGateway(r -> r.name("edge").infrastructureRoleArn(role)
 *         .configuration(c -> c.hostSharedAlb(a -> a.scheme("internet-facing"))));
 * }</pre>
 */
public final class Gateways {

    static final String NOT_FOUND = "The specified gateway was not found.";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");
    private static final int LIST_LIMIT = 100;

    private final RegionContext region;
    private final Tags tags;
    private final GatewayRenderer renderer;
    private final GatewayAssociations associations;
    private final GatewayRoutes routes;
    private final Map<String, SimulatedGateway> byName = new LinkedHashMap<>();

    public Gateways(RegionContext region, Tags tags, Clusters clusters, Services services) {
        this.region = region;
        this.tags = tags;
        this.renderer = new GatewayRenderer(tags);
        this.routes = new GatewayRoutes(region, this, services);
        this.associations = new GatewayAssociations(region, clusters, this, routes);
        routes.wire(associations);
        tags.registerResourceType("gateway", arn -> find(arn) != null);
    }

    /** The cluster associations and their operations. */
    public GatewayAssociations associations() {
        return associations;
    }

    /** The gateway routes, the managed infrastructure and their operations. */
    public GatewayRoutes routes() {
        return routes;
    }

    // ------------------------------------------------------------------ ECS API

    public CreateGatewayResponse create(CreateGatewayRequest request) {
        String name = EcsErrors.require(request.name(), "name");
        if (!NAME.matcher(name).matches()) {
            throw EcsErrors.invalidParameter("name: up to 255 letters (uppercase and lowercase), numbers, "
                    + "underscores, and hyphens are allowed.");
        }
        String role = EcsErrors.require(request.infrastructureRoleArn(), "infrastructureRoleArn");
        if (!Arns.isArn(role)) {
            throw EcsErrors.invalidParameter("infrastructureRoleArn: " + role + " is not a valid ARN.");
        }
        SimulatedGateway existing = byName.get(name);
        if (existing != null) {
            if (request.clientToken() != null && request.clientToken().equals(existing.clientToken)) {
                return CreateGatewayResponse.builder().gatewayArn(existing.arn).name(existing.name)
                        .status(existing.status(region.now())).build();
            }
            throw EcsErrors.invalidParameter("A gateway named " + name + " already exists.");
        }
        DescribeGatewayAlbConfiguration alb = GatewayConfigurations.forCreate(request.configuration());
        tags.validate(request.tags());
        SimulatedGateway g = new SimulatedGateway(name, region.arns().prefix() + "gateway/" + name, region.now(),
                request.clientToken());
        g.infrastructureRoleArn = role;
        g.deletionProtection = Boolean.TRUE.equals(request.deletionProtection());
        g.propagateTags = request.propagateTags() == null ? "NONE" : request.propagateTagsAsString();
        g.hostSharedAlb = alb;
        byName.put(name, g);
        tags.put(g.arn, request.tags());
        region.record(JournalEventType.API, g.arn, "gateway", "created", "scheme", alb.schemeAsString());
        return CreateGatewayResponse.builder().gatewayArn(g.arn).name(g.name).status(g.status(region.now())).build();
    }

    public UpdateGatewayResponse update(UpdateGatewayRequest request) {
        SimulatedGateway g = existing(request.gateway());
        String role = request.infrastructureRoleArn();
        if (role != null && !Arns.isArn(role)) {
            throw EcsErrors.invalidParameter("infrastructureRoleArn: " + role + " is not a valid ARN.");
        }
        DescribeGatewayAlbConfiguration alb = GatewayConfigurations.forUpdate(g.hostSharedAlb,
                request.configuration());
        if (role != null) {
            g.infrastructureRoleArn = role;
        }
        if (request.deletionProtection() != null) {
            g.deletionProtection = request.deletionProtection();
        }
        if (request.propagateTags() != null) {
            g.propagateTags = request.propagateTagsAsString();
        }
        g.hostSharedAlb = alb;
        Instant now = region.now();
        g.updatedAt = now;
        g.updateStartedAt = now;
        region.record(JournalEventType.API, g.arn, "gateway", "UPDATE_IN_PROGRESS");
        return UpdateGatewayResponse.builder().gatewayArn(g.arn).name(g.name).status(g.status(now)).build();
    }

    public DeleteGatewayResponse delete(DeleteGatewayRequest request) {
        SimulatedGateway g = existing(request.gateway());
        if (g.deletionProtection) {
            throw EcsErrors.invalidParameter("The gateway " + g.name + " has deletion protection enabled. "
                    + "Disable deletion protection with UpdateGateway before you delete it.");
        }
        List<String> held = associations.heldClusters(g.arn);
        if (!held.isEmpty()) {
            throw EcsErrors.clientException("The gateway " + g.name + " is still associated with cluster(s) "
                    + String.join(", ", held) + ". Disassociate all clusters before you delete the gateway.");
        }
        byName.remove(g.name);
        associations.forget(g.arn);
        tags.remove(g.arn);
        region.record(JournalEventType.API, g.arn, "gateway", "DELETED");
        return DeleteGatewayResponse.builder().gatewayArn(g.arn).name(g.name).status("DELETED").build();
    }

    public DescribeGatewayResponse describe(DescribeGatewayRequest request) {
        return DescribeGatewayResponse.builder().gateway(renderer.detail(existing(request.gateway()), region.now()))
                .build();
    }

    public ListGatewaysResponse list(ListGatewaysRequest request) {
        List<String> names = request.hasNames() ? request.names() : List.of();
        List<String> statuses = request.hasStatus() ? request.statusAsStrings() : List.of();
        Instant now = region.now();
        List<SimulatedGateway> matching = new ArrayList<>();
        for (SimulatedGateway g : byName.values()) {
            if (!names.isEmpty() && !names.contains(g.name)) {
                continue;
            }
            if (!statuses.isEmpty() && !statuses.contains(g.status(now))) {
                continue;
            }
            matching.add(g);
        }
        Page<SimulatedGateway> page = Page.of(matching, request.nextToken(), request.maxResults(), LIST_LIMIT,
                "ListGateways");
        List<GatewaySummary> summaries = page.items().stream().map(g -> renderer.summary(g, now)).toList();
        return ListGatewaysResponse.builder().gateways(summaries).nextToken(page.nextToken()).build();
    }

    // ------------------------------------------------------------------ lookups

    /**
     * The gateway a request names (name or ARN of this region).
     *
     * @throws software.amazon.awssdk.services.ecs.model.GatewayNotFoundException if there is none
     */
    SimulatedGateway existing(String nameOrArn) {
        EcsErrors.require(nameOrArn, "gateway");
        SimulatedGateway g = find(nameOrArn);
        if (g == null) {
            throw EcsErrors.of("GatewayNotFoundException", NOT_FOUND);
        }
        return g;
    }

    /** The gateway of that name or ARN in this region, or null. */
    SimulatedGateway find(String nameOrArn) {
        if (nameOrArn == null) {
            return null;
        }
        if (Arns.isArn(nameOrArn)) {
            String prefix = region.arns().prefix() + "gateway/";
            if (!nameOrArn.startsWith(prefix)) {
                return null;
            }
            return byName.get(nameOrArn.substring(prefix.length()));
        }
        return byName.get(nameOrArn);
    }
}
