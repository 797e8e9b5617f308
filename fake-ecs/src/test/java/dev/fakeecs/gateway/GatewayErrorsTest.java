package dev.fakeecs.gateway;

import dev.fakeecs.FakeEcs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.GatewayNotFoundException;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.Tag;

import static dev.fakeecs.gateway.GatewayLifecycleTest.ROLE;
import static dev.fakeecs.gateway.GatewayLifecycleTest.START;
import static dev.fakeecs.gateway.GatewayLifecycleTest.minimal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The gateway operations' errors through the real SDK client over the wire: required members, enum values, the
 * configuration rules, duplicates, deletion protection and unknown gateways; a refused request leaves nothing behind.
 */
class GatewayErrorsTest {

    private final FakeEcs world = FakeEcs.builder().seed(17).start(START).build();
    private final EcsClient ecs = world.newClient();

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void should_name_the_missing_required_members() {
        assertThatThrownBy(() -> ecs.createGateway(minimal("x").name(null).build()))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> ecs.createGateway(minimal("x").infrastructureRoleArn(null).build()))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("infrastructureRoleArn");
        assertThatThrownBy(() -> ecs.createGateway(minimal("x").configuration((
                software.amazon.awssdk.services.ecs.model.GatewayConfiguration) null).build()))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("configuration");
        assertThatThrownBy(() -> ecs.associateGatewayWithCluster(r -> r.gateway("x")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("cluster");
        assertThatThrownBy(() -> ecs.describeGatewayRoute(r -> { }))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("gatewayRouteArn");
        assertThat(ecs.listGateways(r -> { }).gateways()).isEmpty();
    }

    @Test
    void should_refuse_values_outside_the_model_enums() {
        assertThatThrownBy(() -> ecs.createGateway(minimal("x").configuration(c -> c.hostSharedAlb(a -> a
                .scheme("sideways"))).build()))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("scheme");
        assertThatThrownBy(() -> ecs.createGateway(minimal("x").propagateTags("SERVICE").build()))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("propagateTags");
        assertThatThrownBy(() -> ecs.listGateways(r -> r.statusWithStrings("GONE")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("status");
    }

    @Test
    void should_refuse_an_invalid_configuration_naming_the_field() {
        assertThatThrownBy(() -> ecs.createGateway(minimal("x").configuration(c -> { }).build()))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("hostSharedAlb");
        assertThatThrownBy(() -> ecs.createGateway(minimal("x").configuration(c -> c.hostSharedAlb(a -> a.port(80)))
                .build()))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("hostSharedAlb.port");
        assertThatThrownBy(() -> ecs.createGateway(minimal("x").configuration(c -> c.hostSharedAlb(a -> a
                .protocol("HTTP"))).build()))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("hostSharedAlb.protocol");
        assertThatThrownBy(() -> ecs.createGateway(minimal("x").configuration(c -> c.hostSharedAlb(a -> a
                .maxAlbCount(0))).build()))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("maxAlbCount");
        assertThatThrownBy(() -> ecs.createGateway(minimal("x").configuration(c -> c.hostSharedAlb(a -> a
                .accessLogs(l -> l.destination(d -> { })))).build()))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("accessLogs.destination");
        assertThatThrownBy(() -> ecs.createGateway(minimal("x").configuration(c -> c.hostSharedAlb(a -> a
                .testTrafficRules(t -> t.header(h -> h.name("x-test"))))).build()))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("header.values");
        assertThatThrownBy(() -> ecs.createGateway(minimal("bad name!").build()))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> ecs.createGateway(minimal("x").infrastructureRoleArn("not-a-role").build()))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("infrastructureRoleArn");
        assertThatThrownBy(() -> ecs.createGateway(minimal("x").tags(Tag.builder().key("aws:x").value("v").build())
                .build()))
                .isInstanceOf(InvalidParameterException.class);
        assertThat(ecs.listGateways(r -> { }).gateways()).isEmpty();
    }

    @Test
    void should_refuse_a_second_gateway_of_the_same_name() {
        ecs.createGateway(minimal("edge").build());

        assertThatThrownBy(() -> ecs.createGateway(minimal("edge").clientToken("other").build()))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("already exists");
    }

    @Test
    void should_refuse_deleting_a_protected_gateway_until_protection_is_off() {
        ecs.createGateway(minimal("edge").deletionProtection(true).build());

        assertThatThrownBy(() -> ecs.deleteGateway(r -> r.gateway("edge")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("deletion protection");
        ecs.updateGateway(r -> r.gateway("edge").deletionProtection(false));
        assertThat(ecs.deleteGateway(r -> r.gateway("edge")).statusAsString()).isEqualTo("DELETED");
    }

    @Test
    void should_answer_gateway_not_found_for_an_unknown_gateway() {
        assertThatThrownBy(() -> ecs.updateGateway(r -> r.gateway("nope").deletionProtection(true)))
                .isInstanceOf(GatewayNotFoundException.class);
        assertThatThrownBy(() -> ecs.deleteGateway(r -> r.gateway("nope")))
                .isInstanceOf(GatewayNotFoundException.class);
        assertThatThrownBy(() -> ecs.describeGateway(r -> r.gateway(
                "arn:aws:ecs:eu-west-1:" + world.accountId() + ":gateway/nope")))
                .isInstanceOf(GatewayNotFoundException.class);
        assertThat(ecs.createGateway(minimal("nope").infrastructureRoleArn(ROLE).build()).name()).isEqualTo("nope");
    }

    @Test
    void should_refuse_an_update_that_breaks_the_configuration_rules_and_keep_the_gateway() {
        ecs.createGateway(minimal("edge").build());

        assertThatThrownBy(() -> ecs.updateGateway(r -> r.gateway("edge").configuration(c -> c.hostSharedAlb(a -> a
                .maxAlbCount(0)))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("maxAlbCount");
        assertThatThrownBy(() -> ecs.updateGateway(r -> r.gateway("edge").infrastructureRoleArn("role")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("infrastructureRoleArn");
        var g = ecs.describeGateway(r -> r.gateway("edge")).gateway();
        assertThat(g.statusAsString()).isEqualTo("ACTIVE");
        assertThat(g.configuration().hostSharedAlb().maxAlbCount()).isEqualTo(10);
    }
}
