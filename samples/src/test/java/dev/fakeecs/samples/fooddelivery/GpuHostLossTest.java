package dev.fakeecs.samples.fooddelivery;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.fault.FaultInjector;
import dev.fakeecs.fault.FaultSpec;
import dev.fakeecs.fault.FaultType;
import dev.fakeecs.spi.EngineSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.Task;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.CLUSTER;
import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.GPU_POOL;
import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.HOST_BOOT;
import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.RESTAURANTS;
import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.describe;
import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.tasks;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * restaurant-service runs five GPU tasks on the gpu-pool Auto Scaling group (eight g4dn.xlarge
 * hosts, one GPU each: three are spare). A host with a task on it dies.
 */
class GpuHostLossTest {

    private final FakeEcs ecs = FoodDeliveryPlatform.start();

    @AfterEach
    void close() {
        ecs.close();
    }

    private List<String> gpuHostsInService() {
        return EngineSetup.of(ecs).autoScalingGroupInstances(ecs.defaultRegion().name(), GPU_POOL).stream()
                .map(ContainerInstance::ec2InstanceId).toList();
    }

    private ContainerInstance hostOf(Task task) {
        return ecs.api().describeContainerInstances(r -> r.cluster(CLUSTER)
                .containerInstances(task.containerInstanceArn())).containerInstances().get(0);
    }

    @Test
    void a_lost_gpu_host_stops_its_task_a_spare_host_takes_it_and_the_group_replaces_the_host() {
        // given
        ecs.clock().advance(Duration.ofMinutes(30));
        assertThat(describe(ecs, RESTAURANTS).runningCount()).isEqualTo(5);
        assertThat(gpuHostsInService()).hasSize(8);
        Task victimTask = tasks(ecs, RESTAURANTS, "RUNNING").get(0);
        ContainerInstance victim = hostOf(victimTask);
        assertThat(victim.attributes()).anySatisfy(a -> {
            assertThat(a.name()).isEqualTo("ecs.instance-type");
            assertThat(a.value()).isEqualTo("g4dn.xlarge");
        });
        Instant lost = ecs.clock().instant();

        // when: EC2 terminates the host under the task
        FaultInjector.of(ecs).inject(FaultSpec.of(FaultType.TERMINATE_INSTANCE).cluster(CLUSTER)
                .containerInstance(victim.containerInstanceArn()).build());

        // then: the task stops with ECS's host-termination code and reason
        Task stopped = ecs.api().describeTasks(r -> r.cluster(CLUSTER).tasks(victimTask.taskArn())).tasks().get(0);
        assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
        assertThat(stopped.stopCodeAsString()).isEqualTo("TerminationNotice");
        assertThat(stopped.stoppedReason()).isEqualTo("Host EC2 (instance " + victim.ec2InstanceId() + ") terminated.");
        assertThat(stopped.stoppedAt()).isEqualTo(lost);
        assertThat(gpuHostsInService()).hasSize(7).doesNotContain(victim.ec2InstanceId());

        // the replacement goes to a spare GPU host at once and pulls the image there for the first time
        ecs.clock().advance(Duration.ofSeconds(59));
        assertThat(describe(ecs, RESTAURANTS).runningCount()).isEqualTo(4);
        Task replacement = tasks(ecs, RESTAURANTS, "RUNNING").stream()
                .filter(t -> t.createdAt().equals(lost)).findFirst().orElseThrow();
        assertThat(replacement.lastStatus()).isEqualTo("ACTIVATING");

        // and one minute after the loss both the task and the group's new host are in service
        ecs.clock().advance(Duration.ofSeconds(1));
        assertThat(describe(ecs, RESTAURANTS).runningCount()).isEqualTo(5);
        assertThat(gpuHostsInService()).hasSize(8).doesNotContain(victim.ec2InstanceId());
        assertThat(ecs.clock().instant()).isEqualTo(lost.plus(HOST_BOOT));    // the group's 60 s warm-up
        assertThat(describe(ecs, RESTAURANTS).events()).extracting(e -> e.message())
                .contains("(service restaurant-service) has started 1 tasks: (task "
                        + replacement.taskArn().substring(replacement.taskArn().lastIndexOf('/') + 1) + ").");
    }
}
