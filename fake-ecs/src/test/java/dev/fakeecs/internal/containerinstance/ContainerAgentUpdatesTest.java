package dev.fakeecs.internal.containerinstance;

import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.FakeEcs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AgentUpdateStatus;
import software.amazon.awssdk.services.ecs.model.NoUpdateAvailableException;
import software.amazon.awssdk.services.ecs.model.UpdateInProgressException;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContainerAgentUpdatesTest {

    private FakeEcs ecs;
    private EcsClient api;
    private SimulatedContainerInstance ci;

    @BeforeEach
    void setUp() {
        ecs = FakeEcs.create();
        api = ecs.api();
        api.createCluster(r -> r.clusterName("prod"));
        ci = RegionEngine.of(ecs.defaultRegion()).containerInstances().launchHost("prod", "m5.large", "us-east-1a", null);
    }

    private AgentUpdateStatus status() {
        return api.describeContainerInstances(r -> r.cluster("prod").containerInstances(ci.id()))
                .containerInstances().get(0).agentUpdateStatus();
    }

    @Test
    void should_walk_the_agent_through_the_update_stages_on_the_clock() {
        var started = api.updateContainerAgent(r -> r.cluster("prod").containerInstance(ci.id())).containerInstance();
        assertThat(started.agentUpdateStatus()).isEqualTo(AgentUpdateStatus.PENDING);

        ecs.clock().advance(Duration.ofSeconds(5));
        assertThat(status()).isEqualTo(AgentUpdateStatus.STAGING);
        assertThatThrownBy(() -> api.updateContainerAgent(r -> r.cluster("prod").containerInstance(ci.id())))
                .isInstanceOf(UpdateInProgressException.class);
        ecs.clock().advance(Duration.ofSeconds(25));
        assertThat(status()).isEqualTo(AgentUpdateStatus.STAGED);
        ecs.clock().advance(Duration.ofSeconds(5));
        assertThat(status()).isEqualTo(AgentUpdateStatus.UPDATING);
        assertThat(ci.agentConnected()).isFalse();
        ecs.clock().advance(Duration.ofSeconds(10));
        assertThat(status()).isEqualTo(AgentUpdateStatus.UPDATED);
        assertThat(ci.agentConnected()).isTrue();
        assertThat(ci.agentVersion()).isEqualTo(ContainerAgentUpdates.LATEST_VERSION);
    }

    @Test
    void should_say_no_update_is_available_on_the_latest_agent() {
        ci.agentVersion(ContainerAgentUpdates.LATEST_VERSION);

        assertThatThrownBy(() -> api.updateContainerAgent(r -> r.cluster("prod").containerInstance(ci.id())))
                .isInstanceOf(NoUpdateAvailableException.class)
                .extracting(ErrorText::of).asString().startsWith("There is no update available for your Amazon ECS container agent.");
    }
}
