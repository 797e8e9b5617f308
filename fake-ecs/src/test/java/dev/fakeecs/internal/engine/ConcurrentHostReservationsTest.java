package dev.fakeecs.internal.engine;

import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.FakeEcs;
import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import dev.fakeecs.internal.task.SimulatedTask;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.NetworkMode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Client threads running and stopping tasks while a clock thread advances time leave every host's
 * reservations consistent with its tasks (what clients see over the wire is {@code ConcurrentWritesTest}).
 */
class ConcurrentHostReservationsTest {

    @Test
    void should_keep_host_reservations_consistent_under_concurrent_clients() throws Exception {
        FakeEcs ecs = FakeEcs.builder().seed(8).build();
        ecs.api().createCluster(r -> r.clusterName("prod"));
        for (int i = 0; i < 6; i++) {
            RegionEngine.of(ecs.defaultRegion()).containerInstances().launchHost("prod", "m5.large",
                    ecs.defaultRegion().availabilityZones().get(i % 3), null);
        }
        ecs.api().registerTaskDefinition(r -> r.family("job").networkMode(NetworkMode.BRIDGE)
                .containerDefinitions(ContainerDefinition.builder().name("app").image("acme/job:1").cpu(128)
                        .memory(128).build()));
        EcsClient wire = ecs.newClient();

        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<Future<Integer>> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            EcsClient client = w % 2 == 0 ? ecs.api() : wire;
            workers.add(pool.submit(() -> {
                int started = 0;
                for (int i = 0; i < 50; i++) {
                    var tasks = client.runTask(r -> r.cluster("prod").taskDefinition("job").count(2)).tasks();
                    started += tasks.size();
                    if (!tasks.isEmpty()) {
                        String arn = tasks.get(0).taskArn();
                        client.describeTasks(r -> r.cluster("prod").tasks(arn));
                        client.stopTask(r -> r.cluster("prod").task(arn));
                    }
                }
                return started;
            }));
        }
        Future<?> clock = pool.submit(() -> {
            for (int i = 0; i < 200; i++) {
                ecs.clock().advance(Duration.ofSeconds(3));
            }
        });
        int started = 0;
        for (Future<Integer> f : workers) {
            started += f.get(60, TimeUnit.SECONDS);
        }
        clock.get(60, TimeUnit.SECONDS);
        pool.shutdown();
        ecs.clock().advance(Duration.ofMinutes(5));

        assertThat(started).isGreaterThan(0);
        var state = RegionEngine.of(ecs.defaultRegion());
        state.read(() -> {
            for (SimulatedContainerInstance ci : state.containerInstances().inCluster("prod")) {
                int cpu = 0;
                int memory = 0;
                for (SimulatedTask t : SimulatedTask.placedOn(ci)) {
                    assertThat(t.isStopped()).isFalse();
                    cpu += t.cpuReservation();
                    memory += t.memoryReservation();
                }
                assertThat(ci.remainingCpu()).isEqualTo(ci.registeredCpu() - cpu);
                assertThat(ci.remainingMemory()).isEqualTo(ci.registeredMemory() - memory);
            }
            long active = state.tasks().activeInCluster("prod").size();
            assertThat(state.tasks().activeCountInCluster("prod")).isEqualTo((int) active);
            return null;
        });
        ecs.close();
    }
}
