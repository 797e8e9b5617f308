package dev.fakeecs.wire;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.server.FakeEcsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsAsyncClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In-process, async and HTTP clients writing at once: no lost writes, no duplicate ids, every answer
 * well formed (the engine's own consistency under concurrency is {@code ConcurrentHostReservationsTest}).
 */
class ConcurrentWritesTest {

    private static final int THREADS = 8;
    private static final int ROUNDS = 15;
    private final FakeEcs ecs = FakeEcs.builder().seed(5).build();
    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void close() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        ecs.close();
    }

    private EcsClient overHttp(FakeEcsServer server) {
        return EcsClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("fake", "fake")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Test
    void concurrent_in_process_http_and_async_clients_lose_nothing() throws Exception {
        // given
        EcsClient setup = ecs.newClient();
        setup.createCluster(r -> r.clusterName("prod"));
        setup.registerTaskDefinition(r -> r.family("job").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("job").image("acme/job:1")));
        FakeEcsServer server = FakeEcsServer.start(ecs);
        EcsAsyncClient async = ecs.newAsyncClient();
        Set<String> taskArns = ConcurrentHashMap.newKeySet();
        CountDownLatch start = new CountDownLatch(1);

        // when
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            Callable<Integer> work = () -> {
                EcsClient client = thread % 2 == 0 ? ecs.newClient() : overHttp(server);
                start.await();
                int done = 0;
                for (int i = 0; i < ROUNDS; i++) {
                    String name = "c-" + thread + "-" + i;
                    client.createCluster(r -> r.clusterName(name));
                    for (Task task : client.runTask(r -> r.cluster("prod").taskDefinition("job").count(2)
                            .launchType(LaunchType.FARGATE).networkConfiguration(PopulatedEcs.NET)).tasks()) {
                        taskArns.add(task.taskArn());
                    }
                    CompletableFuture<?> asyncCall = async.createService(r -> r.cluster(name).serviceName("s")
                            .taskDefinition("job").desiredCount(0).launchType(LaunchType.FARGATE)
                            .networkConfiguration(PopulatedEcs.NET));
                    assertThat(client.describeClusters(r -> r.clusters(name)).clusters()).hasSize(1);
                    assertThat(client.listTasks(r -> r.cluster("prod").maxResults(5)).taskArns()).isNotEmpty();
                    asyncCall.join();
                    done++;
                }
                if (thread % 2 == 1) {
                    client.close();
                }
                return done;
            };
            results.add(pool.submit(work));
        }
        start.countDown();
        int total = 0;
        for (Future<Integer> f : results) {
            total += f.get(60, TimeUnit.SECONDS);
        }
        ecs.clock().advance(Duration.ofSeconds(1));

        // then
        EcsClient check = ecs.newClient();
        List<String> clusters = check.listClustersPaginator(r -> r.maxResults(7)).clusterArns().stream().toList();
        List<String> tasks = check.listTasksPaginator(r -> r.cluster("prod").maxResults(13)).taskArns().stream().toList();
        assertThat(total).isEqualTo(THREADS * ROUNDS);
        assertThat(clusters).hasSize(THREADS * ROUNDS + 1).doesNotHaveDuplicates();
        assertThat(taskArns).hasSize(THREADS * ROUNDS * 2);
        assertThat(new HashSet<>(tasks)).isEqualTo(taskArns);
        int services = 0;
        for (String cluster : clusters) {
            services += check.listServices(r -> r.cluster(cluster)).serviceArns().size();
        }
        assertThat(services).isEqualTo(THREADS * ROUNDS);
    }
}
