package dev.fakeecs.junit.assertions;

import dev.fakeecs.FakeEcs;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.NetworkMode;

import java.time.Duration;

import static dev.fakeecs.dsl.Ecs.capacityProvider;
import static dev.fakeecs.dsl.Ecs.world;
import static dev.fakeecs.junit.assertions.DaemonCoverageAssert.assertThatDaemon;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DaemonCoverageAssertTest {

    private static FakeEcs worldWithDaemon() {
        FakeEcs ecs = world().region("us-east-1")
                .cluster("prod", c -> c
                        .managedInstancesProvider("mi", p -> p.subnets("subnet-us-east-1a", "subnet-us-east-1b")
                                .vCpus(2, 4).memoryMiB(4096, 16384))
                        .daemon("log-router", d -> d.image("fluent-bit:3").capacityProviders("mi"))
                        .defaultStrategy(capacityProvider("mi").weight(1)))
                .start();
        String td = ecs.api().registerTaskDefinition(r -> r.family("web").networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilities(Compatibility.MANAGED_INSTANCES).cpu("512").memory("1024")
                .containerDefinitions(x -> x.name("web").image("nginx"))).taskDefinition().taskDefinitionArn();
        ecs.api().createService(r -> r.cluster("prod").serviceName("web").taskDefinition(td).desiredCount(2)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-us-east-1a",
                        "subnet-us-east-1b"))));
        return ecs;
    }

    @Test
    void should_pass_once_every_instance_runs_one_daemon_task() {
        try (FakeEcs ecs = worldWithDaemon()) {
            // daemon-coverage-START
            assertThatDaemon(ecs, "prod", "log-router").eventually(Duration.ofMinutes(10))
                    .coversAtLeast(2).hasOneDaemonTaskOnEveryInstance();
            // daemon-coverage-END
        }
    }

    @Test
    void should_fail_with_the_daemon_and_what_was_found() {
        try (FakeEcs ecs = worldWithDaemon()) {
            ecs.clock().advance(Duration.ofMinutes(10));
            assertThatThrownBy(() -> assertThatDaemon(ecs, "prod", "log-router").coversAtLeast(5))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("daemon log-router in cluster prod (us-east-1)")
                    .hasMessageContaining("at least 5");
            assertThatThrownBy(() -> assertThatDaemon(ecs, "prod", "nope").hasOneDaemonTaskOnEveryInstance())
                    .isInstanceOf(AssertionError.class).hasMessageContaining("the daemon does not exist");
        }
    }
}
