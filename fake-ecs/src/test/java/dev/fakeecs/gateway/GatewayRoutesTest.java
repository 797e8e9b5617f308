package dev.fakeecs.gateway;

import dev.fakeecs.FakeEcs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.GatewayNotFoundException;
import software.amazon.awssdk.services.ecs.model.GatewayRoute;
import software.amazon.awssdk.services.ecs.model.GatewayRouteStatus;
import software.amazon.awssdk.services.ecs.model.GatewayRouteSummary;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.ResourceNotFoundException;

import java.time.Duration;

import static dev.fakeecs.gateway.GatewayLifecycleTest.START;
import static dev.fakeecs.gateway.GatewayLifecycleTest.minimal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ListGatewayRoutes, DescribeGatewayRoute and DescribeGatewayResources through the real SDK client: routes derived
 * from services created with gateway connectors in associated clusters, their statuses on the virtual clock, access
 * type filters, a disassociation held by routes, and the (unsimulated, empty) managed infrastructure.
 */
class GatewayRoutesTest {

    private final FakeEcs world = FakeEcs.builder().seed(13).start(START).build();
    private final EcsClient ecs = world.newClient();

    @AfterEach
    void close() {
        world.close();
    }

    private void connectedService(String cluster, String name, String... accessTypes) {
        ecs.registerTaskDefinition(r -> r.family(name).containerDefinitions(c -> c.name("web").image("acme/web:1")
                .memory(128).portMappings(p -> p.containerPort(8080).name("http"))));
        ecs.createService(r -> r.cluster(cluster).serviceName(name).taskDefinition(name).desiredCount(0)
                .gatewayConnectors(g -> {
                    g.portName("http");
                    if (accessTypes.length > 0) {
                        g.filters(f -> f.accessTypesWithStrings(accessTypes));
                    }
                }));
    }

    @Test
    void should_derive_a_route_for_a_connected_service_create_in_progress_then_active() {
        // given
        ecs.createCluster(r -> r.clusterName("prod"));
        String gatewayArn = ecs.createGateway(minimal("edge").build()).gatewayArn();
        ecs.associateGatewayWithCluster(r -> r.gateway("edge").cluster("prod"));
        world.clock().advance(Duration.ofSeconds(10));

        // when
        connectedService("prod", "web");

        // then
        var routes = ecs.listGatewayRoutes(r -> r.gateway("edge")).gatewayRoutes();
        assertThat(routes).hasSize(1);
        GatewayRouteSummary summary = routes.get(0);
        String serviceArn = "arn:aws:ecs:us-east-1:" + world.accountId() + ":service/prod/web";
        assertThat(summary.gatewayArn()).isEqualTo(gatewayArn);
        assertThat(summary.serviceArn()).isEqualTo(serviceArn);
        assertThat(summary.serviceContainerPortName()).isEqualTo("http");
        assertThat(summary.gatewayRouteArn())
                .isEqualTo("arn:aws:ecs:us-east-1:" + world.accountId() + ":gateway-route/edge/prod/web/http");
        assertThat(summary.status()).isEqualTo(GatewayRouteStatus.CREATE_IN_PROGRESS);
        world.clock().advance(Duration.ofSeconds(30));
        GatewayRoute route = ecs.describeGatewayRoute(r -> r.gatewayRouteArn(summary.gatewayRouteArn()))
                .gatewayRoute();
        assertThat(route.status()).isEqualTo(GatewayRouteStatus.ACTIVE);
        assertThat(route.serviceArn()).isEqualTo(serviceArn);
        assertThat(route.serviceUrl()).isEqualTo("https://web-http-edge.ecs-gateway.us-east-1.on.aws");
        assertThat(ecs.listGatewayRoutes(r -> r.cluster("prod").service("web").serviceContainerPortName("http")
                .status(GatewayRouteStatus.ACTIVE)).gatewayRoutes()).hasSize(1);
        assertThat(ecs.listGatewayRoutes(r -> r.service("other")).gatewayRoutes()).isEmpty();
    }

    @Test
    void should_route_only_to_gateways_whose_access_type_the_connector_accepts() {
        ecs.createCluster(r -> r.clusterName("prod"));
        ecs.createGateway(minimal("public").build());
        ecs.createGateway(minimal("private").configuration(c -> c.hostSharedAlb(a -> a.scheme("internal"))).build());
        ecs.associateGatewayWithCluster(r -> r.gateway("public").cluster("prod"));
        ecs.associateGatewayWithCluster(r -> r.gateway("private").cluster("prod"));

        connectedService("prod", "api", "PRIVATE");
        connectedService("prod", "site");

        assertThat(ecs.listGatewayRoutes(r -> r.gateway("private")).gatewayRoutes())
                .extracting(s -> s.serviceArn().substring(s.serviceArn().lastIndexOf('/') + 1))
                .containsExactly("api", "site");
        assertThat(ecs.listGatewayRoutes(r -> r.gateway("public")).gatewayRoutes())
                .extracting(s -> s.serviceArn().substring(s.serviceArn().lastIndexOf('/') + 1))
                .containsExactly("site");
    }

    @Test
    void should_have_no_route_without_an_association_or_without_connectors() {
        ecs.createCluster(r -> r.clusterName("prod"));
        ecs.createCluster(r -> r.clusterName("other"));
        ecs.createGateway(minimal("edge").build());
        ecs.associateGatewayWithCluster(r -> r.gateway("edge").cluster("other"));
        connectedService("prod", "web");
        ecs.registerTaskDefinition(r -> r.family("plain").containerDefinitions(c -> c.name("a").image("a").memory(64)));
        ecs.createService(r -> r.cluster("other").serviceName("plain").taskDefinition("plain").desiredCount(0));

        assertThat(ecs.listGatewayRoutes(r -> { }).gatewayRoutes()).isEmpty();
    }

    @Test
    void should_hold_a_disassociation_until_the_connected_service_is_gone() {
        ecs.createCluster(r -> r.clusterName("prod"));
        ecs.createGateway(minimal("edge").build());
        ecs.associateGatewayWithCluster(r -> r.gateway("edge").cluster("prod"));
        connectedService("prod", "web");

        ecs.disassociateGatewayFromCluster(r -> r.gateway("edge").cluster("prod"));
        world.clock().advance(Duration.ofMinutes(5));

        assertThat(ecs.listGatewayClusterAssociations(r -> r.gateway("edge")).gatewayClusterAssociations().get(0)
                .statusAsString()).isEqualTo("DISASSOCIATING");
        assertThat(ecs.listGatewayRoutes(r -> r.cluster("prod")).gatewayRoutes()).hasSize(1);

        ecs.deleteService(r -> r.cluster("prod").service("web").force(true));
        world.clock().advance(Duration.ofMinutes(15));

        assertThat(ecs.listGatewayRoutes(r -> r.cluster("prod")).gatewayRoutes()).isEmpty();
        assertThat(ecs.listGatewayClusterAssociations(r -> r.gateway("edge")).gatewayClusterAssociations().get(0)
                .statusAsString()).isEqualTo("INACTIVE");
    }

    @Test
    void should_describe_the_gateway_resources_as_empty_and_check_paging() {
        String arn = ecs.createGateway(minimal("edge").build()).gatewayArn();

        var resources = ecs.describeGatewayResources(r -> r.gateway("edge"));

        assertThat(resources.gatewayResources().gatewayArn()).isEqualTo(arn);
        assertThat(resources.gatewayResources().resources().hostSharedAlb()).isEmpty();
        assertThat(resources.nextToken()).isNull();
        assertThatThrownBy(() -> ecs.describeGatewayResources(r -> r.gateway("edge").maxResults(21)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("maxResults");
        assertThatThrownBy(() -> ecs.describeGatewayResources(r -> r.gateway("nope")))
                .isInstanceOf(GatewayNotFoundException.class);
    }

    @Test
    void should_not_find_an_unknown_route_or_list_routes_of_an_unknown_gateway() {
        assertThatThrownBy(() -> ecs.describeGatewayRoute(r -> r.gatewayRouteArn(
                "arn:aws:ecs:us-east-1:" + world.accountId() + ":gateway-route/edge/prod/web/http")))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("gateway route was not found");
        assertThatThrownBy(() -> ecs.listGatewayRoutes(r -> r.gateway("nope")))
                .isInstanceOf(GatewayNotFoundException.class);
    }
}
