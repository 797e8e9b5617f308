package dev.fakeecs.internal.task;

import dev.fakeecs.FakeEcs;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live tasks never share a private address (found by a 2,500-target load balanced benchmark: two tasks on one
 * address made one target of two, and the rolling deployment never completed).
 */
class PrivateAddressesTest {

    @Test
    void should_give_every_live_task_its_own_private_address() {
        try (FakeEcs ecs = FakeEcs.builder().seed(94).build()) {
            ecs.api().createCluster(r -> r.clusterName("prod"));
            ecs.api().registerTaskDefinition(r -> r.family("web").requiresCompatibilities(Compatibility.FARGATE)
                    .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                    .containerDefinitions(c -> c.name("web").image("nginx:1")));
            List<String> arns = new ArrayList<>();
            // 3,000 draws from 65,024 addresses: about 69 collisions expected without the check
            for (int i = 0; i < 300; i++) {
                arns.addAll(ecs.api().runTask(r -> r.cluster("prod").taskDefinition("web").count(10)
                        .launchType(LaunchType.FARGATE)
                        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-us-east-1a"))))
                        .tasks().stream().map(Task::taskArn).toList());
            }
            ecs.clock().advance(Duration.ofMinutes(2));

            Set<String> addresses = new HashSet<>();
            for (int i = 0; i < arns.size(); i += 100) {
                List<String> batch = arns.subList(i, Math.min(arns.size(), i + 100));
                for (Task t : ecs.api().describeTasks(r -> r.cluster("prod").tasks(batch)).tasks()) {
                    assertThat(t.lastStatus()).isEqualTo("RUNNING");
                    addresses.add(t.attachments().get(0).details().stream()
                            .filter(d -> d.name().equals("privateIPv4Address")).findFirst().orElseThrow().value());
                }
            }
            assertThat(arns).hasSize(3_000);
            assertThat(addresses).hasSize(3_000);
        }
    }
}
