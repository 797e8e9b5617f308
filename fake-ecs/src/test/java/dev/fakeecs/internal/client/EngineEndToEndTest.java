package dev.fakeecs.internal.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.internal.protocol.EcsProtocolHandler;
import dev.fakeecs.internal.protocol.ProtocolRouter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;

/** The in-process SDK client against the real engine: the wiring FakeEcs.newClient() will use. */
class EngineEndToEndTest {

    private final FakeEcs world = FakeEcs.builder().seed(1).region("us-east-1").region("eu-west-1").build();
    private final EcsProtocolHandler handler = EcsProtocolHandler.builder()
            .regions(name -> world.region(name).api())
            .defaultRegion(world.defaultRegion().name())
            .build();
    private final EcsClient ecs = EcsClients.sync(ProtocolRouter.of(handler), "eu-west-1");

    @AfterEach
    void close() {
        ecs.close();
        world.close();
    }

    @Test
    void should_create_and_describe_a_cluster_of_the_signed_region_through_the_wire_protocol() {
        // when
        ecs.createCluster(r -> r.clusterName("prod"));
        DescribeClustersResponse response = ecs.describeClusters(r -> r.clusters("prod", "ghost"));

        // then
        assertThat(response.clusters()).singleElement()
                .satisfies(c -> assertThat(c.clusterArn()).isEqualTo("arn:aws:ecs:eu-west-1:123456789012:cluster/prod"));
        assertThat(response.failures()).singleElement().satisfies(f -> assertThat(f.reason()).isEqualTo("MISSING"));
    }

    @Test
    void should_raise_the_engine_not_found_error_as_the_sdk_typed_exception() {
        assertThatThrownBy(() -> ecs.deleteCluster(r -> r.cluster("ghost")))
                .isInstanceOf(ClusterNotFoundException.class);
    }
}
