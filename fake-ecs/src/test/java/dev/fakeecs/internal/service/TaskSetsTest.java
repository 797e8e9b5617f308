package dev.fakeecs.internal.service;

import dev.fakeecs.FakeEcs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.ScaleUnit;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskSet;
import software.amazon.awssdk.services.ecs.model.TaskSetField;
import software.amazon.awssdk.services.ecs.model.TaskSetNotFoundException;

import java.time.Duration;
import java.util.List;

import static dev.fakeecs.internal.service.ServiceFixtures.NETWORK;
import static dev.fakeecs.internal.service.ServiceFixtures.describe;
import static dev.fakeecs.internal.service.ServiceFixtures.fargateFamily;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskSetsTest {

    private final FakeEcs ecs = ServiceFixtures.world();
    private final EcsClient client = ecs.newClient();
    private String blueTd;
    private String greenTd;

    @BeforeEach
    void externalService() {
        blueTd = fargateFamily(ecs, "web", "acme/web:blue", false);
        greenTd = fargateFamily(ecs, "web", "acme/web:green", false);
        client.createService(r -> r.cluster("prod").serviceName("web").desiredCount(4)
                .deploymentController(c -> c.type(DeploymentControllerType.EXTERNAL)));
    }

    @AfterEach
    void close() {
        ecs.close();
    }

    private TaskSet create(String td, double percent) {
        return client.createTaskSet(r -> r.cluster("prod").service("web").taskDefinition(td).externalId("ext-" + percent)
                .launchType(LaunchType.FARGATE).networkConfiguration(NETWORK)
                .scale(s -> s.unit(ScaleUnit.PERCENT).value(percent))).taskSet();
    }

    private TaskSet describeSet(String id) {
        return client.describeTaskSets(r -> r.cluster("prod").service("web").taskSets(id)).taskSets().get(0);
    }

    private List<Task> tasks(DesiredStatus status) {
        List<String> arns = client.listTasks(r -> r.cluster("prod").serviceName("web").desiredStatus(status)).taskArns();
        return arns.isEmpty() ? List.of() : client.describeTasks(r -> r.cluster("prod").tasks(arns)).tasks();
    }

    @Test
    void should_run_a_primary_task_set_at_its_scale_with_started_by_the_set_id() {
        // when
        TaskSet blue = create(blueTd, 100);
        ecs.clock().advance(Duration.ofMinutes(3));

        // then
        assertThat(blue.id()).matches("ecs-svc/\\d{19}");
        assertThat(blue.taskSetArn()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:task-set/prod/web/" + blue.id());
        assertThat(blue.status()).isEqualTo("PRIMARY");
        TaskSet steady = describeSet(blue.id());
        assertThat(steady.computedDesiredCount()).isEqualTo(4);
        assertThat(steady.runningCount()).isEqualTo(4);
        assertThat(steady.stabilityStatusAsString()).isEqualTo("STEADY_STATE");
        assertThat(tasks(DesiredStatus.RUNNING)).hasSize(4)
                .allSatisfy(t -> assertThat(t.startedBy()).isEqualTo(blue.id()))
                .allSatisfy(t -> assertThat(t.group()).isEqualTo("service:web"));
        var service = describe(ecs, "web");
        assertThat(service.runningCount()).isEqualTo(4);
        assertThat(service.taskDefinition()).isEqualTo(blueTd);
        assertThat(service.taskSets()).extracting(TaskSet::id).containsExactly(blue.id());
    }

    @Test
    void should_shift_from_blue_to_green_and_drain_the_deleted_set() {
        // given
        TaskSet blue = create(blueTd, 100);
        ecs.clock().advance(Duration.ofMinutes(3));

        // when
        TaskSet green = create(greenTd, 50);
        ecs.clock().advance(Duration.ofMinutes(3));

        // then
        assertThat(green.status()).isEqualTo("ACTIVE");
        assertThat(describeSet(green.id()).runningCount()).isEqualTo(2);
        assertThat(describeSet(green.id()).stabilityStatusAsString()).isEqualTo("STEADY_STATE");

        // when
        client.updateTaskSet(r -> r.cluster("prod").service("web").taskSet(green.id())
                .scale(s -> s.unit(ScaleUnit.PERCENT).value(100.0)));
        TaskSet primary = client.updateServicePrimaryTaskSet(r -> r.cluster("prod").service("web")
                .primaryTaskSet(green.taskSetArn())).taskSet();
        ecs.clock().advance(Duration.ofMinutes(3));

        // then
        assertThat(primary.status()).isEqualTo("PRIMARY");
        assertThat(describeSet(blue.id()).status()).isEqualTo("ACTIVE");
        assertThat(describe(ecs, "web").taskDefinition()).isEqualTo(greenTd);
        assertThatThrownBy(() -> client.deleteTaskSet(r -> r.cluster("prod").service("web").taskSet(blue.id())))
                .isInstanceOf(InvalidParameterException.class);

        // when
        TaskSet draining = client.deleteTaskSet(r -> r.cluster("prod").service("web").taskSet(blue.id())
                .force(true)).taskSet();
        ecs.clock().advance(Duration.ofMinutes(2));

        // then
        assertThat(draining.status()).isEqualTo("DRAINING");
        assertThat(tasks(DesiredStatus.RUNNING)).hasSize(4)
                .allSatisfy(t -> assertThat(t.startedBy()).isEqualTo(green.id()));
        assertThat(tasks(DesiredStatus.STOPPED)).hasSize(4)
                .allSatisfy(t -> assertThat(t.startedBy()).isEqualTo(blue.id()));
        var missing = client.describeTaskSets(r -> r.cluster("prod").service("web").taskSets(blue.id()));
        assertThat(missing.failures()).singleElement().satisfies(f -> {
            assertThat(f.reason()).isEqualTo("MISSING");
            assertThat(f.arn()).isEqualTo(blue.taskSetArn());
        });
    }

    @Test
    void should_scale_task_sets_with_the_service_desired_count() {
        // given
        TaskSet blue = create(blueTd, 50);
        ecs.clock().advance(Duration.ofMinutes(3));
        assertThat(describeSet(blue.id()).runningCount()).isEqualTo(2);

        // when
        client.updateService(r -> r.cluster("prod").service("web").desiredCount(6));
        ecs.clock().advance(Duration.ofMinutes(3));

        // then
        assertThat(describeSet(blue.id()).computedDesiredCount()).isEqualTo(3);
        assertThat(describeSet(blue.id()).runningCount()).isEqualTo(3);
        assertThatThrownBy(() -> client.updateService(r -> r.cluster("prod").service("web").taskDefinition(greenTd)))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void should_describe_all_sets_with_tags_on_request() {
        // given
        client.createTaskSet(r -> r.cluster("prod").service("web").taskDefinition(blueTd)
                .launchType(LaunchType.FARGATE).networkConfiguration(NETWORK).tags(t -> t.key("color").value("blue")));

        // when
        List<TaskSet> sets = client.describeTaskSets(r -> r.cluster("prod").service("web")
                .include(TaskSetField.TAGS)).taskSets();

        // then
        assertThat(sets).singleElement().satisfies(s -> {
            assertThat(s.scale().value()).isEqualTo(100.0);
            assertThat(s.tags()).singleElement().satisfies(t -> assertThat(t.value()).isEqualTo("blue"));
        });
    }

    @Test
    void should_keep_a_task_sets_load_balancers_and_one_set_of_tags_for_tag_resource_and_describe() {
        // given
        String blueTg = FakeTargetGroups.install(ecs).manual().add("blue", "ip", 300);
        software.amazon.awssdk.services.ecs.model.LoadBalancer lb = LoadBalancerFixtures.lb(blueTg, 8080);
        String withPort = LoadBalancerFixtures.awsvpcFamily(ecs, "web", "acme/web:blue");
        TaskSet created = client.createTaskSet(r -> r.cluster("prod").service("web").taskDefinition(withPort)
                .launchType(LaunchType.FARGATE).networkConfiguration(NETWORK).loadBalancers(lb)
                .tags(t -> t.key("color").value("blue"))).taskSet();

        // when
        client.tagResource(r -> r.resourceArn(created.taskSetArn()).tags(t -> t.key("team").value("web")));
        client.untagResource(r -> r.resourceArn(created.taskSetArn()).tagKeys("color"));

        // then
        TaskSet described = client.describeTaskSets(r -> r.cluster("prod").service("web")
                .include(TaskSetField.TAGS)).taskSets().get(0);
        assertThat(created.loadBalancers()).containsExactly(lb);
        assertThat(described.loadBalancers()).containsExactly(lb);
        assertThat(described.tags()).extracting(software.amazon.awssdk.services.ecs.model.Tag::key)
                .containsExactly("team");
        assertThat(client.listTagsForResource(r -> r.resourceArn(created.taskSetArn())).tags())
                .isEqualTo(described.tags());
    }

    @Test
    void should_refuse_task_sets_on_ecs_controlled_services_and_unknown_sets() {
        // given
        client.createService(r -> r.cluster("prod").serviceName("orders").desiredCount(0).taskDefinition(blueTd)
                .launchType(LaunchType.FARGATE).networkConfiguration(NETWORK));

        // then
        assertThatThrownBy(() -> client.createTaskSet(r -> r.cluster("prod").service("orders").taskDefinition(blueTd)
                .networkConfiguration(NETWORK)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("external deployment controllers");
        assertThatThrownBy(() -> client.updateTaskSet(r -> r.cluster("prod").service("web").taskSet("ecs-svc/1")
                .scale(s -> s.value(10.0).unit(ScaleUnit.PERCENT))))
                .isInstanceOf(TaskSetNotFoundException.class);
        assertThatThrownBy(() -> create(blueTd, 150)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("between 0 and 100");
    }
}
