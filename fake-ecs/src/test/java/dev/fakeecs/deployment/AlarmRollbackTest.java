package dev.fakeecs.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakeecs.FakeEcs;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;

/**
 * CloudWatch alarms watching ROLLING deployments ({@code deploymentConfiguration.alarms}), through the real ECS and
 * CloudWatch SDK clients in process: an alarm in ALARM fails the deployment and rolls back, an alarm already in
 * ALARM at the start is ignored, and a watched deployment bakes Period x EvaluationPeriods before it completes.
 */
class AlarmRollbackTest {

    private FakeEcs ecs;
    private EcsClient client;
    private CloudWatchClient cloudWatch;

    @BeforeEach
    void setUp() {
        ecs = FakeEcs.builder().seed(21).build();
        client = ecs.newClient();
        cloudWatch = ecs.newCloudWatchClient();
        client.createCluster(r -> r.clusterName("prod"));
        for (String image : List.of("orders:1", "orders:2")) {
            client.registerTaskDefinition(r -> r.family("orders").networkMode(NetworkMode.AWSVPC)
                    .requiresCompatibilities(Compatibility.FARGATE).cpu("256").memory("512")
                    .containerDefinitions(c -> c.name("app").image(image).essential(true)));
        }
        cloudWatch.putMetricAlarm(r -> r.alarmName("orders-errors").namespace("Orders").metricName("Errors")
                .statistic(Statistic.SUM).period(60).evaluationPeriods(3).threshold(5.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD));
        client.createService(r -> r.cluster("prod").serviceName("orders").taskDefinition("orders:1").desiredCount(2)
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1")))
                .deploymentConfiguration(d -> d.alarms(a -> a.alarmNames("orders-errors").enable(true).rollback(true))));
        ecs.clock().advance(Duration.ofMinutes(10));
    }

    @AfterEach
    void tearDown() {
        ecs.close();
    }

    @Test
    void should_fail_and_roll_back_a_deployment_when_its_alarm_goes_into_alarm() {
        // given
        String firstId = primary().id();
        client.updateService(r -> r.cluster("prod").service("orders").taskDefinition("orders:2"));
        ecs.clock().advance(Duration.ofSeconds(90));
        String secondId = primary().id();

        // when
        cloudWatch.setAlarmState(r -> r.alarmName("orders-errors").stateValue(StateValue.ALARM)
                .stateReason("errors spiked"));
        ecs.clock().advance(Duration.ofMinutes(10));

        // then
        Service service = service();
        assertThat(service.deployments().get(0).id()).isEqualTo(firstId);
        assertThat(service.deployments()).allSatisfy(d -> assertThat(d.taskDefinition()).endsWith(":1"));
        assertThat(service.events()).anySatisfy(e -> assertThat(e.message()).isEqualTo("(service orders) (deployment "
                + secondId + ") deployment failed: alarm(s) orders-errors in ALARM state."));
        assertThat(service.events()).anySatisfy(e -> assertThat(e.message())
                .isEqualTo("(service orders) rolling back to deployment " + firstId + "."));
        ServiceDeployment failed = deploymentOf(secondId);
        assertThat(failed.statusAsString()).isEqualTo("ROLLBACK_SUCCESSFUL");
        assertThat(failed.alarms().statusAsString()).isEqualTo("TRIGGERED");
        assertThat(failed.alarms().triggeredAlarmNames()).containsExactly("orders-errors");
        assertThat(failed.rollback().reason()).isEqualTo("ECS deployment " + secondId
                + " failed: alarm(s) orders-errors in ALARM state.");
    }

    @Test
    void should_see_an_alarm_set_at_the_very_instant_of_a_poll() {
        // given: polls every 60 s from the deployment's start
        client.updateService(r -> r.cluster("prod").service("orders").taskDefinition("orders:2"));
        ecs.clock().advance(Duration.ofMinutes(2));

        // when: the alarm goes off exactly on a poll instant (after that poll ran), and CloudWatch's next
        // evaluation puts it back at once
        cloudWatch.setAlarmState(r -> r.alarmName("orders-errors").stateValue(StateValue.ALARM).stateReason("x"));
        ecs.clock().advance(Duration.ofMinutes(10));

        // then
        assertThat(primary().taskDefinition()).endsWith(":1");
        assertThat(service().events()).anySatisfy(e -> assertThat(e.message()).contains("deployment failed: alarm(s)"));
    }

    @Test
    void should_bake_a_watched_rolling_deployment_for_the_alarm_evaluation_span_before_completing() {
        // when
        client.updateService(r -> r.cluster("prod").service("orders").taskDefinition("orders:2"));
        ecs.clock().advance(Duration.ofMinutes(3));

        // then: tasks settled, but the deployment stays IN_PROGRESS for 3 x 60 s of alarm bake
        assertThat(primary().rolloutStateAsString()).isEqualTo("IN_PROGRESS");
        assertThat(service().deployments()).hasSize(2);
        ecs.clock().advance(Duration.ofMinutes(4));
        assertThat(primary().rolloutStateAsString()).isEqualTo("COMPLETED");
        assertThat(deploymentOf(primary().id()).alarms().statusAsString()).isEqualTo("MONITORING_COMPLETE");
    }

    @Test
    void should_ignore_alarms_that_were_already_in_alarm_when_the_deployment_started() {
        // given
        cloudWatch.setAlarmState(r -> r.alarmName("orders-errors").stateValue(StateValue.ALARM).stateReason("x"));

        // when
        client.updateService(r -> r.cluster("prod").service("orders").taskDefinition("orders:2"));
        ecs.clock().advance(Duration.ofMinutes(10));

        // then
        assertThat(primary().taskDefinition()).endsWith(":2");
        assertThat(primary().rolloutStateAsString()).isEqualTo("COMPLETED");
        assertThat(deploymentOf(primary().id()).alarms().statusAsString()).isEqualTo("DISABLED");
    }

    @Test
    void should_stop_launching_without_rolling_back_when_rollback_is_off() {
        // given
        client.updateService(r -> r.cluster("prod").service("orders").taskDefinition("orders:2")
                .deploymentConfiguration(d -> d.alarms(a -> a.alarmNames("orders-errors").enable(true).rollback(false))));
        ecs.clock().advance(Duration.ofSeconds(45));

        // when
        cloudWatch.setAlarmState(r -> r.alarmName("orders-errors").stateValue(StateValue.ALARM).stateReason("x"));
        ecs.clock().advance(Duration.ofMinutes(10));

        // then
        assertThat(primary().taskDefinition()).endsWith(":2");
        assertThat(primary().rolloutStateAsString()).isEqualTo("FAILED");
        assertThat(primary().rolloutStateReason()).startsWith("ECS deployment " + primary().id() + " failed: alarm(s)");
    }

    private Service service() {
        return client.describeServices(r -> r.cluster("prod").services("orders")).services().get(0);
    }

    private Deployment primary() {
        return service().deployments().get(0);
    }

    private ServiceDeployment deploymentOf(String deploymentId) {
        List<String> arns = client.listServiceDeployments(r -> r.cluster("prod").service("orders"))
                .serviceDeployments().stream().map(b -> b.serviceDeploymentArn()).toList();
        String revision = deploymentId.substring(deploymentId.indexOf('/') + 1);
        return client.describeServiceDeployments(r -> r.serviceDeploymentArns(arns)).serviceDeployments().stream()
                .filter(d -> d.targetServiceRevision().arn().endsWith("/" + revision)).findFirst().orElseThrow();
    }
}
