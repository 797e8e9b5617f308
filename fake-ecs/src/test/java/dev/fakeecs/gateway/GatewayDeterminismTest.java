package dev.fakeecs.gateway;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.journal.JournalEntry;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;

import java.time.Duration;
import java.util.List;

import static dev.fakeecs.gateway.GatewayLifecycleTest.START;
import static dev.fakeecs.gateway.GatewayLifecycleTest.minimal;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gateways keep the world deterministic: the same seed and calls give a byte-identical journal, the gateway
 * operations record only their own state changes, and advancing the clock with gateways in transition schedules
 * nothing (statuses are computed when read).
 */
class GatewayDeterminismTest {

    private static String run() {
        try (FakeEcs world = FakeEcs.builder().seed(23).start(START).build()) {
            EcsClient ecs = world.newClient();
            ecs.createCluster(r -> r.clusterName("prod"));
            ecs.createGateway(minimal("edge").build());
            ecs.associateGatewayWithCluster(r -> r.gateway("edge").cluster("prod"));
            ecs.updateGateway(r -> r.gateway("edge").deletionProtection(true));
            ecs.disassociateGatewayFromCluster(r -> r.gateway("edge").cluster("prod"));
            world.clock().advance(Duration.ofMinutes(1));
            return world.journal().toJsonLines();
        }
    }

    @Test
    void should_write_the_same_journal_for_the_same_calls() {
        assertThat(run()).isEqualTo(run()).contains("gateway/edge");
    }

    @Test
    void should_record_only_the_gateway_state_changes_and_schedule_nothing() {
        try (FakeEcs world = FakeEcs.builder().seed(29).start(START).build()) {
            EcsClient ecs = world.newClient();
            ecs.createGateway(minimal("edge").build());
            ecs.updateGateway(r -> r.gateway("edge").deletionProtection(true));
            long mark = world.journal().mark();

            world.clock().advance(Duration.ofMinutes(10));

            List<JournalEntry> after = world.journal().since(mark);
            assertThat(after).noneMatch(e -> e.subject().contains("gateway"));
            assertThat(world.journal().about(ecs.describeGateway(r -> r.gateway("edge")).gateway().gatewayArn()))
                    .hasSize(2);
        }
    }
}
