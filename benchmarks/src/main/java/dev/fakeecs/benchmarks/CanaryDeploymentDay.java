package dev.fakeecs.benchmarks;

import dev.fakeecs.FakeEcs;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.DeploymentStrategy;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Wall time and retained heap of a virtual day of 200 services deploying every hour with CANARY deployments watched
 * by CloudWatch alarms (issue 14's benchmark). 20 application load balancers, each with one HTTP listener and ten
 * path rules, one per service, forwarding to the service's pair of target groups (400 target groups); each
 * service runs 2 Fargate tasks, has a metric alarm on its target group's {@code HTTPCode_Target_5XX_Count} (200
 * alarms, evaluated every minute) and deploys with CANARY 10 % for 5 minutes then 100 %, bake 5 minutes, alarm
 * rollback on. Every virtual hour all 200 services get a new revision; the clock moves a minute at a time through
 * 24 hours (4,800 deployments, each moving its production rule's weights twice). Prints wall time per phase, the
 * deployments that ended SUCCESSFUL, and the heap retained after a GC.
 * Run: {@code java -Xmx1g -cp benchmarks/target/benchmarks.jar dev.fakeecs.benchmarks.CanaryDeploymentDay [SERVICES]}.
 */
public final class CanaryDeploymentDay {

    private static final int SERVICES_PER_LOAD_BALANCER = 10;
    private static final String[] SUBNETS = {"subnet-us-east-1a", "subnet-us-east-1b"};

    private CanaryDeploymentDay() {
    }

    public static void main(String[] args) throws Exception {
        int services = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        long before = Measure.usedAfterGc();
        long start = System.nanoTime(); // wall time of the benchmark itself, outside the engine
        try (FakeEcs ecs = FakeEcs.builder().seed(200).build()) {
            EcsClient client = ecs.newClient();
            ElasticLoadBalancingV2Client elb = ecs.newLoadBalancingClient();
            CloudWatchClient cloudWatch = ecs.newCloudWatchClient();
            client.createCluster(r -> r.clusterName("prod"));
            for (int v = 0; v < 2; v++) {
                String image = "acme/web:" + v;
                client.registerTaskDefinition(r -> r.family("web").requiresCompatibilities(Compatibility.FARGATE)
                        .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                        .containerDefinitions(c -> c.name("web").image(image).portMappings(p -> p.containerPort(8080))));
            }
            List<String> names = build(client, elb, cloudWatch, services);
            ecs.clock().advance(Duration.ofHours(1));
            long built = System.nanoTime();
            System.out.printf("build: %d services, %d target groups, %d alarms, first deployments after 1 h virtual, "
                    + "wall=%d ms%n", names.size(), names.size() * 2, names.size(), (built - start) / 1_000_000);
            int deployments = 0;
            for (int hour = 0; hour < 24; hour++) {
                String revision = "web:" + (1 + (hour + 1) % 2);
                for (String name : names) {
                    client.updateService(r -> r.cluster("prod").service(name).taskDefinition(revision));
                    deployments++;
                }
                for (int minute = 0; minute < 60; minute++) {
                    ecs.clock().advance(Duration.ofMinutes(1));
                }
            }
            long day = System.nanoTime();
            long successful = 0;
            for (String name : names) {
                successful += client.listServiceDeployments(r -> r.cluster("prod").service(name).status(
                        software.amazon.awssdk.services.ecs.model.ServiceDeploymentStatus.SUCCESSFUL).maxResults(100))
                        .serviceDeployments().size();
            }
            long after = Measure.usedAfterGc();
            System.out.printf("day: %d canary deployments in 24 h virtual, wall=%d ms (%.1f ms per virtual hour); "
                            + "%d listed SUCCESSFUL (ListServiceDeployments pages of 100)%n", deployments,
                    (day - built) / 1_000_000, (day - built) / 1e6 / 24, successful);
            System.out.printf("total wall=%d ms retainedHeap=%.1f MiB journalEntries=%d%n",
                    (System.nanoTime() - start) / 1_000_000, (after - before) / 1048576.0, ecs.journal().size());
        }
    }

    private static List<String> build(EcsClient client, ElasticLoadBalancingV2Client elb, CloudWatchClient cloudWatch,
                                      int services) {
        List<String> names = new ArrayList<>();
        int loadBalancers = (services + SERVICES_PER_LOAD_BALANCER - 1) / SERVICES_PER_LOAD_BALANCER;
        for (int lb = 0; lb < loadBalancers; lb++) {
            String lbName = "alb-" + lb;
            String lbArn = elb.createLoadBalancer(r -> r.name(lbName).subnets(SUBNETS)).loadBalancers().get(0)
                    .loadBalancerArn();
            String listener = elb.createListener(r -> r.loadBalancerArn(lbArn).protocol("HTTP").port(80)
                    .defaultActions(a -> a.type("fixed-response").fixedResponseConfig(f -> f.statusCode("404"))))
                    .listeners().get(0).listenerArn();
            String lbDimension = lbArn.substring(lbArn.indexOf("loadbalancer/") + "loadbalancer/".length());
            for (int s = 0; s < SERVICES_PER_LOAD_BALANCER && names.size() < services; s++) {
                String name = "svc-" + names.size();
                String blue = targetGroup(elb, name + "-a");
                String green = targetGroup(elb, name + "-b");
                int priority = s + 1;
                String rule = elb.createRule(r -> r.listenerArn(listener).priority(priority)
                        .conditions(c -> c.field("path-pattern").values("/" + name + "/*"))
                        .actions(a -> a.type("forward").forwardConfig(f -> f.targetGroups(
                                TargetGroupTuple.builder().targetGroupArn(blue).weight(1).build(),
                                TargetGroupTuple.builder().targetGroupArn(green).weight(0).build()))))
                        .rules().get(0).ruleArn();
                String tgDimension = blue.substring(blue.indexOf("targetgroup/"));
                cloudWatch.putMetricAlarm(r -> r.alarmName(name + "-5xx").namespace("AWS/ApplicationELB")
                        .metricName("HTTPCode_Target_5XX_Count")
                        .dimensions(Dimension.builder().name("LoadBalancer").value(lbDimension).build(),
                                Dimension.builder().name("TargetGroup").value(tgDimension).build())
                        .statistic(Statistic.SUM).period(60).evaluationPeriods(1).threshold(5.0)
                        .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                        .treatMissingData("notBreaching"));
                client.createService(r -> r.cluster("prod").serviceName(name).taskDefinition("web:1").desiredCount(2)
                        .launchType(LaunchType.FARGATE)
                        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(SUBNETS)))
                        .loadBalancers(l -> l.targetGroupArn(blue).containerName("web").containerPort(8080)
                                .advancedConfiguration(a -> a.alternateTargetGroupArn(green).productionListenerRule(rule)
                                        .roleArn("arn:aws:iam::123456789012:role/ecs-lb")))
                        .deploymentConfiguration(d -> d.strategy(DeploymentStrategy.CANARY).bakeTimeInMinutes(5)
                                .canaryConfiguration(c -> c.canaryPercent(10.0).canaryBakeTimeInMinutes(5))
                                .alarms(a -> a.alarmNames(name + "-5xx").enable(true).rollback(true))));
                names.add(name);
            }
        }
        return names;
    }

    private static String targetGroup(ElasticLoadBalancingV2Client elb, String name) {
        return elb.createTargetGroup(r -> r.name(name).protocol("HTTP").port(8080).vpcId("vpc-1").targetType("ip"))
                .targetGroups().get(0).targetGroupArn();
    }
}
