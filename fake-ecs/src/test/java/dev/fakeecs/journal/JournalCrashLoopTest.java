package dev.fakeecs.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.image.ImageBehavior;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;

/**
 * A long crash loop (the shape that filled 513 MB of journal in 10 virtual days) under a bounded
 * retention: the journal keeps recording, and stays at its cap. Bounded in work, not wall time: a fixed
 * stretch of virtual time; the assertions count entries, never heap or seconds.
 */
class JournalCrashLoopTest {

    static final int CAP = 20_000;

    /** A 20-task Fargate service whose image exits after 30 s, so ECS replaces its tasks for ever. */
    static FakeEcs crashLoop(JournalRetention retention) {
        FakeEcs ecs = FakeEcs.builder().seed(12).journalRetention(retention).build();
        ecs.declareImage("acme/crash:1", ImageBehavior.DEFAULT.exitAfter(Duration.ofSeconds(30), 1));
        ecs.api().createCluster(r -> r.clusterName("prod").capacityProviders("FARGATE"));
        String td = ecs.api().registerTaskDefinition(r -> r.family("crash").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(ContainerDefinition.builder().name("app").image("acme/crash:1").build()))
                .taskDefinition().taskDefinitionArn();
        ecs.api().createService(r -> r.cluster("prod").serviceName("crash").taskDefinition(td).desiredCount(20)
                .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(
                        AwsVpcConfiguration.builder().subnets("subnet-1").build())));
        return ecs;
    }

    @Test
    void should_keep_a_crash_looping_world_journal_at_its_cap() {
        try (FakeEcs ecs = crashLoop(JournalRetention.lastEntries(CAP))) {
            long recorded = 0;
            for (int hour = 1; hour <= 12; hour++) {
                ecs.clock().advance(Duration.ofHours(1));

                assertThat(ecs.journal().size()).as("entries kept after hour %d", hour).isLessThanOrEqualTo(CAP);
                assertThat(ecs.journal().mark()).as("entries recorded by hour %d", hour).isGreaterThan(recorded);
                recorded = ecs.journal().mark();
            }

            assertThat(recorded).as("the loop recorded many times the cap").isGreaterThan(3L * CAP);
            assertThat(ecs.journal().size()).isEqualTo(CAP);
            assertThat(ecs.journal().firstSequence()).isEqualTo(recorded - CAP);
            assertThat(ecs.journal().entries().get(CAP - 1).sequence()).isEqualTo(recorded - 1);
            assertThat(ecs.journal().toJsonLines().lines().count()).isEqualTo(CAP);
        }
    }
}
