package dev.fakeecs.region;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.internal.client.EcsClients;
import dev.fakeecs.internal.protocol.ProtocolRouter;
import dev.fakeecs.internal.protocol.catalog.SimulatedServices;
import dev.fakeecs.internal.region.RegionEngine;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegionsOnFirstUseTest {

    @Test
    void should_create_a_region_with_three_zones_on_first_use_in_java() {
        FakeEcs ecs = FakeEcs.create();

        Region frankfurt = ecs.region("eu-central-1");

        assertThat(frankfurt.name()).isEqualTo("eu-central-1");
        assertThat(frankfurt.availabilityZones()).containsExactly("eu-central-1a", "eu-central-1b", "eu-central-1c");
        assertThat(ecs.region("eu-central-1")).isSameAs(frankfurt);
        assertThat(ecs.regions()).extracting(Region::name).containsExactly("us-east-1", "eu-central-1");
        assertThat(ecs.defaultRegion().name()).isEqualTo("us-east-1");
    }

    @Test
    void should_serve_a_request_signed_for_an_undeclared_region() {
        FakeEcs ecs = FakeEcs.create();
        ProtocolRouter router = SimulatedServices.router(ecs::region, "us-east-1");
        try (EcsClient west = EcsClients.sync(router, "us-west-2")) {
            west.createCluster(r -> r.clusterName("prod"));

            assertThat(west.listClusters().clusterArns())
                    .containsExactly("arn:aws:ecs:us-west-2:123456789012:cluster/prod");
        }
        assertThat(ecs.regions()).extracting(Region::name).containsExactly("us-east-1", "us-west-2");
        assertThat(ecs.region("us-east-1").api().listClusters().clusterArns()).isEmpty();
    }

    @Test
    void should_still_refuse_a_name_that_is_not_a_region_name() {
        FakeEcs ecs = FakeEcs.create();
        ProtocolRouter router = SimulatedServices.router(ecs::region, "us-east-1");
        try (EcsClient bogus = EcsClients.sync(router, "not-a-region")) {
            assertThatThrownBy(bogus::listClusters)
                    .isInstanceOf(InvalidParameterException.class)
                    .hasMessageContaining("The region 'not-a-region' is not declared in this fake-ecs world.");
        }
        assertThatThrownBy(() -> ecs.region("not-a-region")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ecs.regions()).extracting(Region::name).containsExactly("us-east-1");
    }

    @Test
    void should_create_a_region_once_when_concurrent_requests_use_it_first() throws Exception {
        FakeEcs ecs = FakeEcs.create();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Region>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    Region region = ecs.region("ap-southeast-2");
                    region.api().listClusters();
                    return region;
                }));
            }
            start.countDown();
            Region first = results.get(0).get();
            for (Future<Region> result : results) {
                assertThat(result.get()).isSameAs(first);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(ecs.regions()).extracting(Region::name).containsExactly("us-east-1", "ap-southeast-2");
    }

    @Test
    void should_record_nothing_when_a_region_comes_into_being() {
        FakeEcs ecs = FakeEcs.create();
        int before = ecs.journal().size();

        ecs.region("ca-central-1");

        assertThat(ecs.journal().size()).isEqualTo(before);
    }

    @Test
    void should_tell_engine_listeners_about_tasks_in_a_region_created_later() {
        FakeEcs ecs = FakeEcs.create();
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        dev.fakeecs.spi.EngineSetup.of(ecs).addListener(new dev.fakeecs.spi.EngineListener() {
            @Override
            public void onTaskTransition(dev.fakeecs.spi.TaskSnapshot task, String from, String to) {
                seen.add(task.region() + " " + to);
            }
        });
        var west = ecs.region("us-west-1").api();
        west.createCluster(r -> r.clusterName("prod"));
        west.registerTaskDefinition(r -> r.family("job").requiresCompatibilitiesWithStrings("FARGATE")
                .networkMode("awsvpc").cpu("256").memory("512")
                .containerDefinitions(c -> c.name("app").image("acme/job:1")));
        west.runTask(r -> r.cluster("prod").taskDefinition("job").launchType("FARGATE")
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-us-west-1a"))));
        ecs.clock().advance(Duration.ofMinutes(3));

        assertThat(seen).contains("us-west-1 RUNNING");
    }

    @Test
    void should_record_the_same_journal_for_the_same_first_use_order() {
        assertThat(journalOf(7)).isEqualTo(journalOf(7));
    }

    @Test
    void should_give_a_region_created_later_the_current_auto_advance_step() {
        FakeEcs ecs = FakeEcs.create().autoAdvance(Duration.ofSeconds(15));
        var before = ecs.clock().instant();

        ecs.region("eu-west-1").api().listClusters();

        assertThat(Duration.between(before, ecs.clock().instant())).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void should_give_a_region_created_later_its_image_registry_and_faults() {
        FakeEcs ecs = FakeEcs.create();
        var registries = dev.fakeecs.registry.ImageRegistries.of(ecs);

        assertThat(registries.region("sa-east-1").region()).isEqualTo("sa-east-1");
        assertThat(ecs.regions()).extracting(Region::name).contains("sa-east-1");
        assertThat(RegionEngine.of(ecs.region("sa-east-1")).name()).isEqualTo("sa-east-1");
    }

    private static String journalOf(long seed) {
        FakeEcs ecs = FakeEcs.builder().seed(seed).build();
        ecs.region("eu-central-1").api().createCluster(r -> r.clusterName("a"));
        ecs.region("us-west-2").api().createCluster(r -> r.clusterName("b"));
        ecs.api().createCluster(r -> r.clusterName("c"));
        StringBuilder out = new StringBuilder();
        ecs.journal().entries().forEach(e -> out.append(e).append('\n'));
        return out.toString();
    }
}
