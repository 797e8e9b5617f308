package dev.fakeecs.gateway;

import dev.fakeecs.FakeEcs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.GatewayClusterAssociationStatus;
import software.amazon.awssdk.services.ecs.model.GatewayClusterAssociationSummary;
import software.amazon.awssdk.services.ecs.model.GatewayNotFoundException;
import software.amazon.awssdk.services.ecs.model.ResourceNotFoundException;

import java.time.Duration;

import static dev.fakeecs.gateway.GatewayLifecycleTest.START;
import static dev.fakeecs.gateway.GatewayLifecycleTest.minimal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * AssociateGatewayWithCluster, DisassociateGatewayFromCluster and ListGatewayClusterAssociations through the real SDK
 * client: clusters checked, the 5-gateway limit, DISASSOCIATING then INACTIVE 30 s later, re-association, and
 * DeleteGateway refused while associated.
 */
class GatewayClusterAssociationTest {

    private final FakeEcs world = FakeEcs.builder().seed(11).start(START).build();
    private final EcsClient ecs = world.newClient();

    @AfterEach
    void close() {
        world.close();
    }

    private String clusterArn(String name) {
        return "arn:aws:ecs:us-east-1:" + world.accountId() + ":cluster/" + name;
    }

    @Test
    void should_associate_disassociate_and_become_inactive_after_30_seconds() {
        // given
        ecs.createCluster(r -> r.clusterName("prod"));
        String gatewayArn = ecs.createGateway(minimal("edge").build()).gatewayArn();

        // when
        var associated = ecs.associateGatewayWithCluster(r -> r.gateway("edge").cluster("prod"));

        // then
        assertThat(associated.status()).isEqualTo(GatewayClusterAssociationStatus.ACTIVE);
        assertThat(associated.gatewayArn()).isEqualTo(gatewayArn);
        assertThat(associated.clusterArn()).isEqualTo(clusterArn("prod"));
        assertThat(ecs.listGatewayClusterAssociations(r -> r.cluster("prod")).gatewayClusterAssociations())
                .containsExactly(GatewayClusterAssociationSummary.builder().gatewayArn(gatewayArn)
                        .clusterArn(clusterArn("prod")).status("ACTIVE").build());

        var leaving = ecs.disassociateGatewayFromCluster(r -> r.gateway(gatewayArn).cluster(clusterArn("prod")));
        assertThat(leaving.status()).isEqualTo(GatewayClusterAssociationStatus.DISASSOCIATING);
        world.clock().advance(Duration.ofSeconds(29));
        assertThat(ecs.listGatewayClusterAssociations(r -> r.gateway("edge")).gatewayClusterAssociations())
                .extracting(GatewayClusterAssociationSummary::statusAsString).containsExactly("DISASSOCIATING");
        world.clock().advance(Duration.ofSeconds(1));
        assertThat(ecs.listGatewayClusterAssociations(r -> r.gateway("edge")).gatewayClusterAssociations())
                .extracting(GatewayClusterAssociationSummary::statusAsString).containsExactly("INACTIVE");
        assertThat(ecs.listGatewayClusterAssociations(r -> r.status(GatewayClusterAssociationStatus.ACTIVE))
                .gatewayClusterAssociations()).isEmpty();

        // an INACTIVE association can be made ACTIVE again
        assertThat(ecs.associateGatewayWithCluster(r -> r.gateway("edge").cluster("prod")).status())
                .isEqualTo(GatewayClusterAssociationStatus.ACTIVE);
        assertThat(ecs.listGatewayClusterAssociations(r -> { }).gatewayClusterAssociations()).hasSize(1);
    }

    @Test
    void should_refuse_deleting_an_associated_gateway_until_inactive() {
        ecs.createCluster(r -> r.clusterName("prod"));
        ecs.createGateway(minimal("edge").build());
        ecs.associateGatewayWithCluster(r -> r.gateway("edge").cluster("prod"));

        assertThatThrownBy(() -> ecs.deleteGateway(r -> r.gateway("edge")))
                .isInstanceOf(ClientException.class).hasMessageContaining("prod")
                .hasMessageContaining("Disassociate all clusters");
        ecs.disassociateGatewayFromCluster(r -> r.gateway("edge").cluster("prod"));
        assertThatThrownBy(() -> ecs.deleteGateway(r -> r.gateway("edge"))).isInstanceOf(ClientException.class);

        world.clock().advance(Duration.ofSeconds(30));
        assertThat(ecs.deleteGateway(r -> r.gateway("edge")).statusAsString()).isEqualTo("DELETED");
        assertThat(ecs.listGatewayClusterAssociations(r -> { }).gatewayClusterAssociations()).isEmpty();
    }

    @Test
    void should_check_the_cluster_and_the_gateway_exist() {
        ecs.createCluster(r -> r.clusterName("prod"));
        ecs.createGateway(minimal("edge").build());

        assertThatThrownBy(() -> ecs.associateGatewayWithCluster(r -> r.gateway("edge").cluster("nope")))
                .isInstanceOf(ClusterNotFoundException.class);
        assertThatThrownBy(() -> ecs.associateGatewayWithCluster(r -> r.gateway("nope").cluster("prod")))
                .isInstanceOf(GatewayNotFoundException.class);
        ecs.deleteCluster(r -> r.cluster("prod"));
        assertThatThrownBy(() -> ecs.associateGatewayWithCluster(r -> r.gateway("edge").cluster("prod")))
                .isInstanceOf(ClusterNotFoundException.class);
        assertThat(ecs.listGatewayClusterAssociations(r -> { }).gatewayClusterAssociations()).isEmpty();
    }

    @Test
    void should_let_a_deleted_clusters_association_end_so_the_gateway_can_go() {
        ecs.createCluster(r -> r.clusterName("prod"));
        ecs.createGateway(minimal("edge").build());
        ecs.associateGatewayWithCluster(r -> r.gateway("edge").cluster("prod"));
        ecs.deleteCluster(r -> r.cluster("prod"));

        assertThat(ecs.disassociateGatewayFromCluster(r -> r.gateway("edge").cluster("prod")).statusAsString())
                .isEqualTo("DISASSOCIATING");
        world.clock().advance(Duration.ofSeconds(30));
        assertThat(ecs.deleteGateway(r -> r.gateway("edge")).statusAsString()).isEqualTo("DELETED");
        assertThatThrownBy(() -> ecs.disassociateGatewayFromCluster(r -> r.gateway("edge").cluster("never")))
                .isInstanceOf(GatewayNotFoundException.class);
    }

    @Test
    void should_refuse_disassociating_what_is_not_associated() {
        ecs.createCluster(r -> r.clusterName("prod"));
        ecs.createGateway(minimal("edge").build());

        assertThatThrownBy(() -> ecs.disassociateGatewayFromCluster(r -> r.gateway("edge").cluster("prod")))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("not associated");
        assertThatThrownBy(() -> ecs.disassociateGatewayFromCluster(r -> r.gateway("edge").cluster("never")))
                .isInstanceOf(ClusterNotFoundException.class);
    }

    @Test
    void should_allow_at_most_five_gateways_per_cluster() {
        ecs.createCluster(r -> r.clusterName("prod"));
        for (int i = 1; i <= 6; i++) {
            ecs.createGateway(minimal("g" + i).build());
        }
        for (int i = 1; i <= 5; i++) {
            String name = "g" + i;
            ecs.associateGatewayWithCluster(r -> r.gateway(name).cluster("prod"));
        }

        assertThatThrownBy(() -> ecs.associateGatewayWithCluster(r -> r.gateway("g6").cluster("prod")))
                .isInstanceOf(ClientException.class).hasMessageContaining("5 gateways");
        // associating again is idempotent and not counted twice
        assertThat(ecs.associateGatewayWithCluster(r -> r.gateway("g1").cluster("prod")).statusAsString())
                .isEqualTo("ACTIVE");
        ecs.disassociateGatewayFromCluster(r -> r.gateway("g1").cluster("prod"));
        world.clock().advance(Duration.ofSeconds(30));
        assertThat(ecs.associateGatewayWithCluster(r -> r.gateway("g6").cluster("prod")).statusAsString())
                .isEqualTo("ACTIVE");
    }

    @Test
    void should_page_associations() {
        for (String c : new String[] {"a", "b", "c"}) {
            ecs.createCluster(r -> r.clusterName(c));
        }
        ecs.createGateway(minimal("edge").build());
        for (String c : new String[] {"a", "b", "c"}) {
            ecs.associateGatewayWithCluster(r -> r.gateway("edge").cluster(c));
        }

        var first = ecs.listGatewayClusterAssociations(r -> r.maxResults(2));
        var second = ecs.listGatewayClusterAssociations(r -> r.maxResults(2).nextToken(first.nextToken()));

        assertThat(first.gatewayClusterAssociations()).extracting(GatewayClusterAssociationSummary::clusterArn)
                .containsExactly(clusterArn("a"), clusterArn("b"));
        assertThat(second.gatewayClusterAssociations()).extracting(GatewayClusterAssociationSummary::clusterArn)
                .containsExactly(clusterArn("c"));
        assertThat(second.nextToken()).isNull();
    }
}
