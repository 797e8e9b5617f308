package dev.fakeecs.internal.daemon;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.image.ImageBehavior;
import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.internal.task.SimulatedTask;
import dev.fakeecs.journal.JournalEntry;
import dev.fakeecs.journal.JournalEventType;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.CreateDaemonResponse;
import software.amazon.awssdk.services.ecs.model.DaemonDeployment;
import software.amazon.awssdk.services.ecs.model.DaemonDeploymentStatus;
import software.amazon.awssdk.services.ecs.model.DaemonDetail;
import software.amazon.awssdk.services.ecs.model.DaemonNotActiveException;
import software.amazon.awssdk.services.ecs.model.DaemonNotFoundException;
import software.amazon.awssdk.services.ecs.model.DaemonStatus;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DaemonsTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/ecsInfrastructureRole";
    private static final String PROFILE = "arn:aws:iam::123456789012:instance-profile/ecsInstanceRole";

    private final FakeEcs ecs = FakeEcs.create();
    private final EcsClient api = ecs.api();

    DaemonsTest() {
        api.createCluster(r -> r.clusterName("prod"));
        api.createCapacityProvider(r -> r.name("mi").cluster("prod").managedInstancesProvider(p -> p
                .infrastructureRoleArn(ROLE)
                .instanceLaunchTemplate(t -> t.ec2InstanceProfileArn(PROFILE)
                        .networkConfiguration(n -> n.subnets("subnet-us-east-1a"))
                        .instanceRequirements(q -> q.vCpuCount(v -> v.min(2).max(4)).memoryMiB(m -> m.min(4096)
                                .max(16384))))));
        ecs.clock().advance(Duration.ofSeconds(10));
    }

    private String daemonTaskDefinition(String image) {
        // daemon-register-START
        return api.registerDaemonTaskDefinition(r -> r.family("agent").cpu("256").memory("256")
                .containerDefinitions(c -> c.name("agent").image(image))).daemonTaskDefinitionArn();
        // daemon-register-END
    }

    private String mi() {
        return state().capacityProviders().find("mi").arn();
    }

    private RegionEngine state() {
        return RegionEngine.of(ecs.defaultRegion());
    }

    private CreateDaemonResponse createDaemon(String td) {
        // daemon-create-START
        return api.createDaemon(r -> r.daemonName("agent").clusterArn("prod").daemonTaskDefinitionArn(td)
                .capacityProviderArns(mi()));
        // daemon-create-END
    }

    private void service(int desired) {
        String td = api.registerTaskDefinition(r -> r.family("web").networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilities(Compatibility.MANAGED_INSTANCES).cpu("512").memory("1024")
                .containerDefinitions(c -> c.name("web").image("nginx"))).taskDefinition().taskDefinitionArn();
        api.createService(r -> r.cluster("prod").serviceName("web").taskDefinition(td).desiredCount(desired)
                .capacityProviderStrategy(CapacityProviderStrategyItem.builder().capacityProvider("mi").weight(1)
                        .build())
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-us-east-1a"))));
    }

    private List<Task> tasks(String desiredStatus) {
        List<String> arns = api.listTasks(r -> r.cluster("prod").desiredStatus(desiredStatus)).taskArns();
        return arns.isEmpty() ? List.of() : api.describeTasks(r -> r.cluster("prod").tasks(arns)).tasks();
    }

    private List<Task> daemonTasks() {
        return tasks("RUNNING").stream().filter(t -> "daemon:agent".equals(t.group())).toList();
    }

    private List<String> instances() {
        return api.listContainerInstances(r -> r.cluster("prod")).containerInstanceArns();
    }

    private DaemonDeployment deployment(String arn) {
        return api.describeDaemonDeployments(r -> r.daemonDeploymentArns(arn)).daemonDeployments().get(0);
    }

    private int webRunning() {
        return api.describeServices(r -> r.cluster("prod").services("web")).services().get(0).runningCount();
    }

    @Test
    void should_complete_a_create_deployment_at_once_on_a_provider_without_instances() {
        // when
        CreateDaemonResponse created = createDaemon(daemonTaskDefinition("agent:1"));

        // then
        assertThat(created.daemonArn()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:daemon/prod/agent");
        assertThat(created.status()).isEqualTo(DaemonStatus.ACTIVE);
        assertThat(deployment(created.deploymentArn()).status()).isEqualTo(DaemonDeploymentStatus.PENDING);
        ecs.clock().advance(Duration.ofSeconds(1));
        DaemonDeployment done = deployment(created.deploymentArn());
        assertThat(done.status()).isEqualTo(DaemonDeploymentStatus.SUCCESSFUL);
        assertThat(done.deploymentConfiguration().drainPercent()).isEqualTo(25.0);
        assertThat(done.deploymentConfiguration().bakeTimeInMinutes()).isZero();
        DaemonDetail detail = api.describeDaemon(r -> r.daemonArn(created.daemonArn())).daemon();
        assertThat(detail.status()).isEqualTo(DaemonStatus.ACTIVE);
        assertThat(detail.currentRevisions()).hasSize(1);
        assertThat(api.listDaemons(r -> r.clusterArn("prod")).daemonSummariesList()).hasSize(1);
        assertThat(api.listDaemonDeployments(r -> r.daemonArn(created.daemonArn())).daemonDeployments())
                .extracting(s -> s.status()).containsExactly(DaemonDeploymentStatus.SUCCESSFUL);
        String revision = detail.currentRevisions().get(0).arn();
        assertThat(api.describeDaemonRevisions(r -> r.daemonRevisionArns(revision)).daemonRevisions().get(0)
                .containerImages().get(0).image()).isEqualTo("agent:1");
    }

    @Test
    void should_start_one_daemon_task_first_on_every_new_instance_and_hold_application_tasks_until_it_runs() {
        // given a daemon whose container takes 30 s longer to start
        ecs.declareImage("agent:slow", ImageBehavior.DEFAULT.withStartTime(Duration.ofSeconds(30)));
        createDaemon(daemonTaskDefinition("agent:slow"));
        ecs.clock().advance(Duration.ofSeconds(1));

        // when
        service(3);
        ecs.clock().advance(Duration.ofMinutes(5));

        // then
        assertThat(webRunning()).isEqualTo(3);
        List<String> hosts = instances();
        assertThat(daemonTasks()).hasSize(hosts.size()).extracting(Task::containerInstanceArn)
                .containsExactlyInAnyOrderElementsOf(hosts);
        for (Task daemon : daemonTasks()) {
            for (Task app : tasks("RUNNING")) {
                if (app.group().equals("service:web") && app.containerInstanceArn().equals(daemon.containerInstanceArn())) {
                    assertThat(app.startedAt()).isAfterOrEqualTo(daemon.startedAt());
                }
            }
        }
        DaemonDetail detail = api.describeDaemon(r -> r.daemonArn("arn:aws:ecs:us-east-1:123456789012:daemon/prod/agent"))
                .daemon();
        assertThat(detail.currentRevisions().get(0).totalRunningCount()).isEqualTo(hosts.size());
        assertThat(detail.currentRevisions().get(0).totalWithoutDaemonCount()).isZero();
    }

    @Test
    void should_drain_and_replace_an_instance_whose_daemon_task_stops() {
        // given
        createDaemon(daemonTaskDefinition("agent:1"));
        ecs.clock().advance(Duration.ofSeconds(1));
        service(2);
        ecs.clock().advance(Duration.ofMinutes(5));
        String impaired = instances().get(0);
        Task daemon = daemonTasks().get(0);

        // when
        api.stopTask(r -> r.cluster("prod").task(daemon.taskArn()));
        ecs.clock().advance(Duration.ofMinutes(1));

        // then the instance drains at once, its tasks move to a replacement that runs the daemon
        assertThat(api.describeContainerInstances(r -> r.cluster("prod").containerInstances(impaired))
                .containerInstances().get(0).status()).isIn("DRAINING", "INACTIVE");
        ecs.clock().advance(Duration.ofMinutes(6));
        assertThat(instances()).hasSize(1).doesNotContain(impaired);
        assertThat(webRunning()).isEqualTo(2);
        assertThat(daemonTasks()).hasSize(1).extracting(Task::containerInstanceArn).containsExactlyElementsOf(instances());
    }

    @Test
    void should_roll_an_update_over_the_instances_in_drain_percent_batches() {
        // given two instances (one task each needs a whole instance of 2 vCPUs)
        createDaemon(daemonTaskDefinition("agent:1"));
        ecs.clock().advance(Duration.ofSeconds(1));
        String td = api.registerTaskDefinition(r -> r.family("big").networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilities(Compatibility.MANAGED_INSTANCES).cpu("3072").memory("4096")
                .containerDefinitions(c -> c.name("web").image("nginx"))).taskDefinition().taskDefinitionArn();
        api.createService(r -> r.cluster("prod").serviceName("web").taskDefinition(td).desiredCount(2)
                .capacityProviderStrategy(CapacityProviderStrategyItem.builder().capacityProvider("mi").weight(1).build())
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-us-east-1a"))));
        ecs.clock().advance(Duration.ofMinutes(5));
        List<String> before = instances();
        assertThat(before).hasSize(2);
        String v2 = daemonTaskDefinition("agent:2");

        // when
        // daemon-update-START
        String deploymentArn = api.updateDaemon(r -> r.daemonArn("arn:aws:ecs:us-east-1:123456789012:daemon/prod/agent")
                .daemonTaskDefinitionArn(v2).capacityProviderArns(mi())
                .deploymentConfiguration(c -> c.drainPercent(50.0).bakeTimeInMinutes(2))).deploymentArn();
        // daemon-update-END
        ecs.clock().advance(Duration.ofSeconds(1));

        // then one instance drains at a time
        DaemonDeployment running = deployment(deploymentArn);
        assertThat(running.status()).isEqualTo(DaemonDeploymentStatus.IN_PROGRESS);
        assertThat(running.sourceDaemonRevisions()).hasSize(1);
        long drainingNow = before.stream().filter(arn -> api.describeContainerInstances(r -> r.cluster("prod")
                .containerInstances(arn)).containerInstances().get(0).status().equals("DRAINING")).count();
        assertThat(drainingNow).isEqualTo(1);
        ecs.clock().advance(Duration.ofMinutes(20));
        DaemonDeployment done = deployment(deploymentArn);
        assertThat(done.status()).isEqualTo(DaemonDeploymentStatus.SUCCESSFUL);
        assertThat(done.finishedAt()).isAfter(done.startedAt().plus(Duration.ofMinutes(2)));
        assertThat(instances()).hasSize(2).doesNotContainAnyElementsOf(before);
        assertThat(daemonTasks()).hasSize(2).allSatisfy(t -> assertThat(t.taskDefinitionArn()).isEqualTo(v2));
        assertThat(webRunning()).isEqualTo(2);
        List<JournalEntry> batches = ecs.journal().find(e -> e.type() == JournalEventType.DEPLOYMENT
                && "batch".equals(e.detail("daemonDeployment")));
        assertThat(batches).hasSize(2);
        assertThat(batches.get(1).time()).isAfter(batches.get(0).time());
    }

    @Test
    void should_roll_back_when_the_new_daemon_keeps_failing() {
        // given
        createDaemon(daemonTaskDefinition("agent:1"));
        ecs.clock().advance(Duration.ofSeconds(1));
        service(1);
        ecs.clock().advance(Duration.ofMinutes(5));
        ecs.declareImage("agent:broken", ImageBehavior.DEFAULT.failingToPull());
        String broken = daemonTaskDefinition("agent:broken");

        // when
        String deploymentArn = api.updateDaemon(r -> r.daemonArn("arn:aws:ecs:us-east-1:123456789012:daemon/prod/agent")
                .daemonTaskDefinitionArn(broken).capacityProviderArns(mi())).deploymentArn();
        ecs.clock().advance(Duration.ofMinutes(40));

        // then
        DaemonDeployment d = deployment(deploymentArn);
        assertThat(d.circuitBreaker().failureCount()).isGreaterThanOrEqualTo(3);
        assertThat(d.circuitBreaker().threshold()).isEqualTo(3);
        assertThat(d.status()).isEqualTo(DaemonDeploymentStatus.ROLLBACK_SUCCESSFUL);
        assertThat(d.rollback().reason()).contains("circuit breaker");
        assertThat(webRunning()).isEqualTo(1);
        assertThat(daemonTasks()).hasSize(1).allSatisfy(t -> assertThat(t.taskDefinitionArn()).endsWith("agent:1"));
    }

    @Test
    void should_roll_back_when_an_alarm_fires_during_the_bake_time() {
        // given a daemon on one instance and an alarm in OK
        var cloudWatch = ecs.newCloudWatchClient();
        cloudWatch.putMetricAlarm(r -> r.alarmName("agent-errors").namespace("Agent").metricName("Errors")
                .statistic(software.amazon.awssdk.services.cloudwatch.model.Statistic.SUM).period(60)
                .evaluationPeriods(1).threshold(5.0)
                .comparisonOperator(software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator
                        .GREATER_THAN_OR_EQUAL_TO_THRESHOLD));
        createDaemon(daemonTaskDefinition("agent:1"));
        ecs.clock().advance(Duration.ofSeconds(1));
        service(1);
        ecs.clock().advance(Duration.ofMinutes(5));
        String v2 = daemonTaskDefinition("agent:2");
        String deploymentArn = api.updateDaemon(r -> r.daemonArn("arn:aws:ecs:us-east-1:123456789012:daemon/prod/agent")
                .daemonTaskDefinitionArn(v2).capacityProviderArns(mi())
                .deploymentConfiguration(c -> c.bakeTimeInMinutes(30)
                        .alarms(a -> a.alarmNames("agent-errors").enable(true)))).deploymentArn();
        ecs.clock().advance(Duration.ofMinutes(8));
        assertThat(daemonTasks()).allSatisfy(t -> assertThat(t.taskDefinitionArn()).isEqualTo(v2));
        assertThat(deployment(deploymentArn).status()).isEqualTo(DaemonDeploymentStatus.IN_PROGRESS);

        // when
        cloudWatch.setAlarmState(r -> r.alarmName("agent-errors")
                .stateValue(software.amazon.awssdk.services.cloudwatch.model.StateValue.ALARM).stateReason("spike"));
        ecs.clock().advance(Duration.ofMinutes(10));

        // then
        DaemonDeployment d = deployment(deploymentArn);
        assertThat(d.alarms().triggeredAlarmNames()).containsExactly("agent-errors");
        assertThat(d.alarms().statusAsString()).isEqualTo("TRIGGERED");
        assertThat(d.status()).isEqualTo(DaemonDeploymentStatus.ROLLBACK_SUCCESSFUL);
        assertThat(d.rollback().rollbackTargetDaemonRevisionArn()).endsWith("/agent/1");
        assertThat(daemonTasks()).hasSize(1).allSatisfy(t -> assertThat(t.taskDefinitionArn()).endsWith("agent:1"));
        assertThat(webRunning()).isEqualTo(1);
    }

    @Test
    void should_delete_a_daemon_by_replacing_instances_without_it() {
        // given
        String daemonArn = createDaemon(daemonTaskDefinition("agent:1")).daemonArn();
        ecs.clock().advance(Duration.ofSeconds(1));
        service(1);
        ecs.clock().advance(Duration.ofMinutes(5));
        assertThat(daemonTasks()).hasSize(1);

        // when
        var deleted = api.deleteDaemon(r -> r.daemonArn(daemonArn));

        // then
        assertThat(deleted.status()).isEqualTo(DaemonStatus.DELETE_IN_PROGRESS);
        assertThatThrownBy(() -> api.updateDaemon(r -> r.daemonArn(daemonArn).daemonTaskDefinitionArn("agent:1")
                .capacityProviderArns(mi()))).isInstanceOf(DaemonNotActiveException.class);
        ecs.clock().advance(Duration.ofMinutes(10));
        assertThat(daemonTasks()).isEmpty();
        assertThat(webRunning()).isEqualTo(1);
        assertThat(deployment(deleted.deploymentArn()).status()).isEqualTo(DaemonDeploymentStatus.SUCCESSFUL);
        assertThatThrownBy(() -> api.describeDaemon(r -> r.daemonArn(daemonArn)))
                .isInstanceOf(DaemonNotFoundException.class);
        assertThat(api.listDaemons(r -> { }).daemonSummariesList()).isEmpty();
    }

    @Test
    void should_write_a_byte_identical_journal_for_the_same_calls() {
        String first = scenarioJournal(new DaemonsTest());
        String second = scenarioJournal(new DaemonsTest());
        assertThat(second).isEqualTo(first).contains("daemonDeployment").contains("managedInstances");
    }

    private static String scenarioJournal(DaemonsTest world) {
        world.createDaemon(world.daemonTaskDefinition("agent:1"));
        world.ecs.clock().advance(Duration.ofSeconds(1));
        world.service(3);
        world.ecs.clock().advance(Duration.ofMinutes(5));
        String v2 = world.daemonTaskDefinition("agent:2");
        world.api.updateDaemon(r -> r.daemonArn("arn:aws:ecs:us-east-1:123456789012:daemon/prod/agent")
                .daemonTaskDefinitionArn(v2).capacityProviderArns(world.mi()));
        world.ecs.clock().advance(Duration.ofDays(15));
        return world.ecs.journal().toJsonLines();
    }

    @Test
    void should_refuse_providers_that_are_not_managed_instances_and_unknown_daemons() {
        String td = daemonTaskDefinition("agent:1");
        assertThatThrownBy(() -> api.createDaemon(r -> r.daemonName("agent").clusterArn("prod")
                .daemonTaskDefinitionArn(td).capacityProviderArns("FARGATE")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("only supported for Amazon ECS Managed Instances capacity providers");
        assertThatThrownBy(() -> api.createDaemon(r -> r.daemonName("agent").clusterArn("prod")
                .daemonTaskDefinitionArn(td).capacityProviderArns(mi())
                .deploymentConfiguration(c -> c.bakeTimeInMinutes(1441))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("bakeTimeInMinutes");
        assertThatThrownBy(() -> api.describeDaemon(r -> r.daemonArn("arn:aws:ecs:us-east-1:123456789012:daemon/prod/x")))
                .isInstanceOf(DaemonNotFoundException.class);
        createDaemon(td);
        assertThatThrownBy(() -> createDaemon(td)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("already exists");
        assertThat(api.describeDaemonDeployments(r -> r.daemonDeploymentArns("arn:nope")).failures())
                .extracting(f -> f.reason()).containsExactly("MISSING");
    }
}
