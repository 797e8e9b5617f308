package dev.fakeecs.internal.taskdefinition;

import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.FakeEcs;
import dev.fakeecs.journal.JournalEventType;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.DeleteTaskDefinitionsResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

import java.time.Duration;
import java.time.Instant;

import static dev.fakeecs.internal.taskdefinition.TaskDefinitionFixtures.assertEcsError;
import static dev.fakeecs.internal.taskdefinition.TaskDefinitionFixtures.simple;
import static org.assertj.core.api.Assertions.assertThat;

/** Describe, deregister, delete and resolve. */
class TaskDefinitionLifecycleTest {

    private static final String ARN_PREFIX = "arn:aws:ecs:us-east-1:123456789012:task-definition/";

    private final FakeEcs ecs = FakeEcs.builder().seed(1).build();
    private final EcsClient api = ecs.api();
    private final TaskDefinitions taskDefinitions = RegionEngine.of(ecs.defaultRegion()).taskDefinitions();

    @Test
    void should_describe_the_latest_active_revision_for_a_bare_family() {
        // given
        api.registerTaskDefinition(simple("web"));
        api.registerTaskDefinition(simple("web"));
        api.registerTaskDefinition(simple("web"));
        api.deregisterTaskDefinition(r -> r.taskDefinition("web:3"));

        // when
        TaskDefinition td = api.describeTaskDefinition(r -> r.taskDefinition("web")).taskDefinition();

        // then
        assertThat(td.revision()).isEqualTo(2);
    }

    @Test
    void should_describe_an_exact_revision_by_family_revision_or_arn() {
        // given
        api.registerTaskDefinition(simple("web"));
        api.registerTaskDefinition(simple("web"));

        // when / then
        assertThat(api.describeTaskDefinition(r -> r.taskDefinition("web:1")).taskDefinition().revision()).isEqualTo(1);
        assertThat(api.describeTaskDefinition(r -> r.taskDefinition(ARN_PREFIX + "web:1")).taskDefinition().revision())
                .isEqualTo(1);
        assertThat(api.describeTaskDefinition(r -> r.taskDefinition(ARN_PREFIX + "web")).taskDefinition().revision())
                .isEqualTo(2);
    }

    @Test
    void should_fail_to_describe_what_does_not_exist() {
        // given
        api.registerTaskDefinition(simple("web"));

        // when / then
        for (String name : new String[] {"api", "web:2", "web:0", "web:x",
                "arn:aws:ecs:eu-west-1:123456789012:task-definition/web:1", "arn:aws:ecs:us-east-1:123456789012:cluster/web"}) {
            assertEcsError(() -> api.describeTaskDefinition(r -> r.taskDefinition(name)), ClientException.class,
                    "Unable to describe task definition.");
        }
    }

    @Test
    void should_describe_tags_only_when_asked() {
        // given
        api.registerTaskDefinition(simple("web").toBuilder().tags(t -> t.key("team").value("orders")).build());

        // when
        var plain = api.describeTaskDefinition(r -> r.taskDefinition("web"));
        var tagged = api.describeTaskDefinition(r -> r.taskDefinition("web").include(TaskDefinitionField.TAGS));

        // then
        assertThat(plain.tags()).isEmpty();
        assertThat(tagged.tags()).singleElement().satisfies(t -> assertThat(t.key()).isEqualTo("team"));
    }

    @Test
    void should_deregister_a_revision_to_inactive_with_the_time() {
        // given
        api.registerTaskDefinition(simple("web"));
        ecs.clock().advance(Duration.ofMinutes(10));

        // when
        TaskDefinition td = api.deregisterTaskDefinition(r -> r.taskDefinition("web:1")).taskDefinition();

        // then
        assertThat(td.status()).isEqualTo(TaskDefinitionStatus.INACTIVE);
        assertThat(td.deregisteredAt()).isEqualTo(Instant.parse("2026-01-01T00:10:00Z"));
        assertThat(api.describeTaskDefinition(r -> r.taskDefinition("web:1")).taskDefinition().status())
                .isEqualTo(TaskDefinitionStatus.INACTIVE);
        assertThat(ecs.journal().ofType(JournalEventType.TASK_DEFINITION)).last()
                .satisfies(e -> assertThat(e.details()).containsEntry("status", "INACTIVE"));
    }

    @Test
    void should_leave_an_inactive_revision_as_it_was_when_deregistered_again() {
        // given
        api.registerTaskDefinition(simple("web"));
        api.deregisterTaskDefinition(r -> r.taskDefinition("web:1"));
        ecs.clock().advance(Duration.ofMinutes(10));

        // when
        TaskDefinition td = api.deregisterTaskDefinition(r -> r.taskDefinition("web:1")).taskDefinition();

        // then
        assertThat(td.deregisteredAt()).isEqualTo(FakeEcs.DEFAULT_START);
    }

    @Test
    void should_not_describe_a_family_whose_revisions_are_all_inactive() {
        // given
        api.registerTaskDefinition(simple("web"));
        api.deregisterTaskDefinition(r -> r.taskDefinition("web:1"));

        // when / then
        assertEcsError(() -> api.describeTaskDefinition(r -> r.taskDefinition("web")), ClientException.class,
                "Unable to describe task definition.");
    }

    @Test
    void should_refuse_to_deregister_a_bare_family() {
        // given
        api.registerTaskDefinition(simple("web"));

        // when / then
        assertEcsError(() -> api.deregisterTaskDefinition(r -> r.taskDefinition("web")), ClientException.class,
                "Unable to describe task definition.");
    }

    @Test
    void should_delete_an_inactive_revision_and_report_failures_for_the_rest() {
        // given
        api.registerTaskDefinition(simple("web"));
        api.registerTaskDefinition(simple("web"));
        api.deregisterTaskDefinition(r -> r.taskDefinition("web:1"));
        ecs.clock().advance(Duration.ofMinutes(1));

        // when
        DeleteTaskDefinitionsResponse response = api.deleteTaskDefinitions(r -> r.taskDefinitions(
                "web:1", "web:2", "web:9", "web"));

        // then
        assertThat(response.taskDefinitions()).singleElement().satisfies(td -> {
            assertThat(td.taskDefinitionArn()).isEqualTo(ARN_PREFIX + "web:1");
            assertThat(td.status()).isEqualTo(TaskDefinitionStatus.DELETE_IN_PROGRESS);
            assertThat(td.deleteRequestedAt()).isEqualTo(Instant.parse("2026-01-01T00:01:00Z"));
        });
        assertThat(response.failures()).containsExactly(
                Failure.builder().arn(ARN_PREFIX + "web:2").reason(
                        "The specified task definition is still in ACTIVE status. Please deregister the target and try again.")
                        .build(),
                Failure.builder().arn("web:9").reason("The specified task definition does not exist.").build(),
                Failure.builder().arn("web").reason(
                        "The specified task definition identifier is invalid. Specify a valid name or ARN and try again.")
                        .build());
        assertThat(api.describeTaskDefinition(r -> r.taskDefinition("web:1")).taskDefinition().status())
                .isEqualTo(TaskDefinitionStatus.DELETE_IN_PROGRESS);
    }

    @Test
    void should_return_a_revision_already_being_deleted_unchanged() {
        // given
        api.registerTaskDefinition(simple("web"));
        api.deregisterTaskDefinition(r -> r.taskDefinition("web:1"));
        api.deleteTaskDefinitions(r -> r.taskDefinitions("web:1"));
        long mark = ecs.journal().mark();
        ecs.clock().advance(Duration.ofMinutes(1));

        // when
        var response = api.deleteTaskDefinitions(r -> r.taskDefinitions("web:1"));

        // then
        assertThat(response.taskDefinitions()).singleElement()
                .satisfies(td -> assertThat(td.deleteRequestedAt()).isEqualTo(FakeEcs.DEFAULT_START));
        assertThat(ecs.journal().since(mark)).isEmpty();
    }

    @Test
    void should_require_between_1_and_10_task_definitions_to_delete() {
        assertEcsError(() -> api.deleteTaskDefinitions(r -> { }), InvalidParameterException.class,
                "taskDefinitions can not be null or empty.");
        assertEcsError(() -> api.deleteTaskDefinitions(r -> r.taskDefinitions(
                        "a:1", "a:2", "a:3", "a:4", "a:5", "a:6", "a:7", "a:8", "a:9", "a:10", "a:11")),
                InvalidParameterException.class, "taskDefinitions can have at most 10 items.");
    }

    @Test
    void should_resolve_for_other_domains_like_describe_does() {
        // given
        api.registerTaskDefinition(simple("web"));
        api.registerTaskDefinition(simple("web"));
        api.deregisterTaskDefinition(r -> r.taskDefinition("web:1"));

        // when / then
        assertThat(taskDefinitions.resolve("web").revision()).isEqualTo(2);
        assertThat(taskDefinitions.resolve("web:1").status()).isEqualTo(TaskDefinitionStatus.INACTIVE);
        assertThat(taskDefinitions.resolve(ARN_PREFIX + "web:2").revision()).isEqualTo(2);
        assertThat(taskDefinitions.find("nope")).isNull();
        assertEcsError(() -> taskDefinitions.resolve("nope"), ClientException.class, "Unable to describe task definition.");
        assertEcsError(() -> taskDefinitions.resolve(null), ClientException.class, "Unable to describe task definition.");
    }

    @Test
    void should_describe_tags_added_later_with_tag_resource() {
        // given
        String arn = api.registerTaskDefinition(simple("web").toBuilder().tags(t -> t.key("team").value("orders")).build())
                .taskDefinition().taskDefinitionArn();

        // when
        api.tagResource(r -> r.resourceArn(arn).tags(t -> t.key("env").value("prod")));

        // then
        assertThat(api.describeTaskDefinition(r -> r.taskDefinition("web").include(TaskDefinitionField.TAGS)).tags())
                .extracting("key").containsExactly("team", "env");
    }
}
