package dev.fakeecs.registry;

import dev.fakeecs.FakeEcs;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ReplicationLagTest {

    private final FakeEcs ecs = FakeEcs.builder().seed(3).region("us-east-1").region("us-west-2").build();
    private final ImageRegistries ecr = ImageRegistries.of(ecs);
    private final EcsClient west = ecs.region("us-west-2").api();

    private Task runInWest(String image) {
        String family = "job-" + image.replaceAll("[^a-z0-9]", "-");
        west.registerTaskDefinition(r -> r.family(family).requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(ContainerDefinition.builder().name("app").image(image).build()));
        String arn = west.runTask(r -> r.cluster("food").taskDefinition(family).launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(AwsVpcConfiguration.builder().subnets("s").build())))
                .tasks().get(0).taskArn();
        ecs.clock().advance(Duration.ofMinutes(2));
        return west.describeTasks(b -> b.cluster("food").tasks(arn)).tasks().get(0);
    }

    @Test
    void should_give_the_old_digest_or_fail_the_pull_until_replication_completes() {
        // given: us-east-1 replicates to us-west-2 with a 15 minute lag; v1 of :latest has arrived
        west.createCluster(r -> r.clusterName("food"));
        ecr.replicate("us-east-1", "us-west-2", Duration.ofMinutes(15));
        String v1 = ecr.region("us-east-1").push("acme/orders", "latest");
        ecs.clock().advance(Duration.ofMinutes(15));
        assertThat(ecr.region("us-west-2").resolve("acme/orders", "latest")).contains(v1);

        // when v2 is pushed and tasks start in us-west-2 before it arrives
        String v2 = ecr.region("us-east-1").push("acme/orders", "latest");
        ecr.region("us-east-1").push("acme/orders", "2.0");
        Task stale = runInWest("acme/orders:latest");
        Task missing = runInWest("acme/orders:2.0");

        // then: the stale-image gotcha and a tag that has not arrived
        assertThat(ecr.replicationStatus("us-east-1", "acme/orders", "latest", "us-west-2")).isEqualTo("IN_PROGRESS");
        assertThat(stale.lastStatus()).isEqualTo("RUNNING");
        assertThat(stale.containers().get(0).imageDigest()).isEqualTo(v1);
        assertThat(missing.stopCodeAsString()).isEqualTo("TaskFailedToStart");
        assertThat(missing.stoppedReason()).isEqualTo("CannotPullContainerError: pull image manifest has been "
                + "retried 5 time(s): failed to resolve ref acme/orders:2.0: acme/orders:2.0: not found");

        // and once replication completes, new tasks get the new digest
        ecs.clock().advance(Duration.ofMinutes(15));
        assertThat(ecr.replicationStatus("us-east-1", "acme/orders", "latest", "us-west-2")).isEqualTo("COMPLETE");
        assertThat(runInWest("acme/orders:latest").containers().get(0).imageDigest()).isEqualTo(v2).isNotEqualTo(v1);
        String eastUri = ecr.region("us-east-1").uri("acme/orders", "latest");
        assertThat(runInWest(eastUri).containers().get(0).imageDigest()).isEqualTo(v2);
    }

    @Test
    void should_parse_ecr_uris() {
        ImageReference ref = ImageReference.parse("123456789012.dkr.ecr.us-west-2.amazonaws.com/acme/orders:2");
        assertThat(ref).isEqualTo(new ImageReference("us-west-2", "acme/orders", "2", null));
        assertThat(ImageReference.parse("nginx")).isEqualTo(new ImageReference(null, "nginx", "latest", null));
        assertThat(ImageReference.parse("repo@sha256:ab").digest()).isEqualTo("sha256:ab");
    }
}
