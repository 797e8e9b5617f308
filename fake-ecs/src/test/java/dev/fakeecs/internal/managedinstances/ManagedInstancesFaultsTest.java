package dev.fakeecs.internal.managedinstances;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.fault.FaultInjector;
import dev.fakeecs.fault.FaultSpec;
import dev.fakeecs.fault.FaultType;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.CapacityOptionType;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.Task;

import java.time.Duration;
import java.util.List;

import static dev.fakeecs.internal.managedinstances.ManagedInstancesFixtures.strategy;
import static org.assertj.core.api.Assertions.assertThat;

class ManagedInstancesFaultsTest {

    private final FakeEcs ecs = ManagedInstancesFixtures.world();
    private final EcsClient api = ecs.api();
    private final FaultInjector faults = FaultInjector.of(ecs);

    private void service(String provider, List<String> subnets, int desired) {
        String td = ManagedInstancesFixtures.taskDefinition(api, 512, 1024);
        api.createService(r -> r.cluster("prod").serviceName("web").taskDefinition(td).desiredCount(desired)
                .capacityProviderStrategy(strategy(provider))
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(subnets))));
        ecs.clock().advance(Duration.ofMinutes(4));
    }

    private List<ContainerInstance> instances() {
        List<String> arns = api.listContainerInstances(r -> r.cluster("prod")).containerInstanceArns();
        return arns.isEmpty() ? List.of()
                : api.describeContainerInstances(r -> r.cluster("prod").containerInstances(arns)).containerInstances();
    }

    private List<Task> serviceTasks(String desiredStatus) {
        List<String> arns = api.listTasks(r -> r.cluster("prod").serviceName("web").desiredStatus(desiredStatus))
                .taskArns();
        return arns.isEmpty() ? List.of() : api.describeTasks(r -> r.cluster("prod").tasks(arns)).tasks();
    }

    private int running() {
        return api.describeServices(r -> r.cluster("prod").services("web")).services().get(0).runningCount();
    }

    @Test
    void should_replace_a_terminated_managed_instance_and_its_service_tasks() {
        // given
        ManagedInstancesFixtures.provider(api, "mi", List.of("subnet-us-east-1a"), null, null);
        service("mi", List.of("subnet-us-east-1a"), 2);
        ContainerInstance victim = instances().get(0);

        // when
        faults.inject(FaultSpec.of(FaultType.TERMINATE_INSTANCE).cluster("prod")
                .containerInstance(victim.containerInstanceArn()).build());

        // then the tasks stop with ECS's stop code and a new instance takes the replacements
        assertThat(serviceTasks("STOPPED")).hasSize(2).allSatisfy(t -> {
            assertThat(t.stopCodeAsString()).isEqualTo("TerminationNotice");
            assertThat(t.stoppedReason()).isEqualTo("Host EC2 (instance " + victim.ec2InstanceId() + ") terminated.");
        });
        ecs.clock().advance(Duration.ofMinutes(4));
        assertThat(instances()).hasSize(1).extracting(ContainerInstance::containerInstanceArn)
                .doesNotContain(victim.containerInstanceArn());
        assertThat(running()).isEqualTo(2);
    }

    @Test
    void should_drain_a_spot_managed_instance_on_the_interruption_notice_and_move_its_tasks() {
        // given
        ManagedInstancesFixtures.provider(api, "spot", List.of("subnet-us-east-1a"), null, CapacityOptionType.SPOT);
        service("spot", List.of("subnet-us-east-1a"), 2);
        ContainerInstance victim = instances().get(0);

        // when
        // mi-spot-START
        faults.inject(FaultSpec.of(FaultType.EC2_SPOT_INTERRUPTION).cluster("prod").build());

        // then: DRAINING at once (no cluster setting needed), replacements on a new instance before the end
        assertThat(instances()).extracting(ContainerInstance::status).containsExactly("DRAINING");
        ecs.clock().advance(Duration.ofMinutes(2));
        assertThat(instances()).extracting(ContainerInstance::containerInstanceArn)
                .doesNotContain(victim.containerInstanceArn());
        // mi-spot-END
        ecs.clock().advance(Duration.ofMinutes(3));
        assertThat(running()).isEqualTo(2);
        assertThat(serviceTasks("RUNNING")).allSatisfy(t ->
                assertThat(t.containerInstanceArn()).isNotEqualTo(victim.containerInstanceArn()));
    }

    @Test
    void should_launch_instances_in_the_remaining_zones_during_an_az_outage() {
        // given a service spread over two zones
        ManagedInstancesFixtures.provider(api, "mi", List.of("subnet-us-east-1a", "subnet-us-east-1b"), null, null);
        service("mi", List.of("subnet-us-east-1a", "subnet-us-east-1b"), 2);
        assertThat(instances()).hasSize(2);

        // when zone a fails
        faults.inject(FaultSpec.of(FaultType.AZ_OUTAGE).availabilityZone("us-east-1a")
                .duration(Duration.ofHours(1)).build());
        ecs.clock().advance(Duration.ofMinutes(10));

        // then both tasks run in zone b
        assertThat(running()).isEqualTo(2);
        assertThat(serviceTasks("RUNNING")).extracting(Task::availabilityZone).containsOnly("us-east-1b");
    }
}
