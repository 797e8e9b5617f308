package dev.fakeecs.internal.service;

import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.FakeEcs;
import dev.fakeecs.internal.capacity.AutoScalingGroup;
import dev.fakeecs.quota.Quotas;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PropagateTags;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskField;

import java.time.Duration;
import java.util.List;

import static dev.fakeecs.internal.service.ServiceFixtures.createFargateService;
import static dev.fakeecs.internal.service.ServiceFixtures.fargateFamily;
import static org.assertj.core.api.Assertions.assertThat;

class ServiceTaskTagsAndLimitsTest {

    @Test
    void should_copy_the_service_tags_onto_its_tasks_when_propagating_from_the_service() {
        FakeEcs ecs = ServiceFixtures.world();
        String td = fargateFamily(ecs, "app", "acme/app:1", false);

        createFargateService(ecs, "orders", td, 2, r -> r.propagateTags(PropagateTags.SERVICE)
                .tags(Tag.builder().key("team").value("orders").build()));
        createFargateService(ecs, "plain", td, 1, r -> r.tags(Tag.builder().key("team").value("plain").build()));
        ecs.clock().advance(Duration.ofSeconds(1));

        List<String> orders = ecs.api().listTasks(b -> b.cluster("prod").serviceName("orders")).taskArns();
        assertThat(ecs.api().describeTasks(b -> b.cluster("prod").tasks(orders).include(TaskField.TAGS)).tasks())
                .hasSize(2).allSatisfy(t -> assertThat(t.tags()).containsExactly(Tag.builder().key("team")
                        .value("orders").build()));
        List<String> plain = ecs.api().listTasks(b -> b.cluster("prod").serviceName("plain")).taskArns();
        assertThat(ecs.api().describeTasks(b -> b.cluster("prod").tasks(plain).include(TaskField.TAGS)).tasks())
                .singleElement().satisfies(t -> assertThat(t.tags()).isEmpty());
    }

    @Test
    void should_say_when_the_tasks_provisioning_capacity_limit_is_exceeded() {
        Quotas q = Quotas.seedDefaults();
        Quotas two = new Quotas(q.tasksPerCluster(), q.servicesPerCluster(), q.revisionsPerFamily(),
                q.tasksPerRunTask(), q.instancesPerStartTask(), q.clustersPerRegion(),
                q.containerInstancesPerCluster(), q.containersPerTaskDefinition(), q.tagsPerResource(),
                q.capacityProvidersPerCluster(), q.strategyItems(), q.tasksPerService(), 2,
                q.placementConstraints(), q.placementStrategies(), q.customAttributesPerResource());
        FakeEcs ecs = FakeEcs.builder().seed(4).quotas(two).build();
        var cps = RegionEngine.of(ecs.defaultRegion()).capacityProviders();
        ecs.api().createCluster(r -> r.clusterName("prod"));
        AutoScalingGroup asg = cps.autoScalingGroups().createGroup("web", "m5.large", 0, 10, 0,
                List.of("us-east-1a"), false);
        ecs.api().createCapacityProvider(r -> r.name("web-cp").autoScalingGroupProvider(p -> p
                .autoScalingGroupArn(asg.arn())));
        ecs.api().putClusterCapacityProviders(r -> r.cluster("prod").capacityProviders("web-cp")
                .defaultCapacityProviderStrategy(CapacityProviderStrategyItem.builder().capacityProvider("web-cp")
                        .weight(1).build()));
        ecs.api().registerTaskDefinition(r -> r.family("web").networkMode(NetworkMode.BRIDGE)
                .containerDefinitions(ContainerDefinition.builder().name("app").image("acme/web:1").cpu(256)
                        .memory(256).build()));

        ecs.api().createService(r -> r.cluster("prod").serviceName("web").taskDefinition("web").desiredCount(3));
        ecs.clock().advance(Duration.ofSeconds(1));

        var service = ecs.api().describeServices(b -> b.cluster("prod").services("web")).services().get(0);
        assertThat(service.pendingCount()).isEqualTo(2);
        assertThat(service.events()).extracting(ServiceEvent::message).contains("(service web) was unable to place "
                + "tasks in your cluster because the tasks provisioning capacity limit was exceeded.");
    }
}
