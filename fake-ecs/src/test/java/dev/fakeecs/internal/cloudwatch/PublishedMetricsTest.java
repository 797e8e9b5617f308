package dev.fakeecs.internal.cloudwatch;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.autoscaling.LoadModel;
import dev.fakeecs.autoscaling.ScalingMetric;
import dev.fakeecs.autoscaling.ServiceLoad;
import dev.fakeecs.image.ImageBehavior;
import dev.fakeecs.internal.load.ServiceLoads;
import dev.fakeecs.internal.elbv2.LoadBalancing;
import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.journal.JournalEventType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** AWS/ECS service utilisation and AWS/ApplicationELB figures published every minute, and alarms on them. */
class PublishedMetricsTest {

    private static final Instant START = CwWorld.START;

    private final FakeEcs ecs = FakeEcs.builder().seed(11).start(START).build();
    private final RegionEngine region = RegionEngine.of(ecs.defaultRegion());
    private final CloudWatch cw = region.service(CloudWatch.SERVICE);
    private final LoadBalancing elb = region.service(LoadBalancing.SERVICE);
    private final ServiceLoads scaling = region.serviceLoads();

    @AfterEach
    void close() {
        ecs.close();
    }

    private void service(String image, String targetGroupArn) {
        ecs.api().createCluster(r -> r.clusterName("prod"));
        ecs.api().registerTaskDefinition(r -> r.family("web").networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilities(Compatibility.FARGATE).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("app").image(image).essential(true)
                        .portMappings(p -> p.containerPort(8080))));
        ecs.api().createService(r -> {
            r.cluster("prod").serviceName("web").taskDefinition("web").desiredCount(2).launchType(LaunchType.FARGATE)
                    .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-us-east-1a",
                            "subnet-us-east-1b")));
            if (targetGroupArn != null) {
                r.loadBalancers(l -> l.targetGroupArn(targetGroupArn).containerName("app").containerPort(8080));
            }
        });
    }

    private List<Datapoint> ecsMetric(String name, Instant from, Instant to) {
        return cw.getMetricStatistics(r -> r.namespace("AWS/ECS").metricName(name)
                .dimensions(Dimension.builder().name("ClusterName").value("prod").build(),
                        Dimension.builder().name("ServiceName").value("web").build())
                .startTime(from).endTime(to).period(60).statistics(Statistic.AVERAGE)).datapoints();
    }

    @Test
    void should_publish_service_cpu_and_memory_as_auto_scaling_computes_them_from_the_images() {
        // given: containers declaring 85 % CPU and 256 of the task's 512 MiB
        ecs.declareImage("acme/web:1", ImageBehavior.DEFAULT.withCpuPercent(85).withMemoryMiB(256));
        service("acme/web:1", null);
        cw.startCollecting();

        // when
        ecs.clock().advance(Duration.ofMinutes(5));

        // then: one datapoint a minute once tasks run, equal to the auto scaling figure
        double cpu = scaling.metricNow("prod", "web", ScalingMetric.ECS_SERVICE_AVERAGE_CPU_UTILIZATION);
        double memory = scaling.metricNow("prod", "web", ScalingMetric.ECS_SERVICE_AVERAGE_MEMORY_UTILIZATION);
        assertThat(cpu).isEqualTo(85.0);
        assertThat(memory).isEqualTo(50.0);
        List<Datapoint> cpuPoints = ecsMetric("CPUUtilization", START, START.plusSeconds(300));
        assertThat(cpuPoints).isNotEmpty().allSatisfy(p -> {
            assertThat(p.average()).isEqualTo(cpu);
            assertThat(p.unitAsString()).isEqualTo("Percent");
        });
        assertThat(cpuPoints.get(cpuPoints.size() - 1).timestamp()).isEqualTo(START.plusSeconds(240));
        assertThat(ecsMetric("MemoryUtilization", START, START.plusSeconds(300)))
                .isNotEmpty().allSatisfy(p -> assertThat(p.average()).isEqualTo(memory));
    }

    @Test
    void should_publish_the_cpu_of_a_service_load_and_alarm_on_it() {
        // given: 300 requests a second, 50 per task at full CPU, 2 tasks -> 300 %, capped by the load model
        service("acme/web:1", null);
        scaling.setLoad("prod", "web", new ServiceLoad(LoadModel.constant(60), 50));
        cw.putMetricAlarm(r -> r.alarmName("web-cpu").namespace("AWS/ECS").metricName("CPUUtilization")
                .dimensions(Dimension.builder().name("ClusterName").value("prod").build(),
                        Dimension.builder().name("ServiceName").value("web").build())
                .statistic(Statistic.AVERAGE).period(60).evaluationPeriods(2).threshold(50.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD));

        // when
        ecs.clock().advance(Duration.ofMinutes(4));

        // then
        double cpu = scaling.metricNow("prod", "web", ScalingMetric.ECS_SERVICE_AVERAGE_CPU_UTILIZATION);
        assertThat(cpu).isGreaterThan(50.0);
        assertThat(ecsMetric("CPUUtilization", START.plusSeconds(180), START.plusSeconds(240)))
                .singleElement().satisfies(p -> assertThat(p.average()).isEqualTo(cpu));
        assertThat(cw.alarmState("web-cpu")).isEqualTo("ALARM");
    }

    @Test
    void should_publish_target_5xx_from_an_image_answering_500_and_alarm_on_it() {
        // given: an ALB forwarding to a target group of a service whose image answers 500 (its targets turn
        // unhealthy; with none healthy the load balancer fails open and still sends them the traffic)
        String lb = elb.createLoadBalancer(r -> r.name("web-alb").subnets("subnet-us-east-1a", "subnet-us-east-1b"))
                .loadBalancers().get(0).loadBalancerArn();
        String tg = elb.createTargetGroup(r -> r.name("web-tg").protocol("HTTP").port(8080).vpcId("vpc-1")
                .targetType("ip")).targetGroups().get(0).targetGroupArn();
        elb.createListener(r -> r.loadBalancerArn(lb).protocol("HTTP").port(80)
                .defaultActions(a -> a.type("forward").targetGroupArn(tg)));
        ecs.declareImage("web:broken", ImageBehavior.DEFAULT.withHttpStatus(500));
        service("web:broken", tg);
        String lbDim = lb.substring(lb.indexOf(":loadbalancer/") + ":loadbalancer/".length());
        String tgDim = tg.substring(tg.indexOf("targetgroup/"));
        List<Dimension> both = List.of(Dimension.builder().name("LoadBalancer").value(lbDim).build(),
                Dimension.builder().name("TargetGroup").value(tgDim).build());
        cw.putMetricAlarm(r -> r.alarmName("web-5xx").namespace("AWS/ApplicationELB")
                .metricName("HTTPCode_Target_5XX_Count").dimensions(both).statistic(Statistic.SUM).period(60)
                .evaluationPeriods(1).threshold(1.0).treatMissingData("notBreaching")
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD));
        ecs.clock().advance(Duration.ofSeconds(50));
        assertThat(cw.alarmState("web-5xx")).isEqualTo("INSUFFICIENT_DATA");

        // when: 10 requests a second
        elb.metrics().requestRate(lb, 10);
        ecs.clock().advance(Duration.ofMinutes(4));

        // then: each minute's 5XX count is what the load balancer counted, and the alarm fired
        Instant now = ecs.clock().instant();
        List<Datapoint> errors = cw.getMetricStatistics(r -> r.namespace("AWS/ApplicationELB")
                .metricName("HTTPCode_Target_5XX_Count").dimensions(both).startTime(START)
                .endTime(now).period(60).statistics(Statistic.SUM)).datapoints();
        List<Long> counted = elb.metrics().minutes(lb, tg).stream().map(m -> m.target5xxCount()).filter(c -> c > 0)
                .toList();
        assertThat(errors).isNotEmpty();
        assertThat(errors).extracting(p -> p.sum().longValue()).containsExactlyElementsOf(
                counted.subList(counted.size() - errors.size(), counted.size()));
        assertThat(ecs.journal().ofType(JournalEventType.ALARM_STATE)).extracting(e -> e.detail("to"))
                .contains("ALARM");
        assertThat(cw.getMetricStatistics(r -> r.namespace("AWS/ApplicationELB").metricName("RequestCount")
                .dimensions(both.get(0)).startTime(START).endTime(now).period(60).statistics(Statistic.SUM))
                .datapoints()).isNotEmpty().allSatisfy(p -> assertThat(p.sum()).isEqualTo(600.0));
        assertThat(cw.getMetricStatistics(r -> r.namespace("AWS/ApplicationELB").metricName("HealthyHostCount")
                .dimensions(both).startTime(START).endTime(now).period(60).statistics(Statistic.MAXIMUM))
                .datapoints()).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void should_journal_the_same_with_the_same_seed() {
        assertThat(scenario(5)).isEqualTo(scenario(5)).contains("ALARM_STATE");
    }

    private static String scenario(long seed) {
        try (FakeEcs world = FakeEcs.builder().seed(seed).start(START).build()) {
            CloudWatch c = RegionEngine.of(world.defaultRegion()).service(CloudWatch.SERVICE);
            world.declareImage("acme/web:1", ImageBehavior.DEFAULT.withCpuPercent(90));
            world.api().createCluster(r -> r.clusterName("prod"));
            world.api().registerTaskDefinition(r -> r.family("web").networkMode(NetworkMode.AWSVPC)
                    .requiresCompatibilities(Compatibility.FARGATE).cpu("256").memory("512")
                    .containerDefinitions(cd -> cd.name("app").image("acme/web:1").essential(true)));
            world.api().createService(r -> r.cluster("prod").serviceName("web").taskDefinition("web").desiredCount(3)
                    .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(v ->
                            v.subnets("subnet-us-east-1a"))));
            c.putMetricAlarm(r -> r.alarmName("cpu").namespace("AWS/ECS").metricName("CPUUtilization")
                    .dimensions(Dimension.builder().name("ClusterName").value("prod").build(),
                            Dimension.builder().name("ServiceName").value("web").build())
                    .statistic(Statistic.MAXIMUM).period(60).evaluationPeriods(3).datapointsToAlarm(2).threshold(80.0)
                    .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD));
            world.clock().advance(Duration.ofMinutes(10));
            return world.journal().toJsonLines();
        }
    }
}
