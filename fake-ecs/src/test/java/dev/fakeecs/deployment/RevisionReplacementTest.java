package dev.fakeecs.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.image.ImageBehavior;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * The November 2025 rule, through the real ECS client: during a rolling deployment a task of the old revision that
 * stops (here stopped by hand) is replaced with a task of its own revision, not of the new one, and the
 * replacement counts against maximumPercent; tasks the rollout itself retires are not replaced.
 */
class RevisionReplacementTest {

    private FakeEcs ecs;
    private EcsClient client;

    @BeforeEach
    void setUp() {
        ecs = FakeEcs.builder().seed(11).build();
        client = ecs.newClient();
        client.createCluster(r -> r.clusterName("prod"));
        for (String image : List.of("pay:1", "pay:2")) {
            client.registerTaskDefinition(r -> r.family("pay").networkMode(NetworkMode.AWSVPC)
                    .requiresCompatibilities(Compatibility.FARGATE).cpu("256").memory("512")
                    .containerDefinitions(c -> c.name("app").image(image).essential(true)));
        }
        // the new revision takes 5 minutes to start, so the old tasks are still there when one of them stops
        ecs.declareImage("pay:2", ImageBehavior.DEFAULT.withStartTime(Duration.ofMinutes(5)));
        client.createService(r -> r.cluster("prod").serviceName("pay").taskDefinition("pay:1").desiredCount(3)
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1")))
                .deploymentConfiguration(d -> d.minimumHealthyPercent(100).maximumPercent(200)));
        ecs.clock().advance(Duration.ofMinutes(5));
    }

    @AfterEach
    void tearDown() {
        ecs.close();
    }

    @Test
    void should_replace_a_stopped_task_of_the_old_revision_with_its_own_revision() {
        // given: the deployment started three new tasks beside the three old ones
        client.updateService(r -> r.cluster("prod").service("pay").taskDefinition("pay:2"));
        ecs.clock().advance(Duration.ofSeconds(30));
        List<Task> old = live("pay:1");
        assertThat(old).hasSize(3);
        assertThat(live("pay:2")).hasSize(3);

        // when: one old task is stopped
        Instant stoppedAt = ecs.clock().instant();
        client.stopTask(r -> r.cluster("prod").task(old.get(0).taskArn()).reason("operator"));
        ecs.clock().advance(Duration.ofSeconds(90));

        // then: a new task of the OLD revision replaced it (not a fourth task of the new one)
        List<Task> oldNow = live("pay:1");
        assertThat(oldNow).hasSize(3);
        assertThat(oldNow).anySatisfy(t -> {
            assertThat(t.createdAt()).isAfterOrEqualTo(stoppedAt);
            assertThat(old).noneMatch(o -> o.taskArn().equals(t.taskArn()));
        });
        assertThat(live("pay:2")).hasSize(3);
        var deployments = client.describeServices(r -> r.cluster("prod").services("pay")).services().get(0)
                .deployments();
        assertThat(deployments.get(1).desiredCount()).isEqualTo(3);

        // and: the rollout still completes on the new revision, retiring the old tasks for good
        ecs.clock().advance(Duration.ofMinutes(15));
        assertThat(live("pay:1")).isEmpty();
        assertThat(live("pay:2")).hasSize(3);
        assertThat(client.describeServices(r -> r.cluster("prod").services("pay")).services().get(0).deployments())
                .singleElement().satisfies(d -> assertThat(d.rolloutStateAsString()).isEqualTo("COMPLETED"));
    }

    private List<Task> live(String revision) {
        List<String> arns = client.listTasks(r -> r.cluster("prod").desiredStatus("RUNNING")).taskArns();
        if (arns.isEmpty()) {
            return List.of();
        }
        return client.describeTasks(r -> r.cluster("prod").tasks(arns)).tasks().stream()
                .filter(t -> t.taskDefinitionArn().endsWith("/" + revision)).toList();
    }
}
