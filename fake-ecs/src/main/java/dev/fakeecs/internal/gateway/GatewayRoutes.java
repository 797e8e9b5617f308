package dev.fakeecs.internal.gateway;

import dev.fakeecs.internal.arn.Arns;
import dev.fakeecs.internal.engine.RegionContext;
import dev.fakeecs.internal.error.EcsErrors;
import dev.fakeecs.internal.paging.Page;
import dev.fakeecs.internal.service.Services;
import dev.fakeecs.internal.service.SimulatedService;
import software.amazon.awssdk.services.ecs.model.DescribeGatewayResourcesRequest;
import software.amazon.awssdk.services.ecs.model.DescribeGatewayResourcesResponse;
import software.amazon.awssdk.services.ecs.model.DescribeGatewayRouteRequest;
import software.amazon.awssdk.services.ecs.model.DescribeGatewayRouteResponse;
import software.amazon.awssdk.services.ecs.model.ElbGatewayResources;
import software.amazon.awssdk.services.ecs.model.GatewayConnector;
import software.amazon.awssdk.services.ecs.model.GatewayInfrastructureResources;
import software.amazon.awssdk.services.ecs.model.GatewayResources;
import software.amazon.awssdk.services.ecs.model.GatewayRoute;
import software.amazon.awssdk.services.ecs.model.GatewayRouteSummary;
import software.amazon.awssdk.services.ecs.model.ListGatewayRoutesRequest;
import software.amazon.awssdk.services.ecs.model.ListGatewayRoutesResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The gateway routes (one per service, gateway connector port and gateway that serves the service's cluster) and the
 * gateway's managed infrastructure: DescribeGatewayRoute, ListGatewayRoutes and DescribeGatewayResources. Routes are
 * derived, never stored: a service created with {@code gatewayConnectors} in a cluster associated with a gateway
 * whose access type its connector filters accept (all, without filters) has a route to it, CREATE_IN_PROGRESS for
 * 30 s after the later of the service's creation and the association, then ACTIVE, and DELETE_IN_PROGRESS while the
 * service drains. The load balancers, listeners, rules, target groups and security groups AWS would provision are
 * not simulated: routes carry no resources and DescribeGatewayResources lists none.
 *
 * <pre>{@code
 * api.createService(r -> r.cluster("prod").serviceName("web").taskDefinition("web")
 *         .gatewayConnectors(c -> c.portName("http")));
 * api.listGatewayRoutes(r -> r.gateway("edge")).gatewayRoutes();   // the route of web's "http" port
 * }</pre>
 */
public final class GatewayRoutes {

    private static final String NOT_FOUND = "The specified gateway route was not found.";
    private static final int LIST_LIMIT = 100;
    private static final int RESOURCES_DEFAULT = 10;
    private static final int RESOURCES_LIMIT = 20;

    private final RegionContext region;
    private final Gateways gateways;
    private final Services services;
    private GatewayAssociations associations;

    GatewayRoutes(RegionContext region, Gateways gateways, Services services) {
        this.region = region;
        this.gateways = gateways;
        this.services = services;
    }

    void wire(GatewayAssociations associations) {
        this.associations = associations;
    }

    /** One derived route. */
    private record Route(String arn, SimulatedGateway gateway, String clusterArn, SimulatedService service,
                         String portName, String status, String serviceUrl) {
    }

    public DescribeGatewayRouteResponse describeRoute(DescribeGatewayRouteRequest request) {
        String arn = EcsErrors.require(request.gatewayRouteArn(), "gatewayRouteArn");
        for (Route r : all()) {
            if (r.arn.equals(arn)) {
                return DescribeGatewayRouteResponse.builder().gatewayRoute(GatewayRoute.builder()
                        .gatewayRouteArn(r.arn).serviceArn(r.service.arn()).serviceContainerPortName(r.portName)
                        .status(r.status).serviceUrl(r.serviceUrl).build()).build();
            }
        }
        throw EcsErrors.resourceNotFound(NOT_FOUND);
    }

    public ListGatewayRoutesResponse listRoutes(ListGatewayRoutesRequest request) {
        String gatewayArn = request.gateway() == null ? null : gateways.existing(request.gateway()).arn;
        String cluster = request.cluster() == null ? null : Arns.lastSegment(request.cluster());
        String service = request.service();
        List<String> statuses = request.hasStatus() ? request.statusAsStrings() : List.of();
        List<GatewayRouteSummary> matching = new ArrayList<>();
        for (Route r : all()) {
            if ((gatewayArn != null && !gatewayArn.equals(r.gateway.arn))
                    || (cluster != null && !cluster.equals(Arns.lastSegment(r.clusterArn)))
                    || (service != null && !service.equals(r.service.arn()) && !service.equals(r.service.name()))
                    || (request.serviceContainerPortName() != null
                        && !request.serviceContainerPortName().equals(r.portName))
                    || (!statuses.isEmpty() && !statuses.contains(r.status))) {
                continue;
            }
            matching.add(GatewayRouteSummary.builder().gatewayRouteArn(r.arn).gatewayArn(r.gateway.arn)
                    .clusterArn(r.clusterArn).serviceArn(r.service.arn()).serviceContainerPortName(r.portName)
                    .status(r.status).build());
        }
        Page<GatewayRouteSummary> page = Page.of(matching, request.nextToken(), request.maxResults(), LIST_LIMIT,
                "ListGatewayRoutes");
        return ListGatewayRoutesResponse.builder().gatewayRoutes(page.items()).nextToken(page.nextToken()).build();
    }

    public DescribeGatewayResourcesResponse describeResources(DescribeGatewayResourcesRequest request) {
        SimulatedGateway g = gateways.existing(request.gateway());
        // No load balancers are simulated for gateways: the page is cut from an empty list (maxResults still checked).
        Page<ElbGatewayResources> page = Page.of(List.of(), request.nextToken(), request.maxResults(),
                RESOURCES_DEFAULT, RESOURCES_LIMIT, "DescribeGatewayResources");
        return DescribeGatewayResourcesResponse.builder()
                .gatewayResources(GatewayResources.builder().gatewayArn(g.arn)
                        .resources(GatewayInfrastructureResources.builder().hostSharedAlb(page.items()).build())
                        .build())
                .nextToken(page.nextToken()).build();
    }

    /** Whether a service of the cluster still connects to the gateway (so a disassociation must wait). */
    boolean holdsCluster(String gatewayArn, String clusterArn) {
        SimulatedGateway g = gateways.find(gatewayArn);
        if (g == null) {
            return false;
        }
        String cluster = Arns.lastSegment(clusterArn);
        for (SimulatedService s : services.all()) {
            if (cluster.equals(s.clusterName()) && connects(s) && !connectors(s, g).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private List<Route> all() {
        List<Route> routes = new ArrayList<>();
        Instant now = region.now();
        List<SimulatedService> connecting = services.all().stream().filter(this::connects).toList();
        if (connecting.isEmpty()) {
            return routes;
        }
        for (GatewayAssociation a : associations.serving()) {
            SimulatedGateway g = gateways.find(a.gatewayArn);
            String cluster = Arns.lastSegment(a.clusterArn);
            for (SimulatedService s : connecting) {
                if (!cluster.equals(s.clusterName())) {
                    continue;
                }
                for (GatewayConnector c : connectors(s, g)) {
                    Instant since = s.createdAt().isAfter(a.associatedAt) ? s.createdAt() : a.associatedAt;
                    String status = !s.isActive() ? "DELETE_IN_PROGRESS"
                            : GatewayTimings.elapsed(since, now) ? "ACTIVE" : "CREATE_IN_PROGRESS";
                    String arn = region.arns().prefix() + "gateway-route/" + g.name + "/" + cluster + "/" + s.name()
                            + "/" + c.portName();
                    String url = "https://" + (s.name() + "-" + c.portName() + "-" + g.name).toLowerCase(Locale.ROOT)
                            + ".ecs-gateway." + region.name() + ".on.aws";
                    routes.add(new Route(arn, g, a.clusterArn, s, c.portName(), status, url));
                }
            }
        }
        return routes;
    }

    /** Whether the service is ACTIVE or DRAINING and was created with gateway connectors. */
    private boolean connects(SimulatedService s) {
        return ("ACTIVE".equals(s.status()) || "DRAINING".equals(s.status())) && s.creation() != null
                && s.creation().hasGatewayConnectors() && !s.creation().gatewayConnectors().isEmpty();
    }

    /** The service's connectors whose access-type filters accept the gateway. */
    private static List<GatewayConnector> connectors(SimulatedService s, SimulatedGateway g) {
        List<GatewayConnector> accepted = new ArrayList<>();
        for (GatewayConnector c : s.creation().gatewayConnectors()) {
            if (c.portName() == null) {
                continue;
            }
            boolean filtered = c.filters() != null && c.filters().hasAccessTypes()
                    && !c.filters().accessTypes().isEmpty();
            if (!filtered || c.filters().accessTypesAsStrings().contains(g.accessType())) {
                accepted.add(c);
            }
        }
        return accepted;
    }
}
