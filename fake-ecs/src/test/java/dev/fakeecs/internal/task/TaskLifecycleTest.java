package dev.fakeecs.internal.task;

import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.FakeEcs;
import dev.fakeecs.image.ImageBehavior;
import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import dev.fakeecs.journal.JournalEntry;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A task's way from PROVISIONING to STOPPED on Fargate and EC2: timings, versions, stop reasons and codes,
 * essential containers, health checks, orphaned tasks, how long a stopped task stays describable.
 */
class TaskLifecycleTest {

    private final FakeEcs ecs = FakeEcs.builder().seed(1).build();
    private final Instant t0 = FakeEcs.DEFAULT_START;

    private String runFargate(String family) {
        return ecs.api().runTask(r -> r.cluster("prod").taskDefinition(family).launchType(LaunchType.FARGATE)
                .networkConfiguration(TaskFixtures.NETWORK)).tasks().get(0).taskArn();
    }

    private Task describe(String arn) {
        DescribeTasksResponse r = ecs.api().describeTasks(b -> b.cluster("prod").tasks(arn));
        assertThat(r.failures()).isEmpty();
        return r.tasks().get(0);
    }

    private SimulatedContainerInstance host(String type, String zone) {
        return RegionEngine.of(ecs.defaultRegion()).containerInstances().launchHost("prod", type, zone, null);
    }

    @Test
    void should_bring_a_fargate_task_to_running_in_90_virtual_seconds() {
        ecs.api().createCluster(r -> r.clusterName("prod"));
        TaskFixtures.registerFargate(ecs, "web", "acme/web:1");

        String arn = runFargate("web");

        assertThat(describe(arn).lastStatus()).isEqualTo("PROVISIONING");
        ecs.clock().advance(Duration.ofSeconds(10));
        assertThat(describe(arn).lastStatus()).isEqualTo("PENDING");
        ecs.clock().advance(Duration.ofSeconds(70));
        assertThat(describe(arn).lastStatus()).isEqualTo("ACTIVATING");
        ecs.clock().advance(Duration.ofSeconds(9));
        assertThat(describe(arn).lastStatus()).isEqualTo("ACTIVATING");
        ecs.clock().advance(Duration.ofSeconds(1));
        Task task = describe(arn);
        assertThat(task.lastStatus()).isEqualTo("RUNNING");
        assertThat(task.createdAt()).isEqualTo(t0);
        assertThat(task.pullStartedAt()).isEqualTo(t0.plusSeconds(10));
        assertThat(task.pullStoppedAt()).isEqualTo(t0.plusSeconds(80));
        assertThat(task.startedAt()).isEqualTo(t0.plusSeconds(90));
        assertThat(task.launchTypeAsString()).isEqualTo("FARGATE");
        assertThat(task.group()).isEqualTo("family:web");
        assertThat(task.platformVersion()).isEqualTo("1.4.0");
        assertThat(task.containers().get(0).lastStatus()).isEqualTo("RUNNING");
        assertThat(task.availabilityZone()).isIn(ecs.defaultRegion().availabilityZones());
    }

    @Test
    void should_start_an_ec2_task_in_20_seconds_once_the_host_has_the_image() {
        ecs.api().createCluster(r -> r.clusterName("prod"));
        RegionEngine.of(ecs.defaultRegion()).containerInstances().launchHost("prod", "m5.large", "us-east-1a", null);
        TaskFixtures.registerEc2(ecs, "worker", "acme/worker:1", 256, 512, 0);

        String first = ecs.api().runTask(r -> r.cluster("prod").taskDefinition("worker")).tasks().get(0).taskArn();
        ecs.clock().advance(Duration.ofMinutes(2));
        Instant secondLaunch = ecs.clock().instant();
        String second = ecs.api().runTask(r -> r.cluster("prod").taskDefinition("worker")).tasks().get(0).taskArn();
        ecs.clock().advance(Duration.ofMinutes(2));

        assertThat(describe(first).startedAt()).isEqualTo(t0.plusSeconds(60));
        assertThat(describe(second).startedAt()).isEqualTo(secondLaunch.plusSeconds(20));
        assertThat(describe(second).launchTypeAsString()).isEqualTo("EC2");
        assertThat(describe(second).containerInstanceArn()).contains(":container-instance/prod/");
    }

    @Test
    void should_stop_a_running_task_through_every_state_with_the_user_reason() {
        ecs.api().createCluster(r -> r.clusterName("prod"));
        TaskFixtures.registerFargate(ecs, "web", "acme/web:1");
        String arn = runFargate("web");
        ecs.clock().advance(Duration.ofMinutes(2));
        Instant stopAt = ecs.clock().instant();
        long mark = ecs.journal().mark();

        ecs.api().stopTask(r -> r.cluster("prod").task(arn));
        assertThat(describe(arn).desiredStatus()).isEqualTo("STOPPED");
        assertThat(describe(arn).lastStatus()).isEqualTo("DEACTIVATING");
        ecs.clock().advance(Duration.ofSeconds(30));

        Task task = describe(arn);
        assertThat(task.lastStatus()).isEqualTo("STOPPED");
        assertThat(task.stopCodeAsString()).isEqualTo("UserInitiated");
        assertThat(task.stoppedReason()).isEqualTo("Task stopped by user");
        assertThat(task.stoppingAt()).isEqualTo(stopAt);
        assertThat(task.executionStoppedAt()).isEqualTo(stopAt.plusSeconds(1));
        assertThat(task.stoppedAt()).isEqualTo(stopAt.plusSeconds(6));
        assertThat(task.containers().get(0).exitCode()).isEqualTo(143);
        assertThat(ecs.journal().since(mark, dev.fakeecs.journal.JournalEventType.TASK_STATE))
                .filteredOn(e -> e.detail("to") != null)
                .extracting(e -> e.detail("to"))
                .containsExactly("DEACTIVATING", "STOPPING", "DEPROVISIONING", "STOPPED");
    }

    @Test
    void should_increment_version_when_the_desired_status_changes() {
        ecs.api().createCluster(r -> r.clusterName("prod"));
        TaskFixtures.registerFargate(ecs, "web", "acme/web:1");
        String arn = runFargate("web");
        ecs.clock().advance(Duration.ofSeconds(90));
        dev.fakeecs.internal.task.SimulatedTask task = RegionEngine.of(ecs.defaultRegion()).tasks().find(arn);
        long running = describe(arn).version();

        RegionEngine.of(ecs.defaultRegion()).tasks().lifecycle().stopAfter(task, "SpotInterruption",
                "Your Spot Task was interrupted.", Duration.ofSeconds(120));

        Task interrupted = describe(arn);
        assertThat(interrupted.lastStatus()).isEqualTo("RUNNING");
        assertThat(interrupted.desiredStatus()).isEqualTo("STOPPED");
        assertThat(interrupted.version()).isGreaterThan(running);
    }

    @Test
    void should_keep_a_stopped_task_describable_for_one_virtual_hour() {
        ecs.api().createCluster(r -> r.clusterName("prod"));
        TaskFixtures.registerFargate(ecs, "web", "acme/web:1");
        String arn = runFargate("web");
        ecs.api().stopTask(r -> r.cluster("prod").task(arn));
        ecs.clock().advance(Duration.ofMinutes(59));
        assertThat(describe(arn).lastStatus()).isEqualTo("STOPPED");

        ecs.clock().advance(Duration.ofMinutes(2));

        DescribeTasksResponse r = ecs.api().describeTasks(b -> b.cluster("prod").tasks(arn));
        assertThat(r.tasks()).isEmpty();
        assertThat(r.failures()).singleElement().satisfies(f -> {
            assertThat(f.arn()).isEqualTo(arn);
            assertThat(f.reason()).isEqualTo("MISSING");
        });
    }

    @Test
    void should_stop_the_task_when_an_essential_container_is_killed_for_memory() {
        ecs.declareImage("acme/leaky:1", ImageBehavior.DEFAULT.exitAfter(Duration.ofMinutes(5), 137));
        ecs.api().createCluster(r -> r.clusterName("prod"));
        TaskFixtures.registerFargate(ecs, "leaky", "acme/leaky:1");
        String arn = runFargate("leaky");

        ecs.clock().advance(Duration.ofSeconds(90).plusMinutes(5));
        assertThat(describe(arn).desiredStatus()).isEqualTo("STOPPED");
        ecs.clock().advance(Duration.ofMinutes(1));

        Task task = describe(arn);
        assertThat(task.lastStatus()).isEqualTo("STOPPED");
        assertThat(task.stopCodeAsString()).isEqualTo("EssentialContainerExited");
        assertThat(task.stoppedReason()).isEqualTo("Essential container in task exited");
        assertThat(task.containers().get(0).exitCode()).isEqualTo(137);
        assertThat(task.containers().get(0).reason()).isEqualTo("OutOfMemoryError: Container killed due to memory usage");
        assertThat(task.stoppingAt()).isEqualTo(t0.plusSeconds(90 + 300));
    }

    @Test
    void should_stop_the_other_containers_when_an_essential_one_exits_but_not_for_a_non_essential_one() {
        ecs.declareImage("acme/oneshot:1", ImageBehavior.DEFAULT.exitAfter(Duration.ofSeconds(30), 0));
        ecs.api().createCluster(r -> r.clusterName("prod"));
        ecs.api().registerTaskDefinition(r -> r.family("web").requiresCompatibilities(
                        software.amazon.awssdk.services.ecs.model.Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(
                        ContainerDefinition.builder().name("app").image("acme/web:1").build(),
                        ContainerDefinition.builder().name("init").image("acme/oneshot:1").essential(false).build()));
        String arn = runFargate("web");

        ecs.clock().advance(Duration.ofMinutes(3));

        Task task = describe(arn);
        assertThat(task.lastStatus()).isEqualTo("RUNNING");
        assertThat(task.containers()).filteredOn(c -> c.name().equals("init")).singleElement()
                .satisfies(c -> assertThat(c.exitCode()).isZero());
    }

    @Test
    void should_fail_to_start_a_task_whose_image_cannot_be_pulled() {
        ecs.declareImage("acme/missing:9", ImageBehavior.DEFAULT.failingToPull());
        ecs.api().createCluster(r -> r.clusterName("prod"));
        TaskFixtures.registerFargate(ecs, "broken", "acme/missing:9");
        String arn = runFargate("broken");

        ecs.clock().advance(Duration.ofMinutes(3));

        Task task = describe(arn);
        assertThat(task.lastStatus()).isEqualTo("STOPPED");
        assertThat(task.stopCodeAsString()).isEqualTo("TaskFailedToStart");
        assertThat(task.stoppedReason()).startsWith("CannotPullContainerError:").contains("acme/missing:9");
        assertThat(task.startedAt()).isNull();
        assertThat(task.containers().get(0).exitCode()).isNull();
    }

    @Test
    void should_stop_a_task_that_fails_to_pull_with_the_container_reason_and_journal_each_state() {
        ecs.declareImage("acme/missing:9", ImageBehavior.DEFAULT.failingToPull());
        ecs.api().createCluster(r -> r.clusterName("prod"));
        TaskFixtures.registerFargate(ecs, "broken", "acme/missing:9");
        String arn = runFargate("broken");

        ecs.clock().advance(Duration.ofMinutes(3));

        Task task = describe(arn);
        assertThat(task.lastStatus()).isEqualTo("STOPPED");
        assertThat(task.desiredStatus()).isEqualTo("STOPPED");
        assertThat(task.stopCodeAsString()).isEqualTo("TaskFailedToStart");
        assertThat(task.containers().get(0).lastStatus()).isEqualTo("STOPPED");
        assertThat(task.containers().get(0).reason()).isEqualTo(task.stoppedReason());
        assertThat(task.stoppedAt()).isNotNull();
        assertThat(ecs.api().listTasks(r -> r.cluster("prod").desiredStatus(DesiredStatus.STOPPED)).taskArns())
                .containsExactly(arn);
        List<String> path = new ArrayList<>();
        for (JournalEntry e : ecs.journal().entries()) {
            if (arn.equals(e.subject()) && e.detail("to") != null && e.type() == dev.fakeecs.journal.JournalEventType.TASK_STATE) {
                path.add(e.detail("to"));
            }
        }
        assertThat(path).containsExactly("PENDING", "DEPROVISIONING", "STOPPED");
    }

    @Test
    void should_leave_tasks_orphaned_running_when_their_host_is_deregistered_by_force() {
        ecs.api().createCluster(r -> r.clusterName("prod"));
        SimulatedContainerInstance ci = host("m5.large", "us-east-1a");
        TaskFixtures.registerEc2(ecs, "web", "acme/web:1", 128, 256, 0);
        String arn = ecs.api().runTask(b -> b.cluster("prod").taskDefinition("web")).tasks().get(0).taskArn();
        ecs.clock().advance(Duration.ofMinutes(2));

        ecs.api().deregisterContainerInstance(b -> b.cluster("prod").containerInstance(ci.arn()).force(true));
        ecs.clock().advance(Duration.ofMinutes(10));

        Task task = describe(arn);
        assertThat(task.lastStatus()).isEqualTo("RUNNING");
        assertThat(task.stopCode()).isNull();
    }

    @Test
    void should_report_healthy_at_the_first_passing_check_after_the_image_is_ready() {
        ecs.declareImage("acme/slow:1", ImageBehavior.DEFAULT.healthyAfter(Duration.ofSeconds(45)));
        ecs.api().createCluster(r -> r.clusterName("prod"));
        TaskFixtures.registerFargateWithHealthCheck(ecs, "slow", "acme/slow:1");
        String arn = runFargate("slow");

        ecs.clock().advance(Duration.ofSeconds(90 + 59));
        assertThat(describe(arn).healthStatusAsString()).isEqualTo("UNKNOWN");
        ecs.clock().advance(Duration.ofSeconds(1));

        assertThat(describe(arn).healthStatusAsString()).isEqualTo("HEALTHY");
        assertThat(describe(arn).containers().get(0).healthStatusAsString()).isEqualTo("HEALTHY");
    }

    @Test
    void should_turn_unhealthy_after_the_retries_when_the_check_never_passes() {
        ecs.declareImage("acme/sick:1", ImageBehavior.DEFAULT.unhealthy());
        ecs.api().createCluster(r -> r.clusterName("prod"));
        TaskFixtures.registerFargateWithHealthCheck(ecs, "sick", "acme/sick:1");
        String arn = runFargate("sick");

        ecs.clock().advance(Duration.ofSeconds(90 + 89));
        assertThat(describe(arn).healthStatusAsString()).isEqualTo("UNKNOWN");
        ecs.clock().advance(Duration.ofSeconds(1));

        assertThat(describe(arn).healthStatusAsString()).isEqualTo("UNHEALTHY");
        assertThat(describe(arn).lastStatus()).as("standalone tasks are not replaced on health").isEqualTo("RUNNING");
    }

    @Test
    void should_derive_task_health_from_essential_containers_only() {
        ecs.declareImage("acme/sick-sidecar:1", ImageBehavior.DEFAULT.unhealthy());
        ecs.api().createCluster(r -> r.clusterName("prod"));
        software.amazon.awssdk.services.ecs.model.HealthCheck check = software.amazon.awssdk.services.ecs.model
                .HealthCheck.builder().command("CMD-SHELL", "true").build();
        ecs.api().registerTaskDefinition(r -> r.family("web").requiresCompatibilities(
                        software.amazon.awssdk.services.ecs.model.Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(
                        ContainerDefinition.builder().name("app").image("acme/web:1").healthCheck(check).build(),
                        ContainerDefinition.builder().name("sidecar").image("acme/sick-sidecar:1").essential(false)
                                .healthCheck(check).build(),
                        ContainerDefinition.builder().name("logs").image("acme/logs:1").essential(false).build()));

        String arn = runFargate("web");
        ecs.clock().advance(Duration.ofMinutes(5));

        Task task = describe(arn);
        assertThat(task.containers()).filteredOn(c -> c.name().equals("sidecar")).singleElement()
                .satisfies(c -> assertThat(c.healthStatusAsString()).isEqualTo("UNHEALTHY"));
        assertThat(task.containers()).filteredOn(c -> c.name().equals("logs")).singleElement()
                .satisfies(c -> assertThat(c.healthStatusAsString()).isEqualTo("UNKNOWN"));
        assertThat(task.healthStatusAsString()).isEqualTo("HEALTHY");
    }
}
