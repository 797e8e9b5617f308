package dev.fakeecs.internal.client;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.server.FakeEcsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.ecs.EcsAsyncClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.ListServicesResponse;
import software.amazon.awssdk.services.ecs.model.ListTasksResponse;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.waiters.EcsAsyncWaiter;
import software.amazon.awssdk.services.ecs.waiters.EcsWaiter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AWS SDK for Java v2 driving the fake unchanged: sync and async clients, paginators, and the
 * SDK's own waiters (ServicesStable, TasksRunning) in auto clock mode, in process and over loopback HTTP.
 */
class SdkIntegrationTest {

    /** Waiters sleep in wall time between polls (15 s for ServicesStable): poll every millisecond instead. */
    static final WaiterOverrideConfiguration FAST_POLLING = WaiterOverrideConfiguration.builder()
            .backoffStrategyV2(BackoffStrategy.fixedDelay(Duration.ofMillis(1)))
            .maxAttempts(40)
            .build();

    private final FakeEcs ecs = FakeEcs.builder().seed(3).build();

    @AfterEach
    void close() {
        ecs.close();
    }

    private static void setUp(EcsClient client) {
        client.createCluster(r -> r.clusterName("prod").capacityProviders("FARGATE", "FARGATE_SPOT"));
        client.registerTaskDefinition(r -> r.family("web").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("web").image("acme/web:1")));
    }

    private static final Consumer<software.amazon.awssdk.services.ecs.model.NetworkConfiguration.Builder> NET =
            n -> n.awsvpcConfiguration(v -> v.subnets("subnet-a"));

    @Test
    void should_run_and_describe_a_task_with_the_sync_client() {
        // given
        EcsClient client = ecs.newClient();
        setUp(client);

        // when
        Task task = client.runTask(r -> r.cluster("prod").taskDefinition("web").launchType(LaunchType.FARGATE)
                .networkConfiguration(NET)).tasks().get(0);
        ecs.clock().advance(Duration.ofMinutes(2));

        // then
        DescribeTasksResponse described = client.describeTasks(r -> r.cluster("prod").tasks(task.taskArn()));
        assertThat(described.tasks()).singleElement()
                .satisfies(t -> assertThat(t.lastStatus()).isEqualTo("RUNNING"));
    }

    @Test
    void should_create_a_service_and_page_it_with_the_async_client() {
        // given
        EcsAsyncClient async = ecs.newAsyncClient();
        setUp(ecs.newClient());

        // when
        async.createService(r -> r.cluster("prod").serviceName("web").taskDefinition("web").desiredCount(2)
                .launchType(LaunchType.FARGATE).networkConfiguration(NET)).join();
        ecs.clock().advance(Duration.ofMinutes(3));
        DescribeServicesResponse response = async.describeServices(r -> r.cluster("prod").services("web")).join();
        List<String> taskArns = new ArrayList<>();
        async.listTasksPaginator(r -> r.cluster("prod").maxResults(1)).taskArns().subscribe(taskArns::add).join();

        // then
        assertThat(response.services().get(0).runningCount()).isEqualTo(2);
        assertThat(taskArns).hasSize(2);
    }

    @Test
    void should_page_list_tasks_over_more_than_a_hundred_tasks() {
        // given
        EcsClient client = ecs.newClient();
        setUp(client);
        for (int i = 0; i < 12; i++) {
            client.runTask(r -> r.cluster("prod").taskDefinition("web").launchType(LaunchType.FARGATE).count(10)
                    .networkConfiguration(NET));
        }

        // when
        List<ListTasksResponse> pages = client.listTasksPaginator(r -> r.cluster("prod")).stream().toList();

        // then
        assertThat(pages).hasSize(2);
        assertThat(pages.get(0).taskArns()).hasSize(100);
        assertThat(pages.get(1).taskArns()).hasSize(20);
        assertThat(client.listTasksPaginator(r -> r.cluster("prod")).taskArns().stream().distinct().count())
                .isEqualTo(120);
    }

    @Test
    void should_list_services_ten_to_a_page_by_default() {
        // given
        EcsClient client = ecs.newClient();
        setUp(client);
        for (int i = 0; i < 23; i++) {
            String name = "svc-" + i;
            client.createService(r -> r.cluster("prod").serviceName(name).taskDefinition("web").desiredCount(0)
                    .launchType(LaunchType.FARGATE).networkConfiguration(NET));
        }

        // when
        ListServicesResponse first = client.listServices(r -> r.cluster("prod"));

        // then
        assertThat(first.serviceArns()).hasSize(10);
        assertThat(first.nextToken()).isNotNull();
        assertThat(client.listServicesPaginator(r -> r.cluster("prod")).stream()
                .map(p -> p.serviceArns().size()).toList()).containsExactly(10, 10, 3);
    }

    @Test
    void should_complete_the_sdk_waiters_in_process_with_auto_clock() {
        // given
        EcsClient client = ecs.newClient();
        setUp(client);
        client.createService(r -> r.cluster("prod").serviceName("web").taskDefinition("web").desiredCount(3)
                .launchType(LaunchType.FARGATE).networkConfiguration(NET));
        Task task = client.runTask(r -> r.cluster("prod").taskDefinition("web").launchType(LaunchType.FARGATE)
                .networkConfiguration(NET)).tasks().get(0);

        // when
        // readme-waiter-START
        ecs.autoAdvance(Duration.ofSeconds(15)); // or: --clock auto:15 on the jar
        EcsWaiter waiter = EcsWaiter.builder().client(client)
                .overrideConfiguration(WaiterOverrideConfiguration.builder()
                        .backoffStrategyV2(BackoffStrategy.fixedDelay(Duration.ofMillis(1))).build())
                .build();
        WaiterResponse<DescribeServicesResponse> stable =
                waiter.waitUntilServicesStable(r -> r.cluster("prod").services("web")); // returns in milliseconds
        // readme-waiter-END
        WaiterResponse<DescribeTasksResponse> running =
                waiter.waitUntilTasksRunning(r -> r.cluster("prod").tasks(task.taskArn()));
        waiter.close();

        // then
        assertThat(stable.matched().response()).hasValueSatisfying(
                r -> assertThat(r.services().get(0).runningCount()).isEqualTo(3));
        assertThat(stable.attemptsExecuted()).isGreaterThan(1);
        assertThat(running.matched().response()).hasValueSatisfying(
                r -> assertThat(r.tasks().get(0).lastStatus()).isEqualTo("RUNNING"));
    }

    @Test
    void should_complete_the_sdk_waiters_over_loopback_http_with_auto_clock() {
        // given
        FakeEcsServer server = FakeEcsServer.start(ecs);
        ecs.autoAdvance(Duration.ofSeconds(15));
        try (EcsClient client = EcsClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("fake", "fake")))
                .httpClient(UrlConnectionHttpClient.create()).build();
             EcsAsyncClient async = ecs.newAsyncClient()) {
            setUp(client);
            client.createService(r -> r.cluster("prod").serviceName("web").taskDefinition("web").desiredCount(2)
                    .launchType(LaunchType.FARGATE).networkConfiguration(NET));

            // when
            try (EcsWaiter waiter = EcsWaiter.builder().client(client).overrideConfiguration(FAST_POLLING).build();
                 EcsAsyncWaiter asyncWaiter = EcsAsyncWaiter.builder().client(async)
                         .overrideConfiguration(FAST_POLLING).build()) {
                var stable = waiter.waitUntilServicesStable(r -> r.cluster("prod").services("web"));
                var asyncStable = asyncWaiter.waitUntilServicesStable(r -> r.cluster("prod").services("web")).join();

                // then
                assertThat(stable.matched().response()).isPresent();
                assertThat(asyncStable.matched().response()).isPresent();
            }
        }
    }
}
