package dev.fakeecs.gateway;

import dev.fakeecs.FakeEcs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.CreateGatewayRequest;
import software.amazon.awssdk.services.ecs.model.CreateGatewayResponse;
import software.amazon.awssdk.services.ecs.model.Gateway;
import software.amazon.awssdk.services.ecs.model.GatewayNotFoundException;
import software.amazon.awssdk.services.ecs.model.GatewayStatus;
import software.amazon.awssdk.services.ecs.model.GatewaySummary;
import software.amazon.awssdk.services.ecs.model.ListGatewaysResponse;
import software.amazon.awssdk.services.ecs.model.Tag;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * CreateGateway, DescribeGateway, UpdateGateway, ListGateways and DeleteGateway through the real SDK client over the
 * wire: defaults, the 30 s update transition on the virtual clock, tags, paging and deletion.
 */
class GatewayLifecycleTest {

    static final String ROLE = "arn:aws:iam::123456789012:role/ecsInfrastructureRole";
    static final Instant START = Instant.parse("2026-03-06T18:00:00Z");

    private final FakeEcs world = FakeEcs.builder().seed(7).start(START).build();
    private final EcsClient ecs = world.newClient();

    @AfterEach
    void close() {
        world.close();
    }

    static CreateGatewayRequest.Builder minimal(String name) {
        return CreateGatewayRequest.builder().name(name).infrastructureRoleArn(ROLE)
                .configuration(c -> c.hostSharedAlb(a -> a.scheme("internet-facing")));
    }

    @Test
    void should_create_an_active_gateway_with_aws_defaults() {
        // when
        CreateGatewayResponse created = ecs.createGateway(minimal("edge")
                .tags(Tag.builder().key("team").value("platform").build()).build());

        // then
        String arn = "arn:aws:ecs:us-east-1:" + world.accountId() + ":gateway/edge";
        assertThat(created.gatewayArn()).isEqualTo(arn);
        assertThat(created.name()).isEqualTo("edge");
        assertThat(created.status()).isEqualTo(GatewayStatus.ACTIVE);
        Gateway g = ecs.describeGateway(r -> r.gateway("edge")).gateway();
        assertThat(g.gatewayArn()).isEqualTo(arn);
        assertThat(g.status()).isEqualTo(GatewayStatus.ACTIVE);
        assertThat(g.infrastructureRoleArn()).isEqualTo(ROLE);
        assertThat(g.deletionProtection()).isFalse();
        assertThat(g.propagateTagsAsString()).isEqualTo("NONE");
        assertThat(g.accessTypeAsString()).isEqualTo("PUBLIC");
        assertThat(g.createdAt()).isEqualTo(START);
        assertThat(g.tags()).containsExactly(Tag.builder().key("team").value("platform").build());
        var alb = g.configuration().hostSharedAlb();
        assertThat(alb.port()).isEqualTo(443);
        assertThat(alb.protocolAsString()).isEqualTo("HTTPS");
        assertThat(alb.maxAlbCount()).isEqualTo(10);
        assertThat(alb.currentAlbCount()).isZero();
        assertThat(alb.httpDesyncAsString()).isEqualTo("defensive");
        assertThat(alb.networkConfiguration().ipAddressTypeAsString()).isEqualTo("ipv4");
        assertThat(ecs.listTagsForResource(r -> r.resourceArn(arn)).tags()).hasSize(1);
        ecs.tagResource(r -> r.resourceArn(arn).tags(Tag.builder().key("tier").value("edge").build()));
        ecs.untagResource(r -> r.resourceArn(arn).tagKeys("team"));
        assertThat(ecs.describeGateway(r -> r.gateway("edge")).gateway().tags())
                .containsExactly(Tag.builder().key("tier").value("edge").build());
    }

    @Test
    void should_describe_an_internal_gateway_as_private_and_by_arn() {
        String arn = ecs.createGateway(minimal("inside").configuration(c -> c.hostSharedAlb(a -> a.scheme("internal")
                .networkConfiguration(n -> n.subnets("subnet-a", "subnet-b").inboundSecurityGroup("sg-1"))))
                .build()).gatewayArn();

        Gateway g = ecs.describeGateway(r -> r.gateway(arn)).gateway();

        assertThat(g.accessTypeAsString()).isEqualTo("PRIVATE");
        assertThat(g.configuration().hostSharedAlb().networkConfiguration().subnets())
                .containsExactly("subnet-a", "subnet-b");
        assertThat(g.configuration().hostSharedAlb().networkConfiguration().inboundSecurityGroup()).isEqualTo("sg-1");
    }

    @Test
    void should_be_update_in_progress_for_30_seconds_then_update_complete() {
        ecs.createGateway(minimal("edge").build());
        world.clock().advance(Duration.ofMinutes(1));

        // when
        var updated = ecs.updateGateway(r -> r.gateway("edge").deletionProtection(true).propagateTags("GATEWAY")
                .configuration(c -> c.hostSharedAlb(a -> a.maxAlbCount(3).httpDesync("strictest")
                        .networkConfiguration(n -> n.inboundSecurityGroup("sg-9")))));

        // then
        assertThat(updated.status()).isEqualTo(GatewayStatus.UPDATE_IN_PROGRESS);
        world.clock().advance(Duration.ofSeconds(29));
        assertThat(ecs.describeGateway(r -> r.gateway("edge")).gateway().status())
                .isEqualTo(GatewayStatus.UPDATE_IN_PROGRESS);
        world.clock().advance(Duration.ofSeconds(1));
        Gateway g = ecs.describeGateway(r -> r.gateway("edge")).gateway();
        assertThat(g.status()).isEqualTo(GatewayStatus.UPDATE_COMPLETE);
        assertThat(g.updatedAt()).isEqualTo(START.plus(Duration.ofMinutes(1)));
        assertThat(g.deletionProtection()).isTrue();
        assertThat(g.propagateTagsAsString()).isEqualTo("GATEWAY");
        assertThat(g.configuration().hostSharedAlb().maxAlbCount()).isEqualTo(3);
        assertThat(g.configuration().hostSharedAlb().httpDesyncAsString()).isEqualTo("strictest");
        assertThat(g.configuration().hostSharedAlb().networkConfiguration().inboundSecurityGroup()).isEqualTo("sg-9");
        assertThat(g.configuration().hostSharedAlb().schemeAsString()).isEqualTo("internet-facing");
    }

    @Test
    void should_list_gateways_by_name_and_status_in_pages() {
        for (String name : List.of("a", "b", "c")) {
            ecs.createGateway(minimal(name).build());
        }
        ecs.updateGateway(r -> r.gateway("b").deletionProtection(true));

        List<String> all = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String t = token;
            ListGatewaysResponse page = ecs.listGateways(r -> r.maxResults(2).nextToken(t));
            page.gateways().forEach(s -> all.add(s.name()));
            token = page.nextToken();
            pages++;
        } while (token != null);

        assertThat(all).containsExactly("a", "b", "c");
        assertThat(pages).isEqualTo(2);
        assertThat(ecs.listGateways(r -> r.names("c", "zzz")).gateways()).extracting(GatewaySummary::name)
                .containsExactly("c");
        assertThat(ecs.listGateways(r -> r.status(GatewayStatus.UPDATE_IN_PROGRESS)).gateways())
                .extracting(GatewaySummary::name).containsExactly("b");
        assertThat(ecs.listGatewaysPaginator(r -> r.maxResults(1)).gateways()).hasSize(3);
    }

    @Test
    void should_delete_a_gateway_and_then_not_find_it() {
        String arn = ecs.createGateway(minimal("edge").tags(Tag.builder().key("k").value("v").build()).build())
                .gatewayArn();

        var deleted = ecs.deleteGateway(r -> r.gateway("edge"));

        assertThat(deleted.status()).isEqualTo(GatewayStatus.DELETED);
        assertThat(deleted.gatewayArn()).isEqualTo(arn);
        assertThatThrownBy(() -> ecs.describeGateway(r -> r.gateway("edge")))
                .isInstanceOf(GatewayNotFoundException.class).hasMessageContaining("gateway was not found");
        assertThat(ecs.listGateways(r -> { }).gateways()).isEmpty();
        // the name is free again
        assertThat(ecs.createGateway(minimal("edge").build()).status()).isEqualTo(GatewayStatus.ACTIVE);
    }

    @Test
    void should_return_the_same_gateway_for_a_repeated_client_token() {
        CreateGatewayResponse first = ecs.createGateway(minimal("edge").clientToken("t-1").build());
        CreateGatewayResponse again = ecs.createGateway(minimal("edge").clientToken("t-1").build());

        assertThat(again.gatewayArn()).isEqualTo(first.gatewayArn());
        assertThat(ecs.listGateways(r -> { }).gateways()).hasSize(1);
    }
}
