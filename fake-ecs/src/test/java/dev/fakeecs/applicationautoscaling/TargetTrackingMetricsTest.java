package dev.fakeecs.applicationautoscaling;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.autoscaling.ServiceLoad;
import dev.fakeecs.autoscaling.TargetTrackingPolicy;
import dev.fakeecs.spi.EngineSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Target tracking on every metric kind scales the service on the figures CloudWatch holds: memory from the load,
 * ALBRequestCountPerTarget from the requests the load balancer counts, and a customized metric the application
 * publishes itself; declared through the DSL's path or put through the API alike.
 */
class TargetTrackingMetricsTest {

    private final FakeEcs ecs = FakeEcs.builder().seed(15).build();
    private final EcsClient client = ecs.newClient();
    private final ApplicationAutoScalingClient aas = ecs.newApplicationAutoScalingClient();
    private final CloudWatchClient cw = ecs.newCloudWatchClient();
    private final String region = ecs.defaultRegion().name();

    @AfterEach
    void close() {
        ecs.close();
    }

    private String service(boolean behindLoadBalancer) {
        String targetGroup = null;
        if (behindLoadBalancer) {
            ElasticLoadBalancingV2Client elb = ecs.newLoadBalancingClient();
            String lb = elb.createLoadBalancer(r -> r.name("web-alb").subnets("subnet-us-east-1a", "subnet-us-east-1b"))
                    .loadBalancers().get(0).loadBalancerArn();
            targetGroup = elb.createTargetGroup(r -> r.name("web-tg").protocol("HTTP").port(8080).vpcId("vpc-1")
                    .targetType("ip")).targetGroups().get(0).targetGroupArn();
            String tg = targetGroup;
            elb.createListener(r -> r.loadBalancerArn(lb).protocol("HTTP").port(80)
                    .defaultActions(a -> a.type("forward").targetGroupArn(tg)));
        }
        client.createCluster(r -> r.clusterName("prod"));
        client.registerTaskDefinition(r -> r.family("web").networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilities(Compatibility.FARGATE).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("app").image("web:1").essential(true)
                        .portMappings(p -> p.containerPort(8080))));
        String tg = targetGroup;
        client.createService(r -> {
            r.cluster("prod").serviceName("web").taskDefinition("web").desiredCount(2).launchType(LaunchType.FARGATE)
                    .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-us-east-1a",
                            "subnet-us-east-1b")));
            if (tg != null) {
                r.loadBalancers(l -> l.targetGroupArn(tg).containerName("app").containerPort(8080));
            }
        });
        ecs.clock().advance(Duration.ofMinutes(5));
        return targetGroup;
    }

    private int desired() {
        return client.describeServices(r -> r.cluster("prod").services("web")).services().get(0).desiredCount();
    }

    @Test
    void should_scale_on_memory_from_the_load() {
        service(false);
        // 100 rps over 2 tasks: 30 % + 0.5 x 50 = 55 % memory, against a 40 % target
        EngineSetup.of(ecs).setServiceLoad(region, "prod", "web", new ServiceLoad(at -> 100, 50));
        EngineSetup.of(ecs).registerScalableTarget(region, "prod", "web", 1, 10,
                List.of(TargetTrackingPolicy.memory(40).withScaleInDisabled()));

        ecs.clock().advance(Duration.ofMinutes(4));

        // ceil(2 x 55 / 40)
        assertThat(desired()).isEqualTo(3);
        assertThat(cw.describeAlarms(r -> r.alarmNamePrefix("TargetTracking-service/prod/web-")).metricAlarms())
                .singleElement().satisfies(a -> assertThat(a.metricName()).isEqualTo("MemoryUtilization"));
    }

    @Test
    void should_scale_on_the_requests_per_target_the_load_balancer_counts() {
        String targetGroup = service(true);
        // 100 rps = 6,000 requests a minute over 2 targets: 3,000 per target, against 1,000
        EngineSetup.of(ecs).setServiceLoad(region, "prod", "web", new ServiceLoad(at -> 100, 50));
        EngineSetup.of(ecs).registerScalableTarget(region, "prod", "web", 1, 10,
                List.of(TargetTrackingPolicy.requestCountPerTarget(1000).withScaleInDisabled()));

        ecs.clock().advance(Duration.ofMinutes(4));

        // ceil(2 x 3000 / 1000), the label derived from the service's target group and its load balancer
        assertThat(desired()).isEqualTo(6);
        String label = aas.describeScalingPolicies(r -> r.serviceNamespace("ecs")).scalingPolicies().get(0)
                .targetTrackingScalingPolicyConfiguration().predefinedMetricSpecification().resourceLabel();
        assertThat(label).matches("app/web-alb/[0-9a-f]+/targetgroup/web-tg/[0-9a-f]+")
                .endsWith(targetGroup.substring(targetGroup.indexOf("targetgroup/")));
        MetricAlarm high = cw.describeAlarms(r -> r.alarmNamePrefix("TargetTracking-service/prod/web-AlarmHigh"))
                .metricAlarms().get(0);
        assertThat(high.namespace()).isEqualTo("AWS/ApplicationELB");
        assertThat(high.metricName()).isEqualTo("RequestCountPerTarget");
    }

    @Test
    void should_scale_on_a_customized_metric_the_application_publishes() {
        service(false);
        aas.registerScalableTarget(r -> r.serviceNamespace("ecs").scalableDimension("ecs:service:DesiredCount")
                .resourceId("service/prod/web").minCapacity(1).maxCapacity(10));
        aas.putScalingPolicy(r -> r.serviceNamespace("ecs").scalableDimension("ecs:service:DesiredCount")
                .resourceId("service/prod/web").policyName("backlog-per-task").policyType("TargetTrackingScaling")
                .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(100.0).disableScaleIn(true)
                        .customizedMetricSpecification(m -> m.namespace("Shop").metricName("BacklogPerTask")
                                .statistic("Average").dimensions(d -> d.name("Service").value("web")))));

        // the application publishes a backlog of 300 messages per task every minute
        for (int minute = 0; minute < 4; minute++) {
            cw.putMetricData(r -> r.namespace("Shop").metricData(d -> d.metricName("BacklogPerTask").value(300.0)
                    .timestamp(ecs.clock().instant())
                    .dimensions(software.amazon.awssdk.services.cloudwatch.model.Dimension.builder().name("Service")
                            .value("web").build())));
            ecs.clock().advance(Duration.ofMinutes(1));
        }

        // ceil(2 x 300 / 100)
        assertThat(desired()).isEqualTo(6);
        assertThat(aas.describeScalingActivities(r -> r.serviceNamespace("ecs")).scalingActivities().get(0).cause())
                .contains("triggered policy backlog-per-task");
    }
}
