package dev.fakeecs.internal.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakeecs.internal.protocol.EcsProtocolHandler;
import dev.fakeecs.internal.protocol.ProtocolRouter;
import dev.fakeecs.internal.protocol.StubEcs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsAsyncClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.CreateClusterResponse;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTasksRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.ServerException;
import software.amazon.awssdk.services.ecs.model.Task;

class InProcessClientsTest {

    private final StubEcs east = new StubEcs("us-east-1") {
        @Override
        public DescribeTasksResponse describeTasks(DescribeTasksRequest request) {
            return DescribeTasksResponse.builder().tasks(Task.builder().taskArn(request.tasks().get(0))
                    .launchType(LaunchType.FARGATE).createdAt(Instant.parse("2026-01-01T00:00:00.250Z")).build())
                    .build();
        }
    };
    private final StubEcs west = new StubEcs("eu-west-1");
    private final EcsProtocolHandler handler = EcsProtocolHandler.builder()
            .regions(Map.of("us-east-1", east, "eu-west-1", west)::get)
            .build();
    private final EcsClient ecs = EcsClients.sync(ProtocolRouter.of(handler), "us-east-1");
    private final EcsAsyncClient async = EcsClients.async(ProtocolRouter.of(handler), "us-east-1");

    @AfterEach
    void closeClients() {
        ecs.close();
        async.close();
    }

    @Test
    void should_create_a_cluster_through_the_sdk_without_sockets() {
        // when
        CreateClusterResponse response = ecs.createCluster(r -> r.clusterName("prod")
                .tags(t -> t.key("team").value("payments")));

        // then
        assertThat(response.cluster().clusterArn()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:cluster/prod");
        assertThat(response.cluster().tags()).singleElement().satisfies(tag -> assertThat(tag.value()).isEqualTo("payments"));
        assertThat(east.lastCreate.tags()).hasSize(1);
    }

    @Test
    void should_report_missing_clusters_as_failures() {
        // given
        ecs.createCluster(r -> r.clusterName("a"));

        // when
        DescribeClustersResponse response = ecs.describeClusters(r -> r.clusters("a", "b"));

        // then
        assertThat(response.clusters()).extracting(c -> c.clusterName()).containsExactly("a");
        assertThat(response.failures()).singleElement().satisfies(f -> {
            assertThat(f.reason()).isEqualTo("MISSING");
            assertThat(f.arn()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:cluster/b");
        });
    }

    @Test
    void should_deliver_timestamps_and_enums_to_the_sdk() {
        // when
        Task task = ecs.describeTasks(r -> r.tasks("arn:t")).tasks().get(0);

        // then
        assertThat(task.createdAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00.250Z"));
        assertThat(task.launchType()).isEqualTo(LaunchType.FARGATE);
    }

    @Test
    void should_raise_the_sdk_typed_exception_with_the_engine_message() {
        assertThatThrownBy(() -> ecs.deleteCluster(r -> r.cluster("nope")))
                .isInstanceOfSatisfying(ClusterNotFoundException.class, e -> {
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Cluster not found.");
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ClusterNotFoundException");
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.requestId()).startsWith("00000000-0000-4000-8000-");
                });
    }

    @Test
    void should_raise_a_server_exception_with_its_status_without_retrying() {
        // given
        ecs.createCluster(r -> r.clusterName("boom"));

        // when / then
        assertThatThrownBy(() -> ecs.listClusters(r -> { }))
                .isInstanceOfSatisfying(ServerException.class, e -> assertThat(e.statusCode()).isEqualTo(503));
    }

    @Test
    void should_name_an_unsupported_operation() {
        assertThatThrownBy(() -> ecs.listServices(r -> r.cluster("a")))
                .isInstanceOfSatisfying(EcsException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnsupportedOperation");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("fake-ecs does not support the operation ListServices yet");
                });
    }

    @Test
    void should_route_each_client_to_the_region_it_signs_for() {
        // given
        try (EcsClient eu = EcsClients.sync(ProtocolRouter.of(handler), "eu-west-1")) {
            // when
            eu.createCluster(r -> r.clusterName("eu"));
        }

        // then
        assertThat(west.clusters).extracting(c -> c.clusterArn()).containsExactly(StubEcs.arn("eu-west-1", "eu"));
        assertThat(east.clusters).isEmpty();
    }

    @Test
    void should_create_a_cluster_through_the_async_sdk() {
        // when
        CreateClusterResponse response = async.createCluster(r -> r.clusterName("async")).join();

        // then
        assertThat(response.cluster().clusterName()).isEqualTo("async");
        assertThat(async.listClusters(r -> { }).join().clusterArns()).containsExactly(StubEcs.arn("us-east-1", "async"));
    }

    @Test
    void should_fail_the_async_future_with_the_sdk_typed_exception() {
        assertThatThrownBy(() -> async.deleteCluster(r -> r.cluster("nope")).join())
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOf(ClusterNotFoundException.class)
                .hasMessageStartingWith("Cluster not found.");
    }

    @Test
    void should_serve_many_threads_at_once() throws Exception {
        // given
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();

        // when
        for (int t = 0; t < 8; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    String name = "c-" + thread + "-" + i;
                    ecs.createCluster(r -> r.clusterName(name));
                    async.describeClusters(r -> r.clusters(name)).join();
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get(20, TimeUnit.SECONDS);
        }
        pool.shutdown();

        // then
        assertThat(east.clusters).hasSize(400);
    }
}
