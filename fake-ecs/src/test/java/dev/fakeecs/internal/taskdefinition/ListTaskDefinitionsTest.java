package dev.fakeecs.internal.taskdefinition;

import dev.fakeecs.FakeEcs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionFamiliesResponse;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionsResponse;
import software.amazon.awssdk.services.ecs.model.SortOrder;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionFamilyStatus;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

import java.util.ArrayList;
import java.util.List;

import static dev.fakeecs.internal.taskdefinition.TaskDefinitionFixtures.assertEcsError;
import static dev.fakeecs.internal.taskdefinition.TaskDefinitionFixtures.simple;
import static org.assertj.core.api.Assertions.assertThat;

/** ListTaskDefinitions and ListTaskDefinitionFamilies. */
class ListTaskDefinitionsTest {

    private static final String P = "arn:aws:ecs:us-east-1:123456789012:task-definition/";

    private final FakeEcs ecs = FakeEcs.builder().seed(1).build();
    private final EcsClient api = ecs.api();

    @BeforeEach
    void given_three_families_with_an_inactive_and_a_deleted_revision() {
        api.registerTaskDefinition(simple("web"));         // web:1 -> INACTIVE
        api.registerTaskDefinition(simple("order-service")); // order-service:1
        api.registerTaskDefinition(simple("web"));         // web:2
        api.registerTaskDefinition(simple("worker"));      // worker:1 -> DELETE_IN_PROGRESS
        api.registerTaskDefinition(simple("order-service")); // order-service:2
        api.deregisterTaskDefinition(r -> r.taskDefinition("web:1"));
        api.deregisterTaskDefinition(r -> r.taskDefinition("worker:1"));
        api.deleteTaskDefinitions(r -> r.taskDefinitions("worker:1"));
    }

    @Test
    void should_list_active_revisions_sorted_by_family_and_revision() {
        // when
        ListTaskDefinitionsResponse response = api.listTaskDefinitions(r -> { });

        // then
        assertThat(response.taskDefinitionArns()).containsExactly(
                P + "order-service:1", P + "order-service:2", P + "web:2");
        assertThat(response.nextToken()).isNull();
    }

    @Test
    void should_list_in_descending_order_when_asked() {
        assertThat(api.listTaskDefinitions(r -> r.sort(SortOrder.DESC)).taskDefinitionArns()).containsExactly(
                P + "web:2", P + "order-service:2", P + "order-service:1");
    }

    @Test
    void should_list_by_status() {
        assertThat(api.listTaskDefinitions(r -> r.status(TaskDefinitionStatus.INACTIVE)).taskDefinitionArns())
                .containsExactly(P + "web:1");
        assertThat(api.listTaskDefinitions(r -> r.status(TaskDefinitionStatus.DELETE_IN_PROGRESS)).taskDefinitionArns())
                .containsExactly(P + "worker:1");
    }

    @Test
    void should_treat_the_family_prefix_as_the_whole_family_name() {
        assertThat(api.listTaskDefinitions(r -> r.familyPrefix("order-service")).taskDefinitionArns())
                .containsExactly(P + "order-service:1", P + "order-service:2");
        assertThat(api.listTaskDefinitions(r -> r.familyPrefix("order")).taskDefinitionArns()).isEmpty();
    }

    @Test
    void should_page_through_task_definitions() {
        // when
        List<String> all = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        String token = null;
        do {
            String current = token;
            ListTaskDefinitionsResponse page = api.listTaskDefinitions(r -> r.maxResults(2).nextToken(current));
            assertThat(page.taskDefinitionArns()).hasSizeLessThanOrEqualTo(2);
            all.addAll(page.taskDefinitionArns());
            token = page.nextToken();
            tokens.add(token);
        } while (token != null);

        // then
        assertThat(all).containsExactly(P + "order-service:1", P + "order-service:2", P + "web:2");
        assertThat(tokens).hasSize(2);
    }

    @Test
    void should_reject_max_results_outside_1_to_100() {
        assertEcsError(() -> api.listTaskDefinitions(r -> r.maxResults(0)), InvalidParameterException.class,
                "maxResults must be between 1 and 100.");
        assertEcsError(() -> api.listTaskDefinitionFamilies(r -> r.maxResults(101)), InvalidParameterException.class,
                "maxResults must be between 1 and 100.");
    }

    @Test
    void should_reject_a_token_from_another_listing() {
        // given
        String familiesToken = api.listTaskDefinitionFamilies(r -> r.maxResults(1)).nextToken();

        // when / then
        assertEcsError(() -> api.listTaskDefinitions(r -> r.nextToken(familiesToken)), InvalidParameterException.class,
                "Invalid nextToken: " + familiesToken);
    }

    @Test
    void should_list_all_families_by_default() {
        assertThat(api.listTaskDefinitionFamilies(r -> { }).families())
                .containsExactly("order-service", "web", "worker");
    }

    @Test
    void should_list_families_by_status() {
        assertThat(api.listTaskDefinitionFamilies(r -> r.status(TaskDefinitionFamilyStatus.ACTIVE)).families())
                .containsExactly("order-service", "web");
        assertThat(api.listTaskDefinitionFamilies(r -> r.status(TaskDefinitionFamilyStatus.INACTIVE)).families())
                .containsExactly("worker");
    }

    @Test
    void should_filter_families_by_prefix() {
        assertThat(api.listTaskDefinitionFamilies(r -> r.familyPrefix("w")).families()).containsExactly("web", "worker");
    }

    @Test
    void should_page_through_families() {
        // when
        ListTaskDefinitionFamiliesResponse first = api.listTaskDefinitionFamilies(r -> r.maxResults(2));
        ListTaskDefinitionFamiliesResponse second = api.listTaskDefinitionFamilies(
                r -> r.maxResults(2).nextToken(first.nextToken()));

        // then
        assertThat(first.families()).containsExactly("order-service", "web");
        assertThat(second.families()).containsExactly("worker");
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void should_hand_out_the_same_tokens_for_the_same_calls() {
        FakeEcs other = FakeEcs.builder().seed(1).build();
        other.api().registerTaskDefinition(simple("a"));
        other.api().registerTaskDefinition(simple("b"));

        assertThat(other.api().listTaskDefinitions(r -> r.maxResults(1)).nextToken())
                .isEqualTo(api.listTaskDefinitions(r -> r.maxResults(1)).nextToken());
    }
}
