package dev.fakeecs.internal.task;

import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.FakeEcs;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PropagateTags;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskField;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tags of standalone tasks: RunTask copies the task definition's tags only when asked to, and refuses
 * invalid tags before it creates any task.
 */
class TaskTagsTest {

    private final FakeEcs ecs = FakeEcs.builder().seed(11).build();

    private Task describe(String arn) {
        return ecs.api().describeTasks(b -> b.cluster("prod").tasks(arn).include(TaskField.TAGS)).tasks().get(0);
    }

    @Test
    void should_propagate_task_definition_tags_when_run_task_asks_for_it() {
        ecs.api().createCluster(r -> r.clusterName("prod"));
        ecs.api().registerTaskDefinition(r -> r.family("web").requiresCompatibilities(
                        software.amazon.awssdk.services.ecs.model.Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .tags(Tag.builder().key("team").value("orders").build(),
                        Tag.builder().key("env").value("td").build())
                .containerDefinitions(ContainerDefinition.builder().name("app").image("acme/web:1").build()));

        String propagated = ecs.api().runTask(r -> r.cluster("prod").taskDefinition("web")
                .launchType(LaunchType.FARGATE).networkConfiguration(TaskFixtures.NETWORK)
                .propagateTags(PropagateTags.TASK_DEFINITION)
                .tags(Tag.builder().key("env").value("prod").build())).tasks().get(0).taskArn();
        String plain = ecs.api().runTask(r -> r.cluster("prod").taskDefinition("web")
                .launchType(LaunchType.FARGATE).networkConfiguration(TaskFixtures.NETWORK)).tasks().get(0).taskArn();

        assertThat(describe(propagated).tags()).extracting(Tag::key, Tag::value).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("team", "orders"), org.assertj.core.groups.Tuple.tuple("env", "prod"));
        assertThat(describe(plain).tags()).as("no propagateTags: task definition tags are not copied").isEmpty();
    }

    @Test
    void should_refuse_invalid_run_task_tags_before_any_task_exists() {
        ecs.api().createCluster(r -> r.clusterName("prod"));
        TaskFixtures.registerFargate(ecs, "web", "acme/web:1");

        assertThatThrownBy(() -> ecs.api().runTask(r -> r.cluster("prod").taskDefinition("web")
                .launchType(LaunchType.FARGATE).networkConfiguration(TaskFixtures.NETWORK)
                .tags(Tag.builder().key("aws:reserved").value("x").build())))
                .isInstanceOf(InvalidParameterException.class);
        assertThat(RegionEngine.of(ecs.defaultRegion()).tasks().all()).isEmpty();
    }

    @Test
    void should_give_a_run_task_task_the_cluster_managed_tag_when_enable_ecs_managed_tags_is_set() {
        ecs.api().createCluster(r -> r.clusterName("prod"));
        TaskFixtures.registerFargate(ecs, "web", "acme/web:1");

        String managed = ecs.api().runTask(r -> r.cluster("prod").taskDefinition("web")
                .launchType(LaunchType.FARGATE).networkConfiguration(TaskFixtures.NETWORK).enableECSManagedTags(true)
                .tags(Tag.builder().key("team").value("orders").build())).tasks().get(0).taskArn();
        String plain = ecs.api().runTask(r -> r.cluster("prod").taskDefinition("web")
                .launchType(LaunchType.FARGATE).networkConfiguration(TaskFixtures.NETWORK)).tasks().get(0).taskArn();

        assertThat(describe(managed).tags()).containsExactly(Tag.builder().key("team").value("orders").build(),
                Tag.builder().key("aws:ecs:clusterName").value("prod").build());
        assertThat(ecs.api().listTagsForResource(r -> r.resourceArn(managed)).tags())
                .contains(Tag.builder().key("aws:ecs:clusterName").value("prod").build());
        assertThat(describe(plain).tags()).isEmpty();
    }
}
