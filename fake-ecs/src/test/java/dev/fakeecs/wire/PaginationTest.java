package dev.fakeecs.wire;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Attribute;
import software.amazon.awssdk.services.ecs.model.CapacityProvider;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.Setting;
import software.amazon.awssdk.services.ecs.model.TargetType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * nextToken/maxResults on every paging operation: the documented maxResults range and default page
 * size, token round trips that visit every item once in order, made-up and foreign tokens refused.
 */
class PaginationTest {

    /** One page: its items (as strings) and its nextToken. */
    record PageOf(List<String> items, String nextToken) {
    }

    /** Calls one paging operation with the given maxResults (null: omitted) and token. */
    interface Pager {
        PageOf page(Integer maxResults, String nextToken);
    }

    private static PopulatedEcs world;
    private static EcsClient client;

    @BeforeAll
    static void populate() {
        world = new PopulatedEcs();
        client = world.client;
    }

    @AfterAll
    static void close() {
        world.close();
    }

    /**
     * Checks one paging operation.
     *
     * @param max        the documented largest maxResults
     * @param defaultSize the documented page size when maxResults is omitted (0: not checked)
     * @param atLeast    how many items the fixture gives it (so the walk spans several pages)
     */
    static List<String> assertPaginates(Pager pager, int max, int defaultSize, int atLeast) {
        List<String> all = assertPagesThrough(pager, defaultSize, atLeast);
        assertMaxResultsBounds(pager, max, all.size());
        return all;
    }

    /** Default page, a walk two at a time, the last page without a token, a token round trip, a made-up token. */
    static List<String> assertPagesThrough(Pager pager, int defaultSize, int atLeast) {
        // every item, with the default page size
        List<String> all = walk(pager, null);
        assertThat(all).as("items listed").hasSizeGreaterThanOrEqualTo(atLeast).doesNotHaveDuplicates();

        // the default page
        if (defaultSize > 0) {
            PageOf first = pager.page(null, null);
            assertThat(first.items()).as("default page").hasSize(Math.min(all.size(), defaultSize));
            assertThat(first.nextToken() == null).as("default page has no token iff it holds everything")
                    .isEqualTo(all.size() <= defaultSize);
        }

        // two at a time: the same items in the same order, full pages but the last, no token on the last
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            PageOf page = pager.page(2, token);
            pages++;
            token = page.nextToken();
            if (token != null) {
                assertThat(page.items()).as("a page that has a successor is full").hasSize(2);
                assertThat(token).as("a token is a non-empty string").isNotBlank();
            } else {
                assertThat(page.items()).as("the last page").hasSize(all.size() % 2 == 0 ? 2 : 1);
            }
            seen.addAll(page.items());
            assertThat(pages).as("pages walked").isLessThanOrEqualTo(all.size());
        } while (token != null);
        assertThat(seen).as("items walked two at a time").isEqualTo(all);

        // the exact boundary: maxResults = everything gives no token
        if (all.size() <= 10) {
            assertThat(pager.page(all.size(), null).nextToken()).as("one page holding everything").isNull();
        }
        // a token round trip with maxResults 1
        PageOf one = pager.page(1, null);
        assertThat(one.items()).containsExactly(all.get(0));
        assertThat(pager.page(1, one.nextToken()).items()).containsExactly(all.get(1));

        for (int bad : new int[] {0, -1}) {
            assertThatThrownBy(() -> pager.page(bad, null)).as("maxResults " + bad)
                    .isInstanceOf(InvalidParameterException.class)
                    .hasMessageContaining("maxResults");
        }
        assertThatThrownBy(() -> pager.page(2, "not-a-token")).as("a made-up token")
                .isInstanceOf(InvalidParameterException.class);
        return all;
    }

    /** maxResults above the documented maximum is refused, the maximum itself is allowed. */
    static void assertMaxResultsBounds(Pager pager, int max, int total) {
        assertThatThrownBy(() -> pager.page(max + 1, null)).as("maxResults " + (max + 1))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("maxResults");
        assertThat(pager.page(max, null).items()).as("maxResults = " + max + " is allowed")
                .hasSize(Math.min(max, total));
    }

    private static List<String> walk(Pager pager, Integer size) {
        List<String> all = new ArrayList<>();
        String token = null;
        do {
            PageOf page = pager.page(size, token);
            all.addAll(page.items());
            token = page.nextToken();
        } while (token != null);
        return all;
    }

    @Test
    void list_clusters_pages_1_to_100_default_100() {
        List<String> all = assertPaginates((max, token) -> {
            var r = client.listClusters(b -> b.maxResults(max).nextToken(token));
            return new PageOf(r.clusterArns(), r.nextToken());
        }, 100, 100, 5);
        assertThat(all).contains(world.clusterArn("prod"));
        assertThat(client.listClustersPaginator(b -> b.maxResults(1)).clusterArns().stream().toList()).isEqualTo(all);
    }

    @Test
    void list_services_pages_with_a_default_of_10() {
        assertPagesThrough((max, token) -> {
            var r = client.listServices(b -> b.cluster("prod").maxResults(max).nextToken(token));
            return new PageOf(r.serviceArns(), r.nextToken());
        }, 10, 13);
    }

    @Test
    void list_services_by_namespace_pages_with_a_default_of_10() {
        assertPagesThrough((max, token) -> {
            var r = client.listServicesByNamespace(b -> b.namespace("food.internal").maxResults(max).nextToken(token));
            return new PageOf(r.serviceArns(), r.nextToken());
        }, 10, 12);
    }

    @Test
    void list_tasks_pages_1_to_100_default_100() {
        List<String> all = assertPaginates((max, token) -> {
            var r = client.listTasks(b -> b.cluster("prod").maxResults(max).nextToken(token));
            return new PageOf(r.taskArns(), r.nextToken());
        }, 100, 100, 6);
        assertThat(all).containsAll(world.taskArns);
    }

    @Test
    void list_container_instances_pages_1_to_100_default_100() {
        assertPaginates((max, token) -> {
            var r = client.listContainerInstances(b -> b.cluster("prod").maxResults(max).nextToken(token));
            return new PageOf(r.containerInstanceArns(), r.nextToken());
        }, 100, 100, 3);
    }

    @Test
    void list_task_definitions_pages_1_to_100_default_100() {
        assertPaginates((max, token) -> {
            var r = client.listTaskDefinitions(b -> b.maxResults(max).nextToken(token));
            return new PageOf(r.taskDefinitionArns(), r.nextToken());
        }, 100, 100, 6);
    }

    @Test
    void list_task_definition_families_pages_1_to_100_default_100() {
        assertPaginates((max, token) -> {
            var r = client.listTaskDefinitionFamilies(b -> b.maxResults(max).nextToken(token));
            return new PageOf(r.families(), r.nextToken());
        }, 100, 100, 4);
    }

    @Test
    void list_attributes_pages_1_to_100_default_100() {
        for (int i = 0; i < world.hosts.size(); i++) {
            String target = world.hosts.get(i).arn();
            String value = "v" + i;
            client.putAttributes(b -> b.cluster("prod").attributes(
                    Attribute.builder().name("stack").value(value).targetId(target).build(),
                    Attribute.builder().name("owner").value("audit").targetId(target).build()));
        }
        assertPaginates((max, token) -> {
            var r = client.listAttributes(b -> b.cluster("prod").targetType(TargetType.CONTAINER_INSTANCE)
                    .attributeName("stack").maxResults(max).nextToken(token));
            return new PageOf(r.attributes().stream().map(Attribute::toString).toList(), r.nextToken());
        }, 100, 100, 3);
    }

    @Test
    void list_account_settings_pages_1_to_10_default_10() {
        assertPaginates((max, token) -> {
            var r = client.listAccountSettings(b -> b.effectiveSettings(true).maxResults(max).nextToken(token));
            return new PageOf(r.settings().stream().map(Setting::toString).toList(), r.nextToken());
        }, 10, 10, 3);
    }

    @Test
    void list_service_deployments_pages_1_to_100() {
        // the default page size (20): list_service_deployments_returns_20_by_default
        assertPaginates((max, token) -> {
            var r = client.listServiceDeployments(b -> b.cluster("prod").service("web").maxResults(max)
                    .nextToken(token));
            return new PageOf(r.serviceDeployments().stream().map(d -> d.serviceDeploymentArn()).toList(),
                    r.nextToken());
        }, 100, 0, 22);
    }

    @Test
    void describe_capacity_providers_pages_1_to_10_default_10() {
        List<String> all = assertPaginates((max, token) -> {
            var r = client.describeCapacityProviders(b -> b.maxResults(max).nextToken(token));
            return new PageOf(r.capacityProviders().stream().map(CapacityProvider::name).toList(), r.nextToken());
        }, 10, 10, 5);
        assertThat(new HashSet<>(all)).contains("FARGATE", "FARGATE_SPOT", "asg-cp-0", "asg-cp-1", "asg-cp-2");
    }

    @Test
    void list_services_accepts_max_results_up_to_100() {
        // ECS API reference: ListServices maxResults "between 1 and 100", default 10
        assertThat(client.listServices(b -> b.cluster("prod").maxResults(100)).serviceArns()).hasSize(13);
        assertThat(client.listServices(b -> b.cluster("prod").maxResults(11)).serviceArns()).hasSize(11);
        assertThatThrownBy(() -> client.listServices(b -> b.cluster("prod").maxResults(101)))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void list_services_by_namespace_accepts_max_results_up_to_100() {
        // ECS API reference: ListServicesByNamespace maxResults "between 1 and 100", default 10
        assertThat(client.listServicesByNamespace(b -> b.namespace("food.internal").maxResults(100)).serviceArns())
                .hasSize(12);
        assertThatThrownBy(() -> client.listServicesByNamespace(b -> b.namespace("food.internal").maxResults(101)))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void list_service_deployments_returns_20_by_default() {
        // ECS API reference: ListServiceDeployments "returns up to 20 results and a nextToken value if applicable"
        var first = client.listServiceDeployments(b -> b.cluster("prod").service("web"));

        assertThat(first.serviceDeployments().size()).as("deployments on the default page").isEqualTo(20);
        assertThat(first.nextToken()).isNotNull();
    }

    @Test
    void a_token_from_one_listing_is_refused_by_another() {
        String servicesToken = client.listServices(b -> b.cluster("prod").maxResults(1)).nextToken();

        assertThatThrownBy(() -> client.listClusters(b -> b.nextToken(servicesToken)))
                .isInstanceOf(InvalidParameterException.class);
    }
}
