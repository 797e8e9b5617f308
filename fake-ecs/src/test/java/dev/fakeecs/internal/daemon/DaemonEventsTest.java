package dev.fakeecs.internal.daemon;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.events.EcsEvent;
import dev.fakeecs.image.ImageBehavior;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.NetworkMode;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DaemonEventsTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/ecsInfrastructureRole";
    private static final String PROFILE = "arn:aws:iam::123456789012:instance-profile/ecsInstanceRole";
    private static final String DAEMON = "arn:aws:ecs:us-east-1:123456789012:daemon/prod/agent";
    private static final String CLUSTER = "arn:aws:ecs:us-east-1:123456789012:cluster/prod";

    private final FakeEcs ecs = FakeEcs.create();
    private final EcsClient api = ecs.api();

    DaemonEventsTest() {
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
        return api.registerDaemonTaskDefinition(r -> r.family("agent").cpu("256").memory("256")
                .containerDefinitions(c -> c.name("agent").image(image))).daemonTaskDefinitionArn();
    }

    private String mi() {
        return api.describeCapacityProviders(r -> r.capacityProviders("mi")).capacityProviders().get(0)
                .capacityProviderArn();
    }

    private void service() {
        String td = api.registerTaskDefinition(r -> r.family("web").networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilities(Compatibility.MANAGED_INSTANCES).cpu("512").memory("1024")
                .containerDefinitions(c -> c.name("web").image("nginx"))).taskDefinition().taskDefinitionArn();
        api.createService(r -> r.cluster("prod").serviceName("web").taskDefinition(td).desiredCount(1)
                .capacityProviderStrategy(CapacityProviderStrategyItem.builder().capacityProvider("mi").weight(1)
                        .build())
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-us-east-1a"))));
    }

    @Test
    void should_announce_each_status_of_a_daemon_deployment_and_the_daemon_tasks_state_changes() {
        // given
        String deploymentArn = api.createDaemon(r -> r.daemonName("agent").clusterArn("prod")
                .daemonTaskDefinitionArn(daemonTaskDefinition("agent:1")).capacityProviderArns(mi())).deploymentArn();

        // when
        ecs.clock().advance(Duration.ofSeconds(1));
        service();
        ecs.clock().advance(Duration.ofMinutes(5));

        // then
        List<EcsEvent> changes = ecs.events().ofType(EcsEvent.DAEMON_DEPLOYMENT_STATE_CHANGE);
        assertThat(changes).extracting(e -> e.detailText("eventName")).containsExactly("DAEMON_DEPLOYMENT_PENDING",
                "DAEMON_DEPLOYMENT_IN_PROGRESS", "DAEMON_DEPLOYMENT_SUCCESSFUL");
        assertThat(changes).allSatisfy(e -> {
            assertThat(e.resources()).containsExactly(DAEMON);
            assertThat(e.detailText("eventType")).isEqualTo("INFO");
            assertThat(e.detailText("daemonArn")).isEqualTo(DAEMON);
            assertThat(e.detailText("clusterArn")).isEqualTo(CLUSTER);
            assertThat(e.detailText("daemonDeploymentArn")).isEqualTo(deploymentArn);
            assertThat(e.detailText("updatedAt")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        });
        List<String> daemonTasks = api.listTasks(r -> r.cluster("prod")).taskArns().stream()
                .filter(arn -> "daemon:agent".equals(api.describeTasks(r -> r.cluster("prod").tasks(arn)).tasks()
                        .get(0).group())).toList();
        assertThat(daemonTasks).hasSize(1);
        assertThat(ecs.events().ofType(EcsEvent.TASK_STATE_CHANGE))
                .filteredOn(e -> e.resources().contains(daemonTasks.get(0)))
                .extracting(e -> e.detailText("lastStatus")).contains("PROVISIONING", "RUNNING");
        assertThat(ecs.events().ofType(EcsEvent.DAEMON_SERVICE_ACTION)).isEmpty();
    }

    @Test
    void should_report_daemon_tasks_that_fail_to_run_and_the_rollback_of_their_deployment() {
        // given
        api.createDaemon(r -> r.daemonName("agent").clusterArn("prod")
                .daemonTaskDefinitionArn(daemonTaskDefinition("agent:1")).capacityProviderArns(mi()));
        ecs.clock().advance(Duration.ofSeconds(1));
        service();
        ecs.clock().advance(Duration.ofMinutes(5));
        ecs.declareImage("agent:broken", ImageBehavior.DEFAULT.failingToPull());
        String broken = daemonTaskDefinition("agent:broken");

        // when
        String deploymentArn = api.updateDaemon(r -> r.daemonArn(DAEMON).daemonTaskDefinitionArn(broken)
                .capacityProviderArns(mi())).deploymentArn();
        ecs.clock().advance(Duration.ofMinutes(40));

        // then
        List<EcsEvent> impaired = ecs.events().ofType(EcsEvent.DAEMON_SERVICE_ACTION);
        assertThat(impaired).isNotEmpty().allSatisfy(e -> {
            assertThat(e.detailText("eventType")).isEqualTo("WARNING");
            assertThat(e.detailText("eventName")).isEqualTo("DAEMON_TASK_START_IMPAIRED");
            assertThat(e.detailText("failureType")).isEqualTo("TASK_FAILED_TO_RUN");
            assertThat(e.detailText("daemonArn")).isEqualTo(DAEMON);
            assertThat(e.detailText("clusterArn")).isEqualTo(CLUSTER);
            assertThat(e.detailText("containerInstanceArn")).startsWith(
                    "arn:aws:ecs:us-east-1:123456789012:container-instance/prod/");
            assertThat(e.resources()).containsExactly(e.detailText("taskArn"));
            assertThat(e.detailText("taskArn")).startsWith("arn:aws:ecs:us-east-1:123456789012:task/prod/");
        });
        List<EcsEvent> changes = ecs.events().ofType(EcsEvent.DAEMON_DEPLOYMENT_STATE_CHANGE).stream()
                .filter(e -> deploymentArn.equals(e.detailText("daemonDeploymentArn"))).toList();
        assertThat(changes).extracting(e -> e.detailText("eventName")).containsExactly("DAEMON_DEPLOYMENT_PENDING",
                "DAEMON_DEPLOYMENT_IN_PROGRESS", "DAEMON_DEPLOYMENT_ROLLBACK_IN_PROGRESS",
                "DAEMON_DEPLOYMENT_ROLLBACK_SUCCESSFUL");
        EcsEvent rollback = changes.get(2);
        assertThat(rollback.detailText("eventType")).isEqualTo("ERROR");
        assertThat(rollback.resources()).containsExactly(DAEMON);
        assertThat(changes.get(3).detailText("eventType")).isEqualTo("INFO");
        assertThat(rollback.detailText("reason")).contains("circuit breaker");
    }
}
